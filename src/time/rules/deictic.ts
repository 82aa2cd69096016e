// Days named from the writer's today: "today", "earlier today", "yesterday evening", "tomorrow",
// "tonight", "last night", "this morning", "the day after tomorrow".
import { addDays, formatDay } from '../calendar.js';
import { matches, type Candidate, type Scan } from '../candidate.js';
import { lexicon } from '../lexicon.js';

let re: RegExp | null = null;

export function deictic(scan: Scan): Candidate[] {
  const lx = lexicon();
  re ??= new RegExp(
    `\\b(?:(earlier|later)\\s+)?(?:(the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|today|yesterday|tomorrow|tonight|last\\s+night|this\\s+(?:${lx.re.partOfDay}))(?:\\s+(${lx.re.partOfDay}))?)\\b`,
    'gi',
  );
  const out: Candidate[] = [];
  for (const { m, start, end } of matches(scan, re)) {
    const word = m[2].toLowerCase().replace(/\s+/g, ' ');
    // "USA Today", "Russia Today", "the Today programme": a capital letter mid-sentence makes a name.
    if (/^\p{Lu}/u.test(m[0]) && !m[1] && /\p{L}[\s'’"“]*$/u.test(scan.text.slice(scan.start, start)) && !/[.!?:]\s*["“”']?\s*$/.test(scan.text.slice(scan.start, start))) continue;
    // "Today: Tuesday, 3 June" at the head of a line is a page's label, not a reference.
    if (/^\s*:/.test(scan.text.slice(end, end + 3)) && /(^|\n)\s*$/.test(scan.text.slice(Math.max(0, start - 3), start))) continue;
    let offset = 0;
    let part: string | null = m[3] ? lx.partsOfDay[m[3].toLowerCase()] : null;
    if (word === 'yesterday') offset = -1;
    else if (word === 'tomorrow') offset = 1;
    else if (word === 'the day before yesterday') offset = -2;
    else if (word === 'the day after tomorrow') offset = 2;
    else if (word === 'tonight') part = 'NI';
    else if (word === 'last night') {
      offset = -1;
      part = 'NI';
    } else if (word.startsWith('this ')) part = lx.partsOfDay[word.slice(5)];
    // "today" also means "nowadays" ("today's Europe"); the calendar reading is the usual one in news.
    const p = part;
    out.push({
      start, end, type: p ? 'TIME' : 'DATE', absolute: false, rule: 'deictic', priority: 2,
      relation: { kind: 'days', offset },
      resolve: ({ anchor }) => (anchor ? formatDay(addDays(anchor, offset)) + (p ? `T${p}` : '') : null),
    });
  }
  return out;
}
