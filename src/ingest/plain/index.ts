// A plain-text article, often a copy of a whole web page: find the headline, byline and dateline,
// and keep the article's own text while dropping the site chrome around and inside it.
import { chromeKind, type ChromeKind } from './chrome.js';
import { isCaption, isCreditOnly } from './caption.js';
import { stampKind } from './stamps.js';
import { parseDateline, isDateLine } from './dateline.js';
import { isRoleLine, parseBioLine, parseByLine, parseNameLine, parseWritesLine, readByline } from './byline.js';
import { findHeadline } from './headline.js';
import { bioOutlet, datelineOutlet, findOutlet, mastheadOutlet } from './outlet.js';
import { isHeadlineLike, isProse, toLines, wordCount } from './lines.js';
import { filterBody } from './body.js';
import { isDateOnlyLine } from './dateonly.js';
import { parseCreditLine } from './credits.js';

export type LineKind = ChromeKind | 'caption' | 'stamp' | 'byline' | 'dateline' | 'headline' | 'masthead' | 'teaser' | 'trailing' | 'menu';

export interface PageCopy {
  text: string;
  title: string | null;
  /** The outlet as the page's own chrome names it (copyright line, "More from …"), or null. */
  outlet: string | null;
  authors: string[];
  /** ISO 8601, with the dateline's offset when it names a zone. */
  published: string | null;
  /** Why each dropped line was dropped, for tests and debugging. */
  dropped: { line: string; kind: LineKind }[];
}

