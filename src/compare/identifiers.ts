// Designations outlets print differently. A number to call: "call police on 0845 125 2222" in
// most, "0845 125 222" in one. A claim is a telephone number (digit groups after a cue such as
// "call" or "hotline"); numbers sharing their first group (the same service or area) are the same
// number, and two different digit strings for it disagree. Spacing and hyphens do not count.
// A weapon's calibre: "a .38-calibre revolver" in one, "a .357 calibre revolver" in another; the
// same kind of weapon (the noun after the calibre) with two calibres disagrees.
import type { Context } from './context.js';
import type { Detector, FactClaim } from './claims.js';
import { loadJson } from '../util/data.js';

interface IdentifierWords {
  phoneCues: string[];
  weaponNouns: string[];
}
let vocab: { cues: Set<string>; weapons: Set<string> } | null = null;
function V(): NonNullable<typeof vocab> {
  if (!vocab) {
    const w = loadJson<IdentifierWords>('compare/identifiers.json');
    vocab = { cues: new Set(w.phoneCues), weapons: new Set(w.weaponNouns) };
  }
  return vocab;
}
const CUES = (): Set<string> => V().cues;

export interface Calibre {
  start: number;
  end: number;
  /** The calibre's digits ("38", "357"). */
  calibre: string;
  /** The weapon it designates, as its noun ("revolver"). */
  weapon: string;
}

/** ".38-caliber revolver", ". 357 calibre Smith revolver": the calibre with the weapon noun within
 * the next four words. */
export function calibresIn(text: string, offset = 0): Calibre[] {
  const out: Calibre[] = [];
  for (const m of text.matchAll(/(?<!\d)\.\s?(\d{2,3})\s*-?\s*calib(?:er|re)\b/gi)) {
    const after = text.slice(m.index! + m[0].length);
    const words = [...after.matchAll(/[\p{L}-]+/gu)].slice(0, 4);
    const noun = words.find((w) => V().weapons.has(w[0].toLowerCase()));
    if (!noun) continue;
    out.push({ start: offset + m.index!, end: offset + m.index! + m[0].length + noun.index! + noun[0].length, calibre: m[1], weapon: noun[0].toLowerCase() });
  }
  return out;
}

export interface Phone {
  start: number;
  end: number;
  digits: string;
  /** The first digit group: the service or area code. */
  prefix: string;
}

/** Telephone numbers in a text: three or more digit groups (7 to 13 digits in all) after a cue word. */
export function phonesIn(text: string, offset = 0): Phone[] {
  const out: Phone[] = [];
  for (const m of text.matchAll(/(?<![\d.,])\(?(\d{2,5})\)?(?:[ .-]\d{2,5}){1,3}(?![ .-]?\d|,\d)/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 13) continue;
    // Not a figure with spaced thousands ("12 500 000") nor a date ("12.03.2011").
    if (/^[1-9]\d{0,2}(?:[ .]\d{3})+$/.test(m[0])) continue;
    if (/^(0?[1-9]|[12]\d|3[01])[ .-](0?[1-9]|[12]\d|3[01])[ .-](19|20)\d\d$/.test(m[0])) continue;
    const before = text.slice(Math.max(0, m.index! - 30), m.index!).toLowerCase().match(/([a-z]+)\W*$/);
    if (!before || !CUES().has(before[1])) continue;
    out.push({ start: offset + m.index!, end: offset + m.index! + m[0].length, digits, prefix: m[1] });
  }
  return out;
}

export const identifiers: Detector = {
  kind: 'identifier',
  extract(ctx: Context): FactClaim[] {
    const out: FactClaim[] = [];
    for (const a of ctx.articles) {
      for (const s of a.sentences) {
        for (const p of phonesIn(a.doc.text.slice(s.start, s.end), s.start)) {
          out.push({ kind: 'identifier', article: a.id, sentence: s, start: p.start, end: p.end, value: p.digits, display: a.doc.text.slice(p.start, p.end), subject: `telephone number (the number beginning ${p.prefix})`, bucket: `phone:${p.prefix}` });
        }
      }
      // Over the whole text: a sentence splitter may cut "a .38-calibre" at its point. The claim
      // belongs to the sentence that names the weapon.
      for (const c of calibresIn(a.doc.text)) {
        const s = a.sentences.find((x) => x.start < c.end && c.end <= x.end);
        if (!s) continue;
        out.push({ kind: 'identifier', article: a.id, sentence: s, start: Math.max(c.start, s.start), end: c.end, value: c.calibre, display: `.${c.calibre} calibre ${c.weapon}`, subject: `calibre of the ${c.weapon}`, bucket: `calibre:${c.weapon}` });
      }
    }
    return out;
  },
  sameFact: (a, b) => a.bucket === b.bucket,
  conflict: (a, b) => a.value !== b.value,
  topic: (claims) => claims[0].subject,
};
