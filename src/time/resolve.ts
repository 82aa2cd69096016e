// Resolution of underspecified calendar references against an anchor date and a direction.
import {
  addDays,
  addMonths,
  daysBetween,
  isoWeekday,
  isValidDate,
  type CalDate,
} from './calendar.js';
import type { Direction } from './candidate.js';

/** The date of a weekday near the anchor. An unmarked weekday in a past sentence is the latest
 * one on or before the anchor; in a future sentence the first on or after it; "last"/"next" are
 * strict. Without a direction, the nearer of the two. */
export function resolveWeekday(anchor: CalDate, weekday: number, dir: Direction, strict: 'last' | 'next' | 'this' | null): CalDate {
  const today = isoWeekday(anchor);
  const back = (today - weekday + 7) % 7;
  const forward = (weekday - today + 7) % 7;
  if (strict === 'last') return addDays(anchor, -(back === 0 ? 7 : back));
  if (strict === 'next') return addDays(anchor, forward === 0 ? 7 : forward);
  if (strict === 'this') return dir === 'past' ? addDays(anchor, -back) : addDays(anchor, forward);
  if (dir === 'future') return addDays(anchor, forward);
  if (dir === 'past') return addDays(anchor, -back);
  // No tense to go by (a headline, a verbless phrase): the nearer one, the past on a tie.
  return forward < back ? addDays(anchor, forward) : addDays(anchor, -back);
}

/** The year of a month (and day) named without one. The anchor's year, unless the sentence's
 * direction or the distance says the previous or next year ("in December", written in January). */
export function resolveYear(anchor: CalDate, month: number, day: number | null, dir: Direction, strong = true): number {
  const diff = daysBetween(anchor, { y: anchor.y, m: month, d: day ?? 15 });
  // A month without a day in the anchor's own month is that month.
  if (day === null && month === anchor.m) return anchor.y;
  // Only a marked tense moves a date into another year; news mostly names months of its own year.
  // Within a few weeks of the anchor a wrong-looking tense is likelier than a year's jump
  // ("met on 5 June" in a piece stamped 4 June is a time-zone or tense slip).
  if (strong && dir === 'past' && diff > 31) return anchor.y - 1;
  if (strong && dir === 'future' && diff < -31) return anchor.y + 1;
  if (dir === null || !strong) {
    if (diff > 274) return anchor.y - 1;
    if (diff < -274) return anchor.y + 1;
  }
  return anchor.y;
}

/** For "Saturday, 7 June" without a year: the year within one of the anchor's in which that day
 * falls on that weekday, preferring the year the plain rule gives. */
export function yearForWeekday(anchorYear: number, preferred: number, month: number, day: number, weekday: number): number | null {
  for (const y of [preferred, anchorYear, anchorYear + 1, anchorYear - 1]) {
    if (isValidDate(y, month, day) && isoWeekday({ y, m: month, d: day }) === weekday) return y;
  }
  return null;
}

export function monthOffset(anchor: CalDate, months: number): { y: number; m: number } {
  return addMonths(anchor.y, anchor.m, months);
}

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** Which year a named season or quarter without a year is in. */
export function resolvePeriodYear(anchor: CalDate, startMonth: number, endMonth: number, dir: Direction, strong = true): number {
  const startsAfter = startMonth > anchor.m;
  const endsBefore = endMonth < anchor.m;
  if (strong && dir === 'past' && startsAfter) return anchor.y - 1;
  if (strong && dir === 'future' && endsBefore) return anchor.y + 1;
  return anchor.y;
}