/** Classify every line, then mark the caption text that sits right above a bare credit line. */
export function classifyLines(lines: string[]): (LineKind | null)[] {
  const kinds = lines.map(classify);
  for (let i = 0; i + 1 < lines.length; i++) {
    if (kinds[i] === null && kinds[i + 1] === 'caption' && isCreditOnly(lines[i + 1]) && wordCount(lines[i]) <= 30 && !/[.!?。！？"”’]$/.test(lines[i])) {
      kinds[i] = 'caption';
    }
  }
  return kinds;
}

export function classify(line: string): LineKind | null {
  // Every rule below is about short lines; long running text is article text.
  const words = wordCount(line);
  if (words > 60) return null;
  if (isCaption(line)) return 'caption';
  const chrome = chromeKind(line);
  if (chrome) return chrome;
  if (stampKind(line)) return 'stamp';
  if (readByline(line)) return 'byline';
  // A date line has at most a label, a name or a place beside the date.
  const date = words <= 24 ? parseDateline(line) : null;
  if (date && isDateLine(line, date)) return 'dateline';
  if (isDateOnlyLine(line)) return 'dateline';
  return null;
}

export function cleanPageCopy(raw: string): PageCopy {
  const lines = toLines(raw);
  const kinds = classifyLines(lines);
  const dropped: { line: string; kind: LineKind }[] = [];

  // The body starts at the first line of running text that no rule claims.
  let bodyStart = lines.findIndex((l, i) => kinds[i] === null && isProse(l));
  if (bodyStart < 0) bodyStart = lines.length;
  bodyStart = afterLateByline(lines, kinds, bodyStart);
  // Name-shaped lines beside a role or the dateline may be bylines without "By"; they are never
  // the headline, and count as bylines once they turn out to sit under it.
  const nameShaped = new Map<number, string>();
  for (let i = 0; i < bodyStart; i++) {
    if (kinds[i] !== null) continue;
    const name = parseNameLine(lines[i], besideRoleOrDate(lines, kinds, i));
    if (name) nameShaped.set(i, name);
  }
  // The byline anchors the headline; without one, the dateline nearest the body does (a date
  // higher up may be the masthead's date of the day).
  const headerKinds = kinds.slice(0, bodyStart);
  const anchor = headerKinds.includes('byline') ? headerKinds.indexOf('byline') : headerKinds.lastIndexOf('dateline');
  const header = (free: (i: number) => boolean) =>
    lines.slice(0, bodyStart).map((text, i) => ({ text, claimed: (kinds[i] !== null && !free(i)) || nameShaped.has(i) }));
  let headline = findHeadline(header(() => false), bodyStart, anchor);
  // "Explainer: what we know about …" reads as a teaser link, but right above the byline with no
  // other headline it is the article's own title.
  if (headline < 0 && anchor > 0) {
    headline = findHeadline(header((i) => i === anchor - 1 && kinds[i] === 'inlineTeaser'), bodyStart, anchor);
  }
  const bareNames = new Map([...nameShaped].filter(([i]) => i > headline));
  for (const i of bareNames.keys()) kinds[i] = 'byline';

  // ── header: everything above the body except the standfirst under the headline ──
  const keep: boolean[] = lines.map(() => false);
  for (let i = 0; i < bodyStart; i++) {
    const k = kinds[i];
    if (i === headline) {
      dropped.push({ line: lines[i], kind: 'headline' });
    } else if (k !== null) {
      dropped.push({ line: lines[i], kind: k });
    } else if (headline >= 0 ? i > headline && wordCount(lines[i]) >= 5 : wordCount(lines[i]) >= 6 && (!isHeadlineLike(lines[i]) || wordCount(lines[i]) >= 8)) {
      keep[i] = true;
    } else {
      dropped.push({ line: lines[i], kind: 'masthead' });
    }
  }

  filterBody(lines, kinds, bodyStart, keep, dropped);

  dropMenus(lines, keep, dropped);

  // Short label lines left at the very end (site name, "Geneva bureau") are not article text.
  for (let i = lines.length - 1; i >= bodyStart; i--) {
    if (!keep[i]) continue;
    if (wordCount(lines[i]) < 6 && !/[.!?。！？"”]$/.test(lines[i])) {
      keep[i] = false;
      dropped.push({ line: lines[i], kind: 'trailing' });
    } else break;
  }

  const kept = lines.filter((_, i) => keep[i]);
  return {
    text: kept.join('\n\n'),
    title: headline >= 0 ? lines[headline] : null,
    outlet:
      findOutlet(dropped.filter((d) => d.kind !== 'headline').map((d) => d.line)) ??
      mastheadOutlet(lines, kinds.map((k) => k !== null), headline) ??
      headerOutlet(lines, kinds, bodyStart) ??
      kept.slice(-4).map(bioOutlet).find((o) => o) ??
      null,
    authors: findAuthors(lines, kinds, bodyStart, kept, headline, bareNames),
    published: findPublished(lines, kinds, bodyStart, headline),
    dropped,
  };
}

/**
 * A standfirst can look like running text, so the first prose line may sit above the byline
 * and dateline. When a byline or dateline follows within a few lines, the body starts after it.
 */
function afterLateByline(lines: string[], kinds: (LineKind | null)[], bodyStart: number): number {
  let prose = 0;
  let last = -1;
  for (let i = bodyStart; i < Math.min(lines.length, bodyStart + 14); i++) {
    if (kinds[i] === 'byline' || kinds[i] === 'dateline') last = i;
    else if (kinds[i] === null && isProse(lines[i]) && ++prose > 2) break;
  }
  if (last < 0) return bodyStart;
  const next = lines.findIndex((l, i) => i > last && kinds[i] === null && isProse(l));
  return next < 0 ? lines.length : next;
}

/** Runs of three or more very short label lines inside the body are menus or tag lists. */
function dropMenus(lines: string[], keep: boolean[], dropped: { line: string; kind: LineKind }[]) {
  const label = (i: number) => keep[i] && wordCount(lines[i]) <= 4 && !/[.!?。！？:;,"”]$/.test(lines[i]);
  for (let i = 0; i < lines.length; ) {
    if (!label(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && (label(j) || !keep[j])) j++;
    const run = [];
    for (let t = i; t < j; t++) if (keep[t]) run.push(t);
    if (run.length >= 3) {
      for (const t of run) {
        keep[t] = false;
        dropped.push({ line: lines[t], kind: 'menu' });
      }
    }
    i = j;
  }
}

function besideRoleOrDate(lines: string[], kinds: (LineKind | null)[], i: number): boolean {
  const near = (j: number) => j >= 0 && j < lines.length;
  return (
    [i - 1, i + 1].some((j) => near(j) && kinds[j] === null && isRoleLine(lines[j])) ||
    [i - 3, i - 2, i - 1, i + 1, i + 2, i + 3].some((j) => near(j) && kinds[j] === 'dateline')
  );
}

function findAuthors(lines: string[], kinds: (LineKind | null)[], bodyStart: number, kept: string[], headline: number, bareNames: Map<number, string>): string[] {
  for (let i = 0; i < Math.min(lines.length, bodyStart + 3); i++) {
    if (kinds[i] === 'byline' || (kinds[i] === null && i < bodyStart + 3)) {
      const names = parseByLine(lines[i]);
      if (names) return names;
    }
  }
  for (let i = 0; i <= Math.min(bodyStart, lines.length - 1); i++) {
    const name = kinds[i] === null ? parseWritesLine(lines[i]) : null;
    if (name) return [name];
  }
  const first = [...bareNames.entries()].find(([i]) => i > headline);
  if (first) return [first[1]];
  for (const line of kept.slice(-4).reverse()) {
    const name = parseBioLine(line);
    if (name) return [name];
  }
  // A wire credit line ("Reporting by …", page tail by the chrome rules) names the reporters
  // when nothing else does.
  for (let i = bodyStart; i < lines.length; i++) {
    const reporters = kinds[i] === 'tail' ? parseCreditLine(lines[i])?.reporters : undefined;
    if (reporters?.length) return reporters;
  }
  return [];
}

function findPublished(lines: string[], kinds: (LineKind | null)[], bodyStart: number, headline: number): string | null {
  const usable = (k: LineKind | null) => k === null || k === 'dateline' || k === 'byline' || k === 'navigation';
  const dateAt = (i: number) => {
    if (!usable(kinds[i])) return null;
    const d = parseDateline(lines[i]);
    if (!d || (kinds[i] === null && !isDateLine(lines[i], d) && !d.marked)) return null;
    return d;
  };
  const end = Math.min(bodyStart, lines.length);
  // Under the headline first; above it a bare date is usually the masthead's date of the day, so
  // only a kicker right above the headline or a date labelled "Published" counts there.
  let unmarked: string | null = null;
  for (let i = Math.max(headline + 1, 0); i < end; i++) {
    const d = dateAt(i);
    if (d?.marked) return d.iso;
    if (d) unmarked ??= d.iso;
  }
  if (unmarked) return unmarked;
  for (let i = 0; i < Math.min(headline, end); i++) {
    const d = dateAt(i);
    if (d && (d.marked || i === headline - 1)) return d.iso;
  }
  // A wire-style dateline opening the first paragraph: "GENEVA, June 3, 2025 (Reuters) — …".
  if (bodyStart < lines.length) {
    const d = parseDateline(lines[bodyStart]);
    if (d && d.index <= 30) return d.iso;
  }
  // "This article was first published on 3 June 2025" anywhere.
  for (let i = bodyStart; i < lines.length; i++) {
    const d = kinds[i] === null || kinds[i] === 'dateline' || kinds[i] === 'tail' ? parseDateline(lines[i]) : null;
    if (d?.marked && wordCount(lines[i]) <= 20) return d.iso;
  }
  return null;
}

/**
 * The outlet named in the article's own header: beside the date first (where a republishing site
 * names itself), then in the byline ("By A, Continental Wire").
 */
function headerOutlet(lines: string[], kinds: (LineKind | null)[], bodyStart: number): string | null {
  const end = Math.min(bodyStart, lines.length);
  for (let i = 0; i < end; i++) {
    const o = kinds[i] === 'dateline' ? datelineOutlet(lines[i]) : null;
    if (o) return o;
  }
  for (let i = 0; i < end; i++) {
    const o = kinds[i] === 'byline' ? readByline(lines[i])?.outlet : null;
    if (o) return o;
  }
  return null;
}
