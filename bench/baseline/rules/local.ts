// Nationality adjectives an article coins from a country name it uses: "Karsian" beside "Karsia",
// "Velarian" beside "Velaria", "Nordvaldian" beside "Nordvald". They let unfamiliar countries be
// typed as places and their adjectives be read as nationalities, as for countries in the gazetteer.
import type { Doc } from '../../../src/text/doc.js';
import { lexicon } from './lexicon.js';
import { foldedTokens, isCapitalised } from './text.js';

interface Local {
  /** Folded adjective → folded country name. */
  demonyms: Map<string, string>;
  countries: Set<string>;
}

const cache = new WeakMap<Doc, Local>();

const ENDINGS: [RegExp, string][] = [
  [/ians$/, 'ia'],
  [/ian$/, 'ia'],
  [/ian$/, ''],
  [/ians$/, ''],
  [/an$/, 'a'],
  [/ans$/, 'a'],
  [/n$/, ''],
  [/ns$/, ''],
  [/ese$/, ''],
  [/ish$/, ''],
  [/i$/, ''],
];

export function localNames(doc: Doc): Local {
  let local = cache.get(doc);
  if (local) return local;
  local = { demonyms: new Map(), countries: new Set() };
  cache.set(doc, local);
  const words = foldedTokens(doc);
  const capitalised = new Set<string>();
  doc.tokens.forEach((t, i) => {
    if (isCapitalised(t.text) && /^\p{L}+$/u.test(t.text)) capitalised.add(words[i]);
  });
  const lex = lexicon();
  for (const w of capitalised) {
    if (w.length < 5 || lex.demonyms.has(w)) continue;
    for (const [re, add] of ENDINGS) {
      if (!re.test(w)) continue;
      const base = w.replace(re, add);
      if (base.length < 3 || base === w || !capitalised.has(base)) continue;
      // The adjective must be used as one somewhere: before a lower-case word or a title.
      const used = doc.tokens.some((t, i) => words[i] === w && i + 1 < doc.tokens.length && /^\p{Ll}|^\p{Lu}\p{Ll}+$/u.test(doc.tokens[i + 1].text) && doc.tokens[i + 1].sentence === t.sentence);
      if (!used) continue;
      local.demonyms.set(w, base);
      local.countries.add(base);
      break;
    }
  }
  return local;
}

/** The nationality a capitalised word expresses, from the gazetteer or the article's own coinage. */
export function demonymOf(doc: Doc, folded: string): { country: string; plural: boolean } | undefined {
  const known = lexicon().demonyms.get(folded);
  if (known) return known;
  const base = localNames(doc).demonyms.get(folded);
  return base ? { country: `local:${base}`, plural: folded.endsWith('s') } : undefined;
}
