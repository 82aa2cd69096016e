// Folding a name for comparison (never for output): one rule for every stage, so that the entities
// stage, cross-article resolution and the comparison of outlets agree on when two spellings meet.

/** Lower-case ASCII-ish form: diacritics removed (Šefčovič → sefcovic), letters that do not decompose
 * spelled out (æ → ae, ø → o, ł → l, ß → ss, dotless ı → i), apostrophes and dashes unified,
 * whitespace collapsed. */
export function foldName(s: string): string {
  // Fast path for plain ASCII words, which are most tokens.
  if (/^[A-Za-z0-9.&'-]*$/.test(s)) return s.toLowerCase();
  // Plain ASCII phrases: of the replacements below only the backquote and the spacing apply.
  if (/^[\x20-\x7e\t\n\r]*$/.test(s)) return s.replace(/`/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();
  return s
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/[ıİ]/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐-–—]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
