// The reporting-cue lexicon (data/quotes/cues.json) in the shapes the rules need.
import { loadJson } from '../util/data.js';

interface CueData {
  verbs: string[];
  weakVerbs: string[];
  objects: string[];
  nounCues: string[];
  termMarkers: string[];
  termFollowers: string[];
  pronouns: Record<string, string>;
  titleWords: string[];
  orgAnaphors: string[];
  labelHeads: string[];
}

export interface Cues {
  verbs: Set<string>;
  weakVerbs: Set<string>;
  /** Object phrases as word lists, longest first. */
  objects: string[][];
  nounCues: Set<string>;
  termMarkers: string[][];
  termFollowers: string[][];
  /** Subject pronouns → 'm' | 'f' | 'p' | 's'. */
  pronouns: Map<string, string>;
  titleWords: Set<string>;
  orgAnaphors: Set<string>;
  labelHeads: Set<string>;
}

let cached: Cues | null = null;

const words = (s: string): string[] => s.toLowerCase().split(/\s+/).filter(Boolean);

export function cues(): Cues {
  if (cached) return cached;
  const d = loadJson<CueData>('quotes/cues.json');
  const byLength = (a: string[], b: string[]) => b.length - a.length;
  cached = {
    verbs: new Set(d.verbs),
    weakVerbs: new Set(d.weakVerbs),
    objects: d.objects.map(words).sort(byLength),
    nounCues: new Set(d.nounCues),
    termMarkers: d.termMarkers.map(words).sort(byLength),
    termFollowers: d.termFollowers.map(words).sort(byLength),
    pronouns: new Map(Object.entries(d.pronouns)),
    titleWords: new Set(d.titleWords),
    orgAnaphors: new Set(d.orgAnaphors),
    labelHeads: new Set(d.labelHeads),
  };
  return cached;
}

/** Inflected forms wink-nlp sometimes leaves unlemmatised ("fumed", "insists"). */
export function cueLemma(lemma: string, text: string): string | null {
  const c = cues();
  const lower = text.toLowerCase();
  for (const form of [lemma, lower, lower.replace(/ies$/, 'y'), lower.replace(/(ed|es|s|d)$/, ''), lower.replace(/ing$/, ''), lower.replace(/ing$/, 'e'), lower.replace(/ed$/, 'e')]) {
    if (c.verbs.has(form)) return form;
  }
  return null;
}

export { givenNameGender } from '../util/given-gender.js';
