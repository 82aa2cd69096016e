// A weekday, perhaps with "last"/"next"/"this" and a part of the day: "on Saturday", "Tuesday
// evening", "Monday's session", "next Friday".
import { formatDay } from '../calendar.js';
import { matches, type Candidate, type Scan } from '../candidate.js';
import { lexicon } from '../lexicon.js';
import { resolveWeekday } from '../resolve.js';

// Named days whose weekday word does not point at a nearby date.
const NAMED_DAYS = /\b(bloody|black|good|ash|holy|palm|easter|maundy|cyber|super|shrove)\s+$/i;

let re: RegExp | null = null;

export function weekdays(scan: Scan): Candidate[] {
  const lx = lexicon();
  re ??= new RegExp(`\\b(?:(last|next|this|coming|past)\\s+)?(${lx.re.weekday})(?:\\s+(${lx.re.partOfDay}))?\\b`, 'gi');
  const out: Candidate[] = [];
  for (const { m, start, end } of matches(scan, re)) {
    if (!/^\p{Lu}/u.test(m[2])) continue;
    const before = scan.text.slice(Math.max(0, start - 12), start);
    if (!m[1] && NAMED_DAYS.test(before)) continue;
    // Newspapers named after a day: "the Sunday Times", "the Mail on Sunday".
    if (!m[3] && /^\s+(Times|Telegraph|Express|Mirror|Herald|Mail|Post|Star|People|Independent|Tribune|Observer)\b/.test(scan.text.slice(end, end + 16))) continue;
    if (/\bMail\s+on\s+$/.test(before)) continue;
    const weekday = lx.weekdays[m[2].toLowerCase()];
    const mod = m[1]?.toLowerCase();
    const strict = mod === "last" || mod === "past" ? "last" : mod === 'next' ? 'next' : mod === 'this' || mod === 'coming' ? 'this' : null;
    const part = m[3] ? lx.partsOfDay[m[3].toLowerCase()] : null;
    out.push({
      start, end, type: part ? 'TIME' : 'DATE', absolute: false, rule: 'weekdays', priority: 2,
      relation: { kind: 'weekday', weekday, strict },
      resolve: ({ anchor, dir }) => {
        if (!anchor) return null;
        const effectiveDir = mod === 'coming' ? 'future' : dir;
        const day = formatDay(resolveWeekday(anchor, weekday, effectiveDir, strict));
        return part ? `${day}T${part}` : day;
      },
    });
  }
  return out;
}
