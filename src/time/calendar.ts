// Calendar arithmetic on plain dates. Deliberately free of Date's local time zone: a publication
// date "2025-06-04T23:30:00-04:00" was written on 4 June where it was written, whatever the
// machine's zone says.

export interface CalDate {
  y: number;
  /** 1–12 */
  m: number;
  /** 1–31 */
  d: number;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function toDays(c: CalDate): number {
  return Math.floor(Date.UTC(c.y, c.m - 1, c.d) / 86_400_000);
}

function fromDays(n: number): CalDate {
  const t = new Date(n * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(c: CalDate, days: number): CalDate {
  return fromDays(toDays(c) + days);
}

export function daysBetween(a: CalDate, b: CalDate): number {
  return toDays(b) - toDays(a);
}

export function compareDates(a: CalDate, b: CalDate): number {
  return toDays(a) - toDays(b);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(c: CalDate): number {
  const w = new Date(Date.UTC(c.y, c.m - 1, c.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week of a date. */
export function isoWeek(c: CalDate): { year: number; week: number } {
  const thursday = addDays(c, 4 - isoWeekday(c));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { year: thursday.y, week: Math.floor(daysBetween(jan1, thursday) / 7) + 1 };
}

/** Monday of ISO week `week` of `year`. */
export function isoWeekStart(year: number, week: number): CalDate {
  const jan4 = { y: year, m: 1, d: 4 };
  const week1Monday = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(week1Monday, (week - 1) * 7);
}

export function addMonths(y: number, m: number, months: number): { y: number; m: number } {
  const total = y * 12 + (m - 1) + months;
  return { y: Math.floor(total / 12), m: (total % 12) + 1 };
}

export function formatDay(c: CalDate): string {
  return `${pad(c.y, 4)}-${pad(c.m)}-${pad(c.d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

export function formatWeek(c: CalDate): string {
  const { year, week } = isoWeek(c);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** The calendar date an ISO publication stamp was written on, as written (its own offset). */
export function parseIsoDate(value: string | null | undefined): CalDate | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!m) return null;
  const c = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDate(c.y, c.m, c.d) ? c : null;
}

/** The first day a TIMEX3 calendar value covers (for ordering and bounds), or null for
 * durations, sets and vague references. */
export function valueStart(value: string | null): CalDate | null {
  if (!value) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return { y: +m[1], m: +m[2], d: +m[3] };
  m = /^(\d{4})-W(\d{2})/.exec(value);
  if (m) return isoWeekStart(+m[1], +m[2]);
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { y: +m[1], m: +m[2], d: 1 };
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return { y: +m[1], m: (+m[2] - 1) * 3 + 1, d: 1 };
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return { y: +m[1], m: m[2] === '1' ? 1 : 7, d: 1 };
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return { y: +m[1], m: { SP: 3, SU: 6, FA: 9, WI: 12 }[m[2] as 'SP'] as number, d: 1 };
  m = /^(\d{4})$/.exec(value);
  if (m) return { y: +m[1], m: 1, d: 1 };
  m = /^(\d{3})$/.exec(value);
  if (m) return { y: +m[1] * 10, m: 1, d: 1 };
  return null;
}

/** Day-precision date of a value ("2025-06-02", "2025-06-02T14:00", "2025-06-02TEV"), else null. */
export function valueDay(value: string | null): CalDate | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(value);
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}
