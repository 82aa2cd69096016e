// Datelines in page copies: "Tuesday 3 June 2025 09:15 CEST", "June 3, 2025 at 9:15 a.m. ET",
// "Published: 03.06.2025", "2025-06-03 09:15". The zone is kept as an offset.
import { loadJson } from '../../util/data.js';
import { validDate } from '../dates.js';
import { beforeUpdateMarker, stampKind } from './stamps.js';
import { isDeskWord } from './byline.js';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
const TIME = '(?:\\s*(?:,|at|-|–|—|\\||·|•)?\\s*(\\d{1,2})[:.h](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?\\s?m\\.?)?(?:\\s*\\(?\\s*((?:UTC|GMT)\\s*[+-−]\\s*\\d{1,2}(?::?\\d{2})?|[+-]\\d{2}:?\\d{2}|[A-Z]{1,5}T|[A-Z]{2,5})\\s*\\)?)?)?';

const DMY = new RegExp(`\\b${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\s*,?\\s+(\\d{4})${TIME}`, 'i');
const MDY = new RegExp(`\\b${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})${TIME}`, 'i');
const ISO = new RegExp(`\\b(\\d{4})-(\\d{2})-(\\d{2})T?${TIME}`, 'i');
const DOTTED = new RegExp(`\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${TIME}`, 'i');

const TIME_FIRST = /\b(\d{1,2})[:.](\d{2})\s*([ap]\.?\s?m\.?)?\s*(?:\(?((?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[A-Z]{2,5})\)?)?\s*[,|·•–—-]?\s*$/i;

const PUBLISHED = /\b(?:published|posted|first published|issued|released|filed|date)\b/i;

interface Zones {
  fixed: Record<string, string>;
  us: Record<string, [number, number]>;
}

export interface Dateline {
  /** ISO 8601 date or date-time with offset when the line gives a zone. */
  iso: string;
  /** The line says so ("Published …"), rather than only looking like a date. */
  marked: boolean;
  /** Where the date sits in the line. */
  index: number;
  length: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** US daylight saving: second Sunday of March to first Sunday of November. */
function usDst(y: number, m: number, d: number): boolean {
  const nthSunday = (month: number, n: number) => {
    const first = new Date(Date.UTC(y, month - 1, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + 7 * (n - 1);
  };
  if (m < 3 || m > 11) return false;
  if (m > 3 && m < 11) return true;
  return m === 3 ? d >= nthSunday(3, 2) : d < nthSunday(11, 1);
}

export function zoneOffset(zone: string | undefined, y: number, m: number, d: number): string | null {
  if (!zone) return null;
  const z = zone.replace(/[()\s]/g, '').replace('−', '-').toUpperCase();
  const numeric = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (numeric) return `${numeric[1]}${pad(+numeric[2])}:${numeric[3] ?? '00'}`;
  const zones = loadJson<Zones>('ingest/timezones.json');
  if (zones.fixed[z]) return zones.fixed[z];
  const us = zones.us[z];
  if (us) return `-${pad(Math.abs(usDst(y, m, d) ? us[1] : us[0]))}:00`;
  return null;
}

function build(y: number, m: number, d: number, h?: string, mi?: string, s?: string, ampm?: string, zone?: string): string | null {
  if (!validDate(y, m, d)) return null;
  const date = `${y}-${pad(m)}-${pad(d)}`;
  if (h === undefined || mi === undefined) return date;
  let hour = +h;
  if (ampm) {
    const pm = /^p/i.test(ampm);
    if (hour > 12 || hour === 0) return date;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || +mi > 59) return date;
  const offset = zoneOffset(zone, y, m, d);
  return `${date}T${pad(hour)}:${mi}${s ? `:${s}` : ''}${offset ?? ''}`;
}

/** The publication date a line states, if it states one and is not an update or "today" stamp. */
export function parseDateline(line: string): Dateline | null {
  const first = parseFirstDate(line);
  // "Recorded Wednesday 21 October 2026, published Friday 23 October 2026": the date labelled as
  // the publication wins over an earlier one on the same line.
  if (first && !first.marked) {
    const from = first.index + first.length;
    const later = parseFirstDate(line.slice(from));
    if (later?.marked) return { ...later, index: later.index + from };
  }
  return first;
}

function parseFirstDate(line: string): Dateline | null {
  if (/©|\(c\)|copyright/i.test(line)) return null;
  if (stampKind(line)) return null;
  const text = beforeUpdateMarker(line);
  // Trailing zone words that are not zones ("… 09:15 Reuters") are not taken: only known zones pass.
  const tries: [RegExp, (m: RegExpExecArray) => string | null][] = [
    [DMY, (m) => build(+m[3], MONTHS[m[2].toLowerCase().replace('.', '')], +m[1], m[4], m[5], m[6], m[7], m[8])],
    [MDY, (m) => build(+m[3], MONTHS[m[1].toLowerCase().replace('.', '')], +m[2], m[4], m[5], m[6], m[7], m[8])],
    [ISO, (m) => build(+m[1], +m[2], +m[3], m[4], m[5], m[6], m[7], m[8])],
    [DOTTED, (m) => build(+m[3], +m[2], +m[1], m[4], m[5], m[6], m[7], m[8])],
  ];
  for (const [re, make] of tries) {
    const m = re.exec(text);
    if (!m) continue;
    const iso = make(m);
    if (!iso) continue;
    // What precedes the date on its line must not be a "today"/"updated" label.
    const before = text.slice(0, m.index);
    if (/\b(?:today|updated?|modified|edited|accessed|retrieved)\b[^|•·]*$/i.test(before)) return null;
    // UK house style puts the clock first: "10:48, Tue, Nov 19, 2019", "14:30 BST, 3 June 2025".
    const clock = iso.includes('T') ? null : TIME_FIRST.exec(before);
    if (clock) {
      const [y, mo, d] = iso.split('-').map(Number);
      const withTime = build(y, mo, d, clock[1], clock[2], undefined, clock[3], clock[4]);
      if (withTime) {
        const at = clock.index;
        return { iso: withTime, marked: PUBLISHED.test(text.slice(0, at)), index: at, length: m.index + m[0].length - at };
      }
    }
    return { iso, marked: PUBLISHED.test(before), index: m.index, length: m[0].length };
  }
  return null;
}

/** A line that is essentially a date (with at most a label, a byline or a place beside it). */
export function isDateLine(line: string, found: Dateline): boolean {
  const rest = (line.slice(0, found.index) + ' ' + line.slice(found.index + found.length)).replace(/[\s|•·,:–—-]+/g, ' ').trim();
  const words = rest.split(' ').filter(Boolean);
  if (words.length > 8) return false;
  // "— Jane Doe (@jdoe) June 3, 2025" closes an embedded post: content, not the page's dateline.
  if (/^[—–-]/.test(line.trim()) || /\(@\w+\)/.test(line)) return false;
  // Beside the date only labels, names and places: "On 3 June 2025, talks resumed." is a sentence.
  // "Southern Peace Monitor blog, Friday 19 June 2026": a medium word after a name is a label too.
  const prose = words.filter((w, i) => /^\p{Ll}/u.test(w) && !DATE_LABEL.test(w.replace(/[^\p{L}]/gu, '')) && !(i > 0 && /^\p{Lu}/u.test(words[i - 1]) && isDeskWord(w.replace(/[^\p{L}]/gu, ''))));
  return prose.length === 0;
}

const DATE_LABEL = /^(?:published|posted|first|on|at|updated?|last|by|and|date|filed|issued|in|time|local|from|the|of|am|pm|a|p|m)$/i;
