// Times with no calendar value, as TIMEX3 writes them: "now", "currently", "current" →
// PRESENT_REF; "recently", "recent", "the past" → PAST_REF; "the future", "the near term",
// "short-term", "soon" → FUTURE_REF. They stay off the timeline.
import { matches, type Candidate, type Scan } from '../candidate.js';

const PATTERNS: [RegExp, string][] = [
  [/\b(?:right\s+)?now\b(?!\s+that\b)/gi, 'PRESENT_REF'],
  [/\b(?:currently|at\s+present|nowadays|these\s+days|the\s+time\s+being)\b/gi, 'PRESENT_REF'],
  [/\bcurrent\b(?!\s+(?:account|affairs|events|flows?|of|in|prices)\b)/gi, 'PRESENT_REF'],
  [/\b(?:more\s+|most\s+|only\s+|very\s+|until\s+)?recently\b/gi, 'PAST_REF'],
  [/\brecent\b/gi, 'PAST_REF'],
  [/\bthe\s+past\b(?!\s+(?:few|several|\d|one|two|three|four|five|six|seven|eight|nine|ten|week|month|year|decade|day|hour|century|quarter))/gi, 'PAST_REF'],
  [/\bthe\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future\b/gi, 'FUTURE_REF'],
  [/\bthe\s+(?:near|long|short|medium)\s+term\b|\b(?:near|long|short|medium)-term\b/gi, 'FUTURE_REF'],
  [/\b(?:very\s+|quite\s+)?soon\b(?!\s+(?:as|after|afterwards|thereafter|enough)\b)/gi, 'FUTURE_REF'],
];

export function refs(scan: Scan): Candidate[] {
  const out: Candidate[] = [];
  for (const [re, value] of PATTERNS) {
    for (const { start, end } of matches(scan, re)) {
      const before = scan.text.slice(Math.max(0, start - 4), start);
      // "as soon as", "from now on" style idioms are not references.
      if (value === 'FUTURE_REF' && /\bas\s*$/i.test(before) && /soon/i.test(scan.text.slice(start, end))) continue;
      out.push({ start, end, type: 'DATE', absolute: true, rule: 'refs', priority: 0, resolve: () => value });
    }
  }
  return out;
}
