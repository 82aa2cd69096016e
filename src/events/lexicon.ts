// The event lexicons of data/events/, loaded once and indexed for lookup by lemma sequence.
import { loadJson } from '../util/data.js';

export type Category = string;

export interface VerbSense {
  category: Category;
  mode: string | null;
}

interface VerbsFile {
  categories: Record<string, { verbs: string[] }>;
  frames: {
    intent: string[];
    threat: string[];
    refusal: string[];
    request: string[];
    readyAdjectives: string[];
    unwillingAdjectives: string[];
    continuation: string[];
  };
  reporting: string[];
  intentOf: Record<string, string>;
  negatedOf: Record<string, string>;
  cooperative: string[];
  nominalizations: Record<string, string>;
  rejectionPhrases: string[];
  violence: Record<string, string[]>;
  figurativeObjects?: string[];
}

interface NounsFile {
  verbClasses: Record<string, string[]>;
  nounClasses: Record<string, { nouns: string[]; default: string | null; [verbClass: string]: unknown }>;
}

export interface NounSense {
  /** The noun class, e.g. "restriction". */
  nounClass: string;
  mode: string | null;
  /** Number of words: longer matches win. */
  length: number;
}

export type FrameKind = 'intent' | 'threat' | 'refusal' | 'request' | 'continuation';

export interface EventLexicon {
  /** "beat up", "kill" → senses, in the file's order (first is preferred). */
  verbs: Map<string, VerbSense[]>;
  /** Longest phrasal entry in words. */
  maxVerbWords: number;
  frames: Map<string, FrameKind[]>;
  ready: Set<string>;
  unwilling: Set<string>;
  reporting: Set<string>;
  intentOf: Record<string, string>;
  negatedOf: Record<string, string>;
  cooperative: Set<string>;
  /** Action noun → its verb ("suspension" → "suspend"). */
  nominalizations: Map<string, string>;
  rejectionPhrases: string[][];
  /** Verbs whose category (FIGHT or ASSAULT) depends on the weapons and actors in the sentence. */
  violentVerbs: Set<string>;
  /** Objects that make a violent verb figurative ("struck a defiant tone"). */
  figurativeObjects: Set<string>;
  /** [category/mode, cue words] in order of precedence. */
  violenceCues: [string, string[][]][];
  /** Light verb (lemma or phrasal) → verb classes it belongs to. */
  verbClasses: Map<string, string[]>;
  /** Noun phrase (lower-case words joined by one space) → senses. */
  nouns: Map<string, NounSense[]>;
  maxNounWords: number;
  /** nounClass → verbClass → "CATEGORY" or "CATEGORY/mode"; "default" for the bare noun. */
  nounClassMap: Map<string, Record<string, string | null>>;
}

function splitMode(entry: string): [string, string | null] {
  const slash = entry.indexOf('/');
  return slash < 0 ? [entry, null] : [entry.slice(0, slash), entry.slice(slash + 1)];
}

let cached: EventLexicon | null = null;

export function eventLexicon(): EventLexicon {
  if (cached) return cached;
  const vf = loadJson<VerbsFile>('events/verbs.json');
  const nf = loadJson<NounsFile>('events/nouns.json');
  const verbs = new Map<string, VerbSense[]>();
  let maxVerbWords = 1;
  for (const [category, { verbs: list }] of Object.entries(vf.categories)) {
    for (const entry of list) {
      const [phrase, mode] = splitMode(entry);
      const key = phrase.toLowerCase();
      maxVerbWords = Math.max(maxVerbWords, key.split(' ').length);
      const senses = verbs.get(key) ?? [];
      senses.push({ category, mode });
      verbs.set(key, senses);
    }
  }
  const frames = new Map<string, FrameKind[]>();
  const addFrame = (kind: FrameKind, list: string[]) => {
    for (const w of list) frames.set(w, [...(frames.get(w) ?? []), kind]);
  };
  addFrame('intent', vf.frames.intent);
  addFrame('threat', vf.frames.threat);
  addFrame('refusal', vf.frames.refusal);
  addFrame('request', vf.frames.request);
  addFrame('continuation', vf.frames.continuation);

  const verbClasses = new Map<string, string[]>();
  for (const [cls, list] of Object.entries(nf.verbClasses)) {
    for (const v of list) verbClasses.set(v, [...(verbClasses.get(v) ?? []), cls]);
  }
  const nouns = new Map<string, NounSense[]>();
  const nounClassMap = new Map<string, Record<string, string | null>>();
  let maxNounWords = 1;
  for (const [cls, def] of Object.entries(nf.nounClasses)) {
    const map: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(def)) if (k !== 'nouns') map[k] = v as string | null;
    nounClassMap.set(cls, map);
    for (const entry of def.nouns) {
      const [phrase, mode] = splitMode(entry);
      const key = phrase.toLowerCase();
      const length = key.split(' ').length;
      maxNounWords = Math.max(maxNounWords, length);
      nouns.set(key, [...(nouns.get(key) ?? []), { nounClass: cls, mode, length }]);
    }
  }
  cached = {
    verbs,
    maxVerbWords,
    frames,
    ready: new Set(vf.frames.readyAdjectives),
    unwilling: new Set(vf.frames.unwillingAdjectives),
    reporting: new Set(vf.reporting),
    intentOf: vf.intentOf,
    negatedOf: vf.negatedOf,
    cooperative: new Set(vf.cooperative),
    nominalizations: new Map(Object.entries(vf.nominalizations ?? {})),
    rejectionPhrases: (vf.rejectionPhrases ?? []).map((p) => p.split(' ')),
    violentVerbs: new Set(vf.violence?.verbs ?? []),
    figurativeObjects: new Set(vf.figurativeObjects ?? []),
    violenceCues: Object.entries(vf.violence ?? {})
      .filter(([k]) => k !== 'verbs')
      .map(([k, words]) => [k, words.map((w) => w.split(' '))] as [string, string[][]]),
    verbClasses,
    nouns,
    maxNounWords,
    nounClassMap,
  };
  return cached;
}
