// Comparing names across outlets: diacritic folding, a transliteration key that irons out common
// romanisation differences (Qaddafi/Gaddafi/Kadhafi, Tchaikovsky/Chaikovsky, Zelensky/Zelenskyy),
// and a consonant skeleton that must agree before two spellings count as one name.
import { foldName } from '../text/fold.js';
import { loadJson } from '../util/data.js';
import { editDistance } from '../util/edit-distance.js';

export { foldName };

interface NameWords {
  honorifics: string[];
  particles: string[];
  suffixes: string[];
  corporate: string[];
  generic: string[];
  institutionHeads: string[];
  stopWords: string[];
  portfolios: string[];
}

let words: { [K in keyof NameWords]: Set<string> } | null = null;

/** The word lists of data/resolve/names.json, as sets. */
export function nameWords(): { [K in keyof NameWords]: Set<string> } {
  if (!words) {
    const raw = loadJson<NameWords>('resolve/names.json');
    words = {
      honorifics: new Set(raw.honorifics),
      particles: new Set(raw.particles),
      suffixes: new Set(raw.suffixes),
      corporate: new Set(raw.corporate),
      generic: new Set(raw.generic),
      institutionHeads: new Set(raw.institutionHeads),
      stopWords: new Set(raw.stopWords),
      portfolios: new Set(raw.portfolios),
    };
  }
  return words;
}

const translitCache = new Map<string, string>();

/** Spelling key for one word: romanisation variants map to one form. Order matters. */
export function translit(word: string): string {
  let cached = translitCache.get(word);
  if (cached === undefined) {
    cached = computeTranslit(word);
    if (translitCache.size > 50000) translitCache.clear();
    translitCache.set(word, cached);
  }
  return cached;
}

function computeTranslit(word: string): string {
  let w = foldName(word).replace(/[^a-z]/g, '');
  w = w
    .replace(/^mc/, 'mac')
    .replace(/tch/g, 'ch')
    .replace(/dzh/g, 'j')
    .replace(/zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/gh/g, 'g')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?=[aou]|$)/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/(?:iy|yy|ii|ij)$/g, 'i')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
  return w;
}

const CLASSES: Record<string, string> = { b: 'P', p: 'P', f: 'F', v: 'F', d: 'T', t: 'T', g: 'K', k: 'K', c: 'K', s: 'S', z: 'S', j: 'J', l: 'L', m: 'M', n: 'N', r: 'R' };

const skeletonCache = new Map<string, string>();

/** Consonant skeleton of a transliteration key: voicing ignored, vowels and h dropped. */
export function skeleton(key: string): string {
  let cached = skeletonCache.get(key);
  if (cached === undefined) {
    cached = computeSkeleton(key);
    if (skeletonCache.size > 50000) skeletonCache.clear();
    skeletonCache.set(key, cached);
  }
  return cached;
}

function computeSkeleton(key: string): string {
  let out = '';
  for (const ch of key) {
    const c = CLASSES[ch];
    if (!c) continue;
    if (out.endsWith(c)) continue;
    out += c;
  }
  return out;
}


/** Either word, as written (diacritics and case folded), has at most four letters. */
export function shortName(a: string, b: string): boolean {
  return Math.min(foldName(a).replace(/[^a-z]/g, '').length, foldName(b).replace(/[^a-z]/g, '').length) <= 4;
}

/** Two spellings of one surname: same skeleton and close spelling keys. Kerry ≠ Kirby (skeletons
 * differ); Kerry ≠ Carey (keys too far apart); Gaddafi = Qaddafi = Kadhafi. */
