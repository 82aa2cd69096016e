// Features of one attribution — how the speaker was found and how sure that way usually is —
// for the attribution confidence model (data/models/attribution.json, trained by
// `npm run train:attribution`). Pure: the same quote and Doc always give the same features.
import type { Features } from '../../util/logistic.js';
import type { Doc } from '../../text/doc.js';
import type { ArticleEntities } from '../../annotations.js';
import { cues, cueLemma } from '../cues.js';
import { firstTokenAtOrAfter } from '../../text/doc.js';
import { agentOf, subjectOf } from '../../syntax/index.js';

export interface AttributionFacts {
  /** Which rule found the attribution (after-tight, before, run, turn, …). */
  via: string;
  /** How the speaker words were resolved (name-person, pronoun-subject, role, …). */
  how: string | null;
  candidates: number | null;
  /** Paragraphs back, for an attribution carried over a run of quotes. */
  gap: number;
  partial: boolean;
  multiParagraph: boolean;
  /** The quote sits inside another quote (words someone else reports). */
  nested: boolean;
  quote: { start: number; end: number };
  speakerWords: { start: number; end: number } | null;
  cue: string | null;
  /** Where the cue is, to ask the parse who its subject is. */
  cueSpan: { start: number; end: number } | null;
  entity: string | null;
}

const bucket = (n: number, edges: number[], names: string[]): string => {
  for (let i = 0; i < edges.length; i++) if (n < edges[i]) return names[i];
  return names[names.length - 1];
};

export function attributionFeatures(doc: Doc, entities: ArticleEntities, f: AttributionFacts): Features {
  const x: Features = {};
  x[`via:${f.via}`] = 1;
  x[`how:${f.how ?? 'none'}`] = 1;
  x[`via-how:${f.via}|${f.how ?? 'none'}`] = 1;
  x[f.partial ? 'kind:partial' : 'kind:full'] = 1;
  if (f.multiParagraph) x['quote:multi-paragraph'] = 1;
  if (f.nested) x['quote:nested'] = 1;
  const words = doc.text.slice(f.quote.start, f.quote.end).split(/\s+/).length;
  x[`quote-words:${bucket(words, [4, 16], ['short', 'medium', 'long'])}`] = 1;
  if (f.gap > 0) x['gap'] = Math.min(f.gap, 4);
  if (f.candidates !== null) x[`candidates:${f.candidates >= 3 ? '3+' : f.candidates}`] = 1;
  if (f.cue) {
    const lemma = cueLemma(f.cue.split(/\s+/)[0], f.cue.split(/\s+/)[0]);
    x[!lemma ? 'cue:other' : lemma === 'say' ? 'cue:say' : cues().weakVerbs.has(lemma) ? 'cue:weak' : 'cue:strong'] = 1;
  } else x['cue:none'] = 1;
  if (f.speakerWords) {
    const phrase = doc.text.slice(f.speakerWords.start, f.speakerWords.end);
    const pron = cues().pronouns.get(phrase.toLowerCase());
    if (pron || /^you$/i.test(phrase)) x[`pronoun:${phrase.toLowerCase()}`] = 1;
    else {
      const tokens = phrase.split(/\s+/);
      x[`speaker-words:${bucket(tokens.length, [2, 4], ['1', '2-3', '4+'])}`] = 1;
      if (/^(the|a|an|one|two|some|several|its|his|her|their)\b/i.test(phrase)) x['speaker-words:determiner'] = 1;
    }
    const distance = f.speakerWords.start >= f.quote.end ? f.speakerWords.start - f.quote.end : f.quote.start - f.speakerWords.end;
    x[`distance:${bucket(distance, [20, 80, 300], ['<20', '<80', '<300', '300+'])}`] = 1;
  } else x['speaker-words:none'] = 1;
  // A second opinion from the dependency parse: is the speaker the cue verb's subject (or a
  // passive's agent)? Agreement between the rules and the parse is evidence; disagreement is doubt.
  if (f.cueSpan && f.speakerWords) {
    const verb = firstTokenAtOrAfter(doc.tokens, f.cueSpan.start);
    if (verb < doc.tokens.length && doc.tokens[verb].start < f.cueSpan.end) {
      let who = subjectOf(doc, verb);
      if (who < 0) who = agentOf(doc, verb);
      if (who < 0) x['parse:no-subject'] = 1;
      else {
        const t = doc.tokens[who];
        x[t.start >= f.speakerWords.start && t.end <= f.speakerWords.end ? 'parse:subject-agrees' : 'parse:subject-differs'] = 1;
      }
    }
  }
  const entity = f.entity ? entities.entities.find((e) => e.key === f.entity) : undefined;
  x[`entity:${entity?.type ?? 'none'}`] = 1;
  if (entity) {
    x[`entity-name-words:${bucket(entity.name.split(/\s+/).length, [2, 3], ['1', '2', '3+'])}`] = 1;
    if (entity.roles.length) x['entity:has-role'] = 1;
    // A speaker the article names once is more often a slip than one it keeps returning to.
    x[`entity-mentions:${bucket(entity.mentions.length, [2, 4], ['1', '2-3', '4+'])}`] = 1;
  }
  return x;
}
