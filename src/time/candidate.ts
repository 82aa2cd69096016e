// What a rule unit proposes: a span, a TIMEX3 type and how to compute its value once the anchor
// and the sentence's direction (past or future) are known.
import type { CalDate } from './calendar.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
/** Which way an underspecified reference ("Friday", "in May") points from its anchor. */
export type Direction = 'past' | 'future' | null;

export interface ResolveContext {
  /** The date relative expressions are counted from (publication, or when a quote was spoken). */
  anchor: CalDate | null;
  dir: Direction;
  /** The direction is marked (auxiliary, modal, infinitive, planning verb), not just a present form. */
  strong?: boolean;
  /** The last day-precision date the text mentioned before this expression ("the same day"). */
  previous: CalDate | null;
  /** The last calendar value of any granularity the text gave before it ("2009-01", "2009-Q3"). */
  previousValue?: string | null;
  /** The last DATE/TIME value in the same paragraph or the sentence before ("three days later"). */
  previousNear?: string | null;
}

/** How a relative expression relates to its anchor; read by publication-date inference. */
export type Relation =
  | { kind: 'weekday'; weekday: number; strict: 'last' | 'next' | 'this' | null }
  | { kind: 'days'; offset: number }
  | { kind: 'monthDay'; month: number; day: number; weekday: number | null };

export interface Candidate {
  /** Offsets into Doc.text. */
  start: number;
  end: number;
  type: TimexType;
  /** The value needs no anchor at all ("3 June 2025", "P60D"). */
  absolute: boolean;
  /** Resolved against the previously mentioned date rather than the anchor ("the next day"). */
  textual?: boolean;
  /** Name of the rule unit, for debugging and tests. */
  rule: string;
  /** Higher wins between two candidates of equal length. */
  priority: number;
  relation?: Relation;
  /** A time of day without a date of its own ("9pm"): takes the date next to it. */
  timeOnly?: { hour: number; minute: number; offsetMinutes: number | null };
  /** An absolute day-precision date that also names its weekday ("Saturday, 7 June 2025"). */
  namesWeekday?: boolean;
  resolve(ctx: ResolveContext): string | null;
}

/** One sentence handed to the rule units. */
export interface Scan {
  /** The whole document text; `start`/`end` delimit the sentence. */
  text: string;
  start: number;
  end: number;
}

/** Run a global regular expression over the sentence, yielding match and absolute offsets. */
export function* matches(scan: Scan, re: RegExp): Generator<{ m: RegExpExecArray; start: number; end: number }> {
  const sentence = scan.text.slice(scan.start, scan.end);
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield { m, start: scan.start + m.index, end: scan.start + m.index + m[0].length };
  }
}

/** Offsets of capture group `g` of a match made by `matches` (needs the `d` flag). */
export function groupSpan(scan: Scan, m: RegExpExecArray, g: number): { start: number; end: number } | null {
  const idx = (m as RegExpExecArray & { indices?: [number, number][] }).indices?.[g];
  if (!idx) return null;
  return { start: scan.start + idx[0], end: scan.start + idx[1] };
}