export function sameSurname(a: string, b: string): boolean {
  const ka = translit(a);
  const kb = translit(b);
  if (!ka || !kb) return false;
  // A short name has no spelling variants: Barr, Baar and Bar fold to one key but are three words.
  if (shortName(a, b)) return foldName(a) === foldName(b);
  if (ka === kb) return true;
  if (skeleton(ka) !== skeleton(kb)) return false;
  // Vowels move between romanisations of a long name; in a short word two vowel edits make
  // another word (Oregon / Region / Origin, Man / Moon).
  const edits = editDistance(ka, kb);
  const shorter = Math.min(ka.length, kb.length);
  const allowed = shorter <= 4 ? 0 : shorter <= 6 ? 1 : 2;
  return edits <= allowed && edits / Math.max(ka.length, kb.length) <= 0.34;
}

/** Edit distance with adjacent transpositions counted as one edit (Jhon/John). */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  const w = b.length + 1;
  // Three rolling rows: the transposition looks two rows back.
  let prev2 = new Uint16Array(w);
  let prev = new Uint16Array(w);
  let cur = new Uint16Array(w);
  for (let j = 0; j < w; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

/** Whether two strings are at most one edit (or one swap of neighbours) apart, in linear time. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // One substitution, or two neighbours swapped.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.slice(i) === long.slice(i + 1);
}

const isInitial = (s: string) => foldName(s).replace(/\./g, '').length === 1;

/** Two given names of one person: equal spelling keys, an initial of the other, or a close variant (Sergei/Sergey). */
export function sameGivenName(a: string, b: string): boolean {
  const ka = translit(a);
  const kb = translit(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  // An initial is a letter as written: "C." stands for Cheney, whose spelling key starts with "c".
  if (isInitial(a) || isInitial(b)) return foldName(a)[0] === foldName(b)[0];
  if (skeleton(ka) !== skeleton(kb)) return false;
  return editDistance(ka, kb) / Math.max(ka.length, kb.length) <= 0.34;
}

/**
 * How two given names relate, strongest first: the same name (spelling variants included), an
 * initial of the other, a short form that starts the other (Ed/Edward, Fred/Frederick), a shared
 * start of three letters (Katie/Kathryn, Alexis/Alexandros: pet forms, but also Mark/Mario), one
 * typing slip (Jhon/John, Micheal/Michael), or different names (Ed/David, John/Jane).
 */
export type GivenRelation = 'same' | 'initial' | 'prefix' | 'shared-start' | 'slip' | 'different';

export function givenRelation(a: string, b: string): GivenRelation {
  if (isInitial(a) || isInitial(b)) return isInitial(a) && isInitial(b) ? (sameGivenName(a, b) ? 'same' : 'different') : sameGivenName(a, b) ? 'initial' : 'different';
  if (sameGivenName(a, b)) return 'same';
  const fa = foldName(a).replace(/[^a-z]/g, '');
  const fb = foldName(b).replace(/[^a-z]/g, '');
  if (!fa || !fb) return 'different';
  const [short, long] = fa.length <= fb.length ? [fa, fb] : [fb, fa];
  if (short.length >= 2 && long.startsWith(short)) return 'prefix';
  if (short.length >= 4 && withinOneEdit(fa, fb)) return 'slip';
  if (short.length >= 3 && fa.slice(0, 3) === fb.slice(0, 3)) return 'shared-start';
  return 'different';
}


export interface PersonName {
  /** Given names and initials, in order. */
  given: string[];
  /** The family name with its particles ("von der Leyen", "al-Assad"). */
  surname: string;
  /** The last word of the family name, for comparison. */
  surnameHead: string;
}

/** Split a person's name into given names and surname. */
export function splitPersonName(name: string): PersonName {
  const { suffixes, particles } = nameWords();
  const words = name
    .replace(/[’']s?$/, '')
    .split(/\s+/)
    .filter((w) => w && !suffixes.has(w.toLowerCase()));
  if (words.length === 0) return { given: [], surname: '', surnameHead: '' };
  let k = words.length - 1;
  while (k > 0 && particles.has(words[k - 1].toLowerCase())) k--;
  const surname = words.slice(k).join(' ');
  const lastWord = words[words.length - 1];
  const surnameHead = lastWord.replace(/^(?:al|el|bin|ibn|abu)-/i, '');
  return { given: words.slice(0, k), surname, surnameHead };
}
