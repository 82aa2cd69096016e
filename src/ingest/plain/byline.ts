// Bylines: "By Jane Doe and John Roe", "…, writes Jane Doe", a closing "Jane Doe is a fellow at …".

const NAME_WORD = "(?:[A-Z\\u00C0-\\u024F][\\p{L}'’.-]*|de|da|van|von|der|al|bin|el|la|le|du|di|y)";
const NAME = `[A-Z\\u00C0-\\u024F][\\p{L}'’.-]*(?:\\s+${NAME_WORD}){1,4}`;

const BY_LINE = new RegExp(`^(?:written\\s+)?(?:by|words\\s+by|von|par|por)\\s*:?\\s+(.+)$`, 'iu');
const WRITES = new RegExp(`(?:^|[,;:.—–-]\\s*|\\s)(?:writes|argues|reports|says)\\s+(${NAME})\\s*\\.?$`, 'u');
const BIO = new RegExp(
  `^(${NAME})\\s+(?:is|was|has been|serves as)\\s+(?:an?|the|a former|the former|former|senior|chief|associate|assistant|deputy)\\b[^\\n]{0,200}?\\b(?:fellow|professor|correspondent|editor|author|writer|researcher|analyst|columnist|reporter|journalist|contributor|lecturer|scholar|commentator|economist|historian|director of (?:the )?[\\p{Lu}][\\p{L}]+ (?:programme|program|centre|center|institute|project))\\b`,
  'u',
);

const ROLE_TAIL = /\s*(?:[,|–—(]|\s-\s)\s*(?:[^,|]*\b(?:correspondent|editor|reporter|writer|staff|columnist|contributor|bureau|chief|analyst|in\s+[A-Z][a-z]+|news|agency|press)\b.*)$/i;

const AGENCY = /^(?:the\s+)?(?:associated press|agence france[- ]presse|press association|pa media|news desk|web desk|staff (?:writer|reporter)s?|our (?:correspondent|reporter)s?|[\p{L} ]*\b(?:news agency|newsroom|staff|desk|bureau))$/iu;

const PARTICLE = /^(?:de|da|das|dos|del|della|di|du|van|von|der|den|ter|ten|al|el|bin|bint|ibn|la|le|y|e|zu|af)$/;

const HONORIFIC = /(^|\s|,|\band\s)(?:dr|prof|mr|mrs|ms|mx|sir|dame|amb|gen|col|rev)\.?\s+(?=\p{Lu})/giu;

function stripHonorifics(s: string): string {
  return s.replace(HONORIFIC, '$1');
}

/** "JANE DOE" → "Jane Doe"; names in mixed case stay as written. */
function fixCase(name: string): string {
  if (name !== name.toUpperCase() || !/[A-Z]{2}/.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

/** Split and tidy author strings: "By A and B", "A, B & C", drop roles and e-mail addresses. */
export function cleanAuthorList(raw: string[]): string[] {
  const out: string[] = [];
  for (const entry of raw) {
    let s = entry.replace(/\s+/g, ' ').trim();
    s = s.replace(/^(?:written\s+)?(?:by|words\s+by)\s*:?\s+/i, '');
    s = s.replace(/\S+@\S+/g, '').replace(/https?:\/\/\S+/g, '');
    s = stripHonorifics(s.replace(ROLE_TAIL, ''));
    s = s.replace(/\s+(?:in|from|at|reporting from)\s+\p{Lu}[\p{L} .'-]*$/u, '');
    for (let part of s.split(/\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\|)\s*/)) {
      part = part.replace(/^[\s,;:.—–-]+|[\s,;:—–-]+$/g, '').trim();
      if (!part || part.length > 60) continue;
      const words = part.split(/\s+/);
      // A name is capitalised words (with the usual particles): "the end of the week" is not one.
      if (!words.every((w) => /^\p{Lu}/u.test(w) || PARTICLE.test(w))) continue;
      if (words.length > 5) continue;
      // One word is an agency or a desk ("Reuters", "Staff"), not a person's byline.
      if (words.length === 1 || AGENCY.test(part)) continue;
      const name = fixCase(part);
      if (!out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** Authors named by a byline line ("By Jane Doe, Diplomatic Correspondent"), or null if it is not one. */
export function parseByLine(line: string): string[] | null {
  const m = BY_LINE.exec(line.trim());
  if (!m) return null;
  const rest = stripHonorifics(m[1].replace(/\s*(?:\||·|•)\s*.*$/, ''));
  // A byline names people: at most a few capitalised words per name, no sentence.
  if (rest.split(/\s+/).length > 14 || /[.!?]\s+\p{Lu}/u.test(rest)) return null;
  if (/[.!?]["”’]?$/.test(rest) && rest.split(/\s+/).length >= 6) return null;
  const names = cleanAuthorList([rest]);
  return names.length ? names : null;
}

/** "…, writes Jane Doe" at the end of a standfirst. */
export function parseWritesLine(line: string): string | null {
  const m = WRITES.exec(line.trim());
  return m ? cleanAuthorList([m[1]])[0] ?? null : null;
}

/** A closing biography line: "Jane Doe is a senior fellow at the Institute …". */
export function parseBioLine(line: string): string | null {
  const m = BIO.exec(line.trim());
  return m ? cleanAuthorList([m[1]])[0] ?? null : null;
}

const ROLE = /\b(?:correspondent|editor|reporter|writer|columnist|contributor|journalist|bureau chief|analyst|staff)\b/i;
const NAME_ONLY = new RegExp(`^${NAME}$`, 'u');

/**
 * A byline without "By": "Jane Doe, Diplomatic Correspondent", "Jane Doe | Europe editor", or a
 * bare name on a line next to a role or date line (`besideRoleOrDate`).
 */
export function parseNameLine(line: string, besideRoleOrDate: boolean): string | null {
  const t = line.trim();
  const split = /^(.+?)\s*(?:,|\||·|•|–|—)\s*(.+)$/.exec(t);
  if (split && NAME_ONLY.test(split[1]) && ROLE.test(split[2]) && split[2].split(/\s+/).length <= 6) {
    return cleanAuthorList([split[1]])[0] ?? null;
  }
  if (!besideRoleOrDate) return null;
  if (NAME_ONLY.test(t) && t.split(/\s+/).length <= 4) return cleanAuthorList([t])[0] ?? null;
  // "Jane Doe in Lisvaro", "Jane Doe reporting from Lisvaro".
  const placed = NAME_IN_PLACE.exec(t);
  return placed ? (cleanAuthorList([placed[1]])[0] ?? null) : null;
}

const NAME_IN_PLACE = new RegExp(`^(${NAME})\\s+(?:in|reporting from|from)\\s+\\p{Lu}[\\p{L}'-]+(?:\\s\\p{Lu}[\\p{L}'-]+)?$`, 'u');
/** A desk and place line under a byline: "BBC News, Lisvaro". */
const DESK = /^[\p{Lu}][\p{L}&]*(?:\s[\p{Lu}][\p{L}&]*)*\s+News,\s+\p{Lu}/u;

export function isRoleLine(line: string): boolean {
  return (ROLE.test(line) || DESK.test(line)) && line.split(/\s+/).length <= 6 && !/[.!?]$/.test(line);
}
