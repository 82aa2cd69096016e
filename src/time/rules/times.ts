// Clock times, with their zone when given: "9pm", "09:15 CEST", "0800 UTC", "7:25 p.m. (GMT +3)",
// "noon". The date comes from a date next to it, else from the anchor.
import { matches, type Candidate, type Scan } from '../candidate.js';
import { lexicon } from '../lexicon.js';

let re: RegExp | null = null;

function zoneOffset(abbr: string | undefined, sign: string | undefined, h: string | undefined, mm: string | undefined): number | null {
  if (!abbr) return null;
  const base = lexicon().zones[abbr.toLowerCase()];
  if (base === undefined) return null;
  if (!sign || !h) return base;
  return base + (sign === '-' ? -1 : 1) * (Number(h) * 60 + Number(mm ?? 0));
}

export function times(scan: Scan): Candidate[] {
  const zones = Object.keys(lexicon().zones).filter((z) => z.length > 1).sort((a, b) => b.length - a.length).join('|');
  const ZONE = `(?:\\s*\\(?\\s*(${zones})(?:\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?)?\\s*\\)?|\\s*(local\\s+time))?`;
  re ??= new RegExp(
    `\\b(?:(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.m\\.|p\\.m\\.|a\\.?m\\b|p\\.?m\\b)|(\\d{1,2}):(\\d{2})(?:\\s*(?:hrs|h)\\b)?|([01]\\d|2[0-3])([0-5]\\d)\\s*(?=hrs|GMT|UTC|CET|CEST|Z\\b|local\\s+time)(?:hrs)?|(noon|midday|midnight)|(\\d{1,2})\\.(\\d{2})(?=\\s*\\(?(?:${zones})\\b))${ZONE}`,
    'gi',
  );
  const out: Candidate[] = [];
  for (const { m, start, end } of matches(scan, re)) {
    let hour: number;
    let minute = 0;
    if (m[3]) {
      hour = Number(m[1]) % 12 + (/^p/i.test(m[3]) ? 12 : 0);
      minute = Number(m[2] ?? 0);
      if (Number(m[1]) > 12 || Number(m[1]) === 0) continue;
    } else if (m[4]) {
      hour = Number(m[4]);
      minute = Number(m[5]);
      // "3:30" in sport or ratios: without a zone or "h" a colon time needs "at"/"by"/"from"/"until".
      const before = scan.text.slice(Math.max(0, start - 8), start);
      if (!m[11] && !/\b(at|by|from|until|till|to|before|after|around|about|since)\s*$/i.test(before) && !/h/i.test(m[0])) continue;
    } else if (m[6]) {
      hour = Number(m[6]);
      minute = Number(m[7]);
    } else if (m[9]) {
      // "10.32 BST": a full stop between hour and minutes only before a zone.
      hour = Number(m[9]);
      minute = Number(m[10]);
    } else {
      const word = m[8].toLowerCase();
      hour = word === 'midnight' ? 0 : 12;
      // "noon" and "midnight" need a preposition to be a time (and "midday" the meal hour).
      if (!/\b(at|by|from|until|till|before|after|around|about|since)\s*$/i.test(scan.text.slice(Math.max(0, start - 8), start))) continue;
    }
    if (hour > 23 || minute > 59) continue;
    const offsetMinutes = zoneOffset(m[11], m[12], m[13], m[14]);
    // Trailing spaces before a missing zone are not part of the span, nor a closing bracket
    // that this time did not open ("(0000 GMT)").
    let e = end;
    while (e > start && /\s/.test(scan.text[e - 1])) e--;
    if (scan.text[e - 1] === ')' && !scan.text.slice(start, e).includes('(')) e--;
    while (e > start && /\s/.test(scan.text[e - 1])) e--;
    out.push({
      start, end: e, type: 'TIME', absolute: false, rule: 'times', priority: 3,
      timeOnly: { hour, minute, offsetMinutes },
      resolve: () => null,
    });
  }
  return out;
}

/** "T21:00", "T09:15+02:00", "T08:00Z". */
export function clockSuffix(t: { hour: number; minute: number; offsetMinutes: number | null }): string {
  const hm = `T${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  if (t.offsetMinutes === null) return hm;
  if (t.offsetMinutes === 0) return `${hm}Z`;
  const sign = t.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(t.offsetMinutes);
  return `${hm}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
