// Stretches of time: "a 60-day truce" → P60D, "two years" → P2Y, "nearly five months" → P5M,
// "the past nine days" → P9D, "12-hour" → PT12H, "over a decade" → P10Y, "for years" → PXY.
import { matches, type Candidate, type Scan } from '../candidate.js';
import { lexicon, parseNumber } from '../lexicon.js';

/** TIMEX3 duration of n units ("D", "TH", "10Y"…); n null for an unspecified number. */
export function durationValue(n: number | null, unit: string): string {
  const m = /^(\d+)?(T?)([A-Z]+)$/.exec(unit);
  if (!m) return 'PX';
  const factor = m[1] ? Number(m[1]) : 1;
  const time = m[2] === 'T';
  const code = m[3];
  if (n === null) {
    // TIMEX3 writes decades and centuries as DE and CE when the number is unknown.
    const vagueCode = factor === 10 ? 'DE' : factor === 100 ? 'CE' : code;
    return time ? `PTX${vagueCode}` : `PX${vagueCode}`;
  }
  const amount = Math.round(n * factor * 100) / 100;
  return time ? `PT${amount}${code}` : `P${amount}${code}`;
}

const MODIFIERS = String.raw`(?:(?:nearly|almost|about|around|roughly|approximately|some|more\s+than|less\s+than|fewer\s+than|over|under|up\s+to|at\s+least|at\s+most|just|only|barely|well\s+over|a\s+further|another|an\s+additional|the\s+(?:past|last|next|first|final|previous|following|coming)|its|their|his|her)\s+)`;
const ADJECTIVES = String.raw`(?:(?:straight|consecutive|successive|full|whole|long|more|additional|further|trading|working|business|calendar|short|brief)\s+)`;

let numericRe: RegExp | null = null;
let adjectivalRe: RegExp | null = null;
let bareRe: RegExp | null = null;
let refRe: RegExp | null = null;

export function durations(scan: Scan): Candidate[] {
  const lx = lexicon();
  const vague = lx.vagueQuantities.map((v) => v.replace(/ /g, '\\s+')).join('|');
  numericRe ??= new RegExp(`\\b${MODIFIERS}?(${lx.re.number}|${vague})\\s+${ADJECTIVES}?(${lx.re.unit})(?:[-‐]long)?\\b(?![-‐]old)`, 'gi');
  adjectivalRe ??= new RegExp(`\\b(${lx.re.number})[-‐](${lx.re.unit})(?:[-‐]long)?\\b(?![-‐]old)`, 'gi');
  // "for years", "within minutes", "over the years": an unspecified stretch.
  bareRe ??= /\b(for|in|within|over|after|across|spanning|took|take|takes)\s+(?:just\s+|only\s+|mere\s+)?((?:the\s+)?(?:many\s+|several\s+)?(years|decades|months|weeks|days|hours|minutes|centuries))\b/gi;
  // "the coming weeks", "in recent months": vague references forward or back.
  refRe ??= /\b(?:the\s+)?(coming|recent|following)\s+(days|weeks|months|years|decades)\b/gi;
  const out: Candidate[] = [];
  for (const { m, start, end } of matches(scan, numericRe)) {
    const qty = m[1].toLowerCase().replace(/\s+/g, ' ');
    const unitWord = m[2].toLowerCase();
    const unit = lx.units[unitWord];
    const n = parseNumber(qty);
    const after = scan.text.slice(end, end + 12);
    if (/^\s+(ago|from\s+now|hence)\b/i.test(after)) continue; // the "ago" unit's
    if (n !== null && /^(a|an|one|single)$/.test(qty)) {
      // "a day", "a year": a duration only where something says so; "$5bn a year" is a rate.
      const before = scan.text.slice(Math.max(0, start - 25), start);
      const hasModifier = !m[0].toLowerCase().startsWith(qty);
      if (!hasModifier && !/\b(for|within|in|after|over|than|nearly|almost|about|around|half|lasting|last|lasted|takes?|took|spent|spend)\s*$/i.test(before) && !/^\s+(later|earlier|after|before|long)\b/i.test(after)) continue;
      if (/(\d|\b(times|twice|once|per|percent))\s*$/i.test(before)) continue;
    }
    if (n === null && unitWord === 'night') continue;
    // "a second round", "a second day": the ordinal, not the unit.
    if (/^seconds?$/.test(unitWord) && /^(a|an|one|single)$/.test(qty)) continue;
    // A number followed by "days" inside a date ("3 June") never gets here; a bare digit
    // before a plural unit is a duration ("90 days").
    out.push({ start, end, type: 'DURATION', absolute: true, rule: 'durations', priority: 2, resolve: () => durationValue(n, unit) });
  }
  for (const { m, start, end } of matches(scan, adjectivalRe)) {
    const n = parseNumber(m[1]);
    const unit = lx.units[m[2].toLowerCase()];
    if (n === null || !unit) continue;
    out.push({ start, end, type: 'DURATION', absolute: true, rule: 'durations', priority: 2, resolve: () => durationValue(n, unit) });
  }
  // "decades-long", "months-long": an unspecified stretch as a modifier.
  for (const { m, start, end } of matches(scan, /\b(years|decades|months|weeks|days|hours)[-‐]long\b/gi)) {
    const unit = lx.units[m[1].toLowerCase()];
    out.push({ start, end, type: 'DURATION', absolute: true, rule: 'durations', priority: 2, resolve: () => durationValue(null, unit) });
  }
  for (const { m, start, end } of matches(scan, bareRe)) {
    const unit = lx.units[m[3].toLowerCase()];
    const s = start + m[0].length - m[2].length;
    out.push({ start: s, end, type: 'DURATION', absolute: true, rule: 'durations', priority: 1, resolve: () => durationValue(null, unit) });
  }
  for (const { m, start, end } of matches(scan, refRe)) {
    const value = /coming|next|following/i.test(m[1]) ? 'FUTURE_REF' : 'PAST_REF';
    out.push({ start, end, type: 'DATE', absolute: true, rule: 'durations', priority: 2, resolve: () => value });
  }
  return out;
}
