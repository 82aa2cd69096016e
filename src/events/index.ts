// events/: PLOVER events, positions on issues and conditional commitments, per article; then
// merged across articles into the brief's Event / Position / Condition items.
import type { Doc } from '../text/doc.js';
import type {
  ArticleEntities,
  ArticleEvents,
  EventAnnotation,
  QuoteAnnotation,
  ResolvedEntities,
  TimeAnnotation,
} from '../annotations.js';
import type { Condition, Event, Position } from '../types.js';
import { sentenceView, textOf, type Chunk, type SentenceView } from './clause.js';
import { codeSentence, type CodedEvent } from './code.js';
import { eventLexicon } from './lexicon.js';
import { demonymEntity, entityIn, locationIn, dateIn } from './actors.js';

/** The entity of an actor phrase: a mention in it, else the state its nationality word names. */
function actorOf(entities: ArticleEntities, text: string, range: { start: number; end: number } | null): string | null {
  if (!range) return null;
  return entityIn(entities, range) ?? demonymEntity(entities, text.slice(range.start, range.end));
}
import { findPositions } from './positions.js';
import { findConditions } from './conditions.js';
import { assemble } from './assemble.js';
import { conditionsInSentence } from './conditions.js';
import { reportingOf } from './speakers.js';
import { bare, type Isolate } from '../util/isolate.js';

/** "If history is a guide…", "Had the talks succeeded…", "Should a ceasefire take hold…". */
const HYPOTHETICAL_OPENING = /^["“'‘(]?\s*(if|had|should|were|unless|suppose|imagine|whether)\b/i;

export interface CodedSentence {
  sentence: number;
  event: CodedEvent;
  triggerText: string;
  sourceText: string | null;
  targetText: string | null;
}

function chunkText(view: SentenceView, c: Chunk | null): string | null {
  return c ? textOf(view, c.from, c.to) : null;
}

/** The coder's raw output for every sentence of a Doc (used by findEvents and the benchmark). */
export function codeDocSentences(doc: Doc): CodedSentence[] {
  const lex = eventLexicon();
  const out: CodedSentence[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    const view = sentenceView(doc, s);
    for (const event of codeSentence(view, lex)) {
      out.push({
        sentence: s,
        event,
        triggerText: textOf(view, event.trigger.from, event.trigger.to),
        sourceText: chunkText(view, event.source),
        targetText: chunkText(view, event.target),
      });
    }
  }
  return out;
}

/** Events, positions and conditions of one article. Each sentence's events, the positions and the
 * conditions run through `isolate`, so with the pipeline's a failure costs only that part (and is
 * reported); with the default it throws. */
export function findEvents(
  doc: Doc,
  entities: ArticleEntities,
  quotes: QuoteAnnotation[],
  times: TimeAnnotation[],
  isolate: Isolate = bare,
): ArticleEvents {
  const lex = eventLexicon();
  const id = doc.article.id;
  const events: EventAnnotation[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    events.push(...isolate(`events of sentence ${s + 1}`, () => sentenceEvents(doc, s, lex, entities, quotes, times), [], id));
  }
  const positions = isolate('positions', () => findPositions(doc, entities, quotes), [], id);
  const conditions = isolate('conditions', () => findConditions(doc, entities, quotes), [], id);
  return { events, positions, conditions };
}

/** The events coded in sentence `s`, with their actors, place and date. */
function sentenceEvents(
  doc: Doc,
  s: number,
  lex: ReturnType<typeof eventLexicon>,
  entities: ArticleEntities,
  quotes: QuoteAnnotation[],
  times: TimeAnnotation[],
): EventAnnotation[] {
  const events: EventAnnotation[] = [];
  const view: SentenceView = sentenceView(doc, s);
  const coded: CodedEvent[] = codeSentence(view, lex);
  const sentence = doc.sentences[s];
  const conditions = conditionsInSentence(view, reportingOf(view));
  // A question asserts nothing ("Would Karsia walk out?"): what it asks about is hypothetical.
  const question = /\?\s*["”’')]*\s*$/.test(doc.text.slice(sentence.start, sentence.end));
  const hypothetical = question || HYPOTHETICAL_OPENING.test(doc.text.slice(sentence.start, Math.min(sentence.end, sentence.start + 12)));
  for (const e of coded) {
    // The condition of a conditional commitment did not happen ("unless Iran restores…"); the
    // commitment is an intent ("would agree … only if"), and a hypothetical is neither.
    const inCondition = conditions.some((c) => c.condition.from <= e.trigger.from && e.trigger.from < c.condition.to);
    if (inCondition) continue;
    const inCommitment = conditions.some((c) => c.commitment.from <= e.trigger.from && e.trigger.from < c.commitment.to);
    const trigger = { start: view.tokens[e.trigger.from].start, end: view.tokens[e.trigger.to - 1].end };
    const span = (c: Chunk | null) => (c ? { start: view.tokens[c.from].start, end: view.tokens[c.to - 1].end } : null);
    const inQuote = quotes.some((q) => q.start <= trigger.start && trigger.end <= q.end);
    events.push({
      type: e.category,
      mode: e.mode,
      source: actorOf(entities, doc.text, span(e.source)),
      target: actorOf(entities, doc.text, span(e.target)),
      location: locationIn(entities, sentence.start, sentence.end, [span(e.source)], doc.text),
      date: dateIn(times, sentence.start, sentence.end, trigger.start),
      start: sentence.start,
      end: sentence.end,
      trigger,
      negated: e.negated,
      modality: hypothetical ? 'hypothetical' : inCommitment ? e.modality ?? 'conditional' : e.modality,
      reported: e.reported || inQuote,
    });
  }
  return events;
}

/** Merge the per-article annotations into the brief's items with global entity ids: one Event
 * (Position, Condition) per real-world item, with evidence from every article that reports it. */
export function assembleEvents(
  docs: Doc[],
  events: ArticleEvents[],
  resolved: ResolvedEntities,
): { events: Event[]; positions: Position[]; conditions: Condition[] } {
  return assemble(docs, events, resolved);
}
