// Years and decades written as numbers: "since 2014", "in 1989", "the 1990s", "the '80s", "'82".
import { matches, type Candidate, type Scan } from '../candidate.js';
import { lexicon } from '../lexicon.js';

// A number before which a four-digit figure is a quantity, not a year ("about 2000 troops").
const QUANTITY_BEFORE = /\b(about|around|some|nearly|almost|approximately|roughly|over|under|than|least|most|to|up\s+to|no\.?|number|flight|route|model|page|article|resolution|paragraph|room|gate|item|code)\s*$/i;
const CURRENCY_BEFORE = /[$€£¥#№]\s*$/;

export function years(scan: Scan): Candidate[] {
  const out: Candidate[] = [];
  const nouns = lexicon().countNounSet;
  for (const { m, start, end } of matches(scan, /(?<![\w$€£.,:/])(?<!(?:^|[^dD])-)(1[6-9]\d\d|20\d\d|21\d\d)(?![\w%]|[.,:/]\d|-\d{2}\b(?!\d))/g)) {
    const before = scan.text.slice(Math.max(0, start - 20), start);
    if (CURRENCY_BEFORE.test(before)) continue;
    const after = scan.text.slice(end, end + 30);
    const next = /^\s+([A-Za-z]+)/.exec(after)?.[1]?.toLowerCase();
    if (next && nouns.has(next)) continue;
    if (QUANTITY_BEFORE.test(before) && !/^\s*(and|to|[-–])\s*\d{4}/.test(after)) {
      // "up to 2030" and "to 2030" after "from 2025" are years; a quantity word is not.
      if (!/\b(up\s+to|to)\s*$/i.test(before) || /\b(about|around|nearly|almost|some)\b/i.test(before)) continue;
    }
    // A range "2014-15": the first year only; the second half is not a standalone year.
    const year = m[1];
    out.push({ start, end, type: 'DATE', absolute: true, rule: 'years', priority: 1, resolve: () => year });
  }
  // Decades: "1990s", "the '80s", "the 90s" (not "in his 70s", an age).
  for (const { m, start, end } of matches(scan, /(?<![\w$€£])(?:(1[6-9]\d|20\d)0s|['’](\d)0s|(\d)0s)\b/g)) {
    const before = scan.text.slice(Math.max(0, start - 20), start);
    if (m[3] && !/(\bthe|\bearly|\bmid|\blate|\bmid-|\d0s\s+(and|or|to|through))\s*$/i.test(before)) continue;
    if (/\b(his|her|their|its|your|my|our)\s+(early\s+|mid-?\s*|late\s+)?$/i.test(before)) continue;
    const decade = m[1] ?? (m[2] ?? m[3]);
    const value = m[1] ? decade : Number(decade) >= 3 ? `19${decade}` : `20${decade}`;
    out.push({ start, end, type: 'DATE', absolute: true, rule: 'years', priority: 2, resolve: () => value });
  }
  // "'82": a two-digit year after an apostrophe.
  for (const { m, start, end } of matches(scan, /(?<![\w])['’](\d\d)\b(?!s)/g)) {
    const before = scan.text.slice(Math.max(0, start - 12), start);
    if (!/\b(in|since|of|from|to|until|by|before|after|class|spring|summer|autumn|fall|winter)\s*$/i.test(before)) continue;
    const yy = Number(m[1]);
    out.push({
      start, end, type: 'DATE', absolute: false, rule: 'years', priority: 1,
      resolve: ({ anchor }) => {
        const ref = anchor?.y ?? 2000;
        const century = Math.floor(ref / 100) * 100;
        const y = century + yy > ref + 10 ? century - 100 + yy : century + yy;
        return String(y);
      },
    });
  }
  return out;
}
