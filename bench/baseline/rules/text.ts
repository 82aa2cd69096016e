// Small string helpers for names: folding for comparison, never for output.
import { foldName } from '../../../src/text/fold.js';

/** Names folded for comparison (see text/fold.ts). */
export const fold = foldName;

/** A surface form as it should appear in a name or alias: whitespace (line breaks) collapsed. */
export function cleanForm(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const UPPER = /^\p{Lu}/u;
const PARTICLE_CAP = /^(?:['’]|al-?|el-?|bin-?|ibn-?|van|von|de|d')\p{Lu}/u;
export const isCapitalised = (s: string): boolean => {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true; // A-Z, the common case
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return PARTICLE_CAP.test(s);
  return UPPER.test(s) || PARTICLE_CAP.test(s);
};

/** "NATO", "EADS", "U.S.", "G7": two or more capitals and nothing lower-case. */
export const isAcronym = (s: string): boolean => /^(?:[A-Z][A-Z&]{1,6}|(?:[A-Z]\.){2,4}|G\d{1,2})$/.test(s);

const foldedCache = new WeakMap<object, string[]>();

/** Folded text of every token of a document, computed once per document. */
export function foldedTokens(doc: { tokens: { text: string }[] }): string[] {
  let words = foldedCache.get(doc);
  if (!words) {
    words = doc.tokens.map((t) => fold(t.text));
    foldedCache.set(doc, words);
  }
  return words;
}
