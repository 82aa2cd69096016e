// Fiscal years: "fiscal year 2024", "fiscal 2024", "FY2024", "FY 2024", "FY24". TimeML writes
// them "FY2024" (MEANTIME does too): a fiscal year's months differ by country and company, so
// the value keeps the label instead of pretending to be the calendar year; `valueStart` does not
// read it, so it is not placed on the timeline by a guessed start.
import { matches, type Candidate, type Scan } from '../candidate.js';

const RE = /\b(?:(?:(?:the|its|their|his|her)\s+)?fiscal(?:\s+year)?\s+(\d{4})|FY\s?(\d{4}|\d{2}))(?![-–\/]\d)\b/gi;

export function fiscal(scan: Scan): Candidate[] {
  const out: Candidate[] = [];
  for (const { m, start, end } of matches(scan, RE)) {
    // "FY" must be written in capitals; "fy" is not the abbreviation.
    if (m[2] && !/FY/.test(m[0])) continue;
    const digits = m[1] ?? m[2];
    // Two-digit fiscal years are this century's in current news.
    const year = digits.length === 2 ? 2000 + Number(digits) : Number(digits);
    // The determiner is not part of the expression.
    const lead = /^(?:the|its|their|his|her)\s+/i.exec(m[0])?.[0].length ?? 0;
    out.push({ start: start + lead, end, type: 'DATE', absolute: true, rule: 'fiscal', priority: 3, resolve: () => `FY${year}` });
  }
  return out;
}
