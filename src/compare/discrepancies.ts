// Where the sources disagree: every detector's groups of contradicting claims, with overlaps
// between detectors removed (a title conflict and an office conflict read from the same
// sentences are one finding).
import type { Context } from './context.js';
import { runDetector, type Detector, type FoundDiscrepancy } from './claims.js';
import { numbers } from './numbers.js';
import { dates } from './dates.js';
import { speakers } from './speakers.js';
import { officeDetector, titleDetector } from './titles.js';
import { conditions } from './conditions.js';
import { bare, type Isolate } from '../util/isolate.js';
import { documents } from './documents.js';
import { commitments } from './commitments.js';
import { names } from './names.js';
import { places, scenes } from './places.js';
import { identifiers } from './identifiers.js';

/** In order of precedence when two findings cover the same passages. */
function detectors(): Detector[] {
  return [speakers, officeDetector(), titleDetector(), names, dates, numbers, conditions, documents, commitments, places, scenes, identifiers];
}

/** The sentences a finding rests on: an office and a title read from the same sentences are one finding. */
function passages(d: FoundDiscrepancy): Set<string> {
  return new Set(d.claims.map((c) => `${c.article}:${c.sentence.index}`));
}

export function findDiscrepancies(ctx: Context, isolate: Isolate = bare): FoundDiscrepancy[] {
  const kept: FoundDiscrepancy[] = [];
  for (const detector of detectors()) {
    // One detector tripping on odd input must not cost the brief the others' findings.
    const found = isolate(`${detector.kind} discrepancies`, () => runDetector(detector, ctx), [], null);
    for (const d of found) {
      const mine = passages(d);
      // Same words read twice (e.g. "Foreign Minister X" as a title and as an office).
      const duplicate = kept.some((k) => {
        const theirs = passages(k);
        let shared = 0;
        for (const p of mine) if (theirs.has(p)) shared++;
        return (shared >= 2 && sameWords(k, d)) || (shared >= 1 && shared === Math.min(mine.size, theirs.size) && k.kind !== d.kind && sameFamily(k.kind, d.kind));
      });
      if (!duplicate) kept.push(d);
    }
  }
  return kept;
}

/** Whether two findings read some of the same words: a claim of one overlaps a claim of the other.
 * Two counts stated side by side ("killing nine and injuring forty") share their sentences, not
 * their words, and are two findings. */
export function sameWords(a: FoundDiscrepancy, b: FoundDiscrepancy): boolean {
  return a.claims.some((x) => b.claims.some((y) => x.article === y.article && x.start < y.end && y.start < x.end));
}

function sameFamily(a: string, b: string): boolean {
  const people = new Set(['title', 'office', 'name']);
  return people.has(a) && people.has(b);
}
