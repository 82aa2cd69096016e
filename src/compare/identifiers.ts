// A number to call printed differently by different outlets: "call police on 0845 125 2222" in
// most, "0845 125 222" in one. A claim is a telephone number (digit groups after a cue such as
// "call" or "hotline"); numbers sharing their first group (the same service or area) are the same
// number, and two different digit strings for it disagree. Spacing and hyphens do not count.
import type { Context } from './context.js';
import type { Detector, FactClaim } from './claims.js';
import { loadJson } from '../util/data.js';

let cues: Set<string> | null = null;
function CUES(): Set<string> {
  return (cues ??= new Set(loadJson<{ phoneCues: string[] }>('compare/identifiers.json').phoneCues));
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
          out.push({ kind: 'identifier', article: a.id, sentence: s, start: p.start, end: p.end, value: p.digits, display: a.doc.text.slice(p.start, p.end), subject: `the number beginning ${p.prefix}`, bucket: `phone:${p.prefix}` });
        }
      }
    }
    return out;
  },
  sameFact: (a, b) => a.bucket === b.bucket,
  conflict: (a, b) => a.value !== b.value,
  topic: (claims) => `telephone number (${claims[0].subject})`,
};
