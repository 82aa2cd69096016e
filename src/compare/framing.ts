// Framing per article and actor: the tone of the writer's own words toward the actor. Only words
// tied to the actor count: the reporting verb the outlet chose for it ("claimed" vs "said") and
// evaluative words next to its mentions outside quotation marks. A sentence that merely contains
// "peace" near an actor's name says nothing about the actor; quoted words belong to the speaker,
// not to the outlet.
import type { Framing } from '../types.js';
import type { ArticleInfo, Context, MentionRef } from './context.js';
import { inRanges } from './context.js';
import { loadJson } from '../util/data.js';

interface ToneLexicon {
  reporting: Record<string, number>;
  evaluative: Record<string, number>;
  negators: string[];
}

/** Tokens on either side of a mention within which an evaluative word is read as about it. */
const WINDOW = 6;

export interface ToneCue {
  entity: string;
  word: string;
  weight: number;
  start: number;
  end: number;
}

function lexicon(): ToneLexicon {
  return loadJson<ToneLexicon>('compare/tone.json');
}

function tokenIndexAt(a: ArticleInfo, offset: number): number {
  const toks = a.doc.tokens;
  let lo = 0;
  let hi = toks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].end <= offset) lo = mid + 1;
    else if (toks[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return Math.min(lo, toks.length - 1);
}

/** Actors whose framing is worth a row: people, organisations, groups, and places that act
 * (speak, take positions, set conditions, or are the source or target of an event). */
function actors(ctx: Context): Set<string> {
  const out = new Set<string>();
  for (const e of ctx.brief.entities ?? []) if (e.type === 'person' || e.type === 'organization' || e.type === 'group') out.add(e.id);
  for (const p of ctx.brief.positions ?? []) out.add(p.actor);
  for (const c of ctx.brief.conditions ?? []) out.add(c.actor);
  for (const ev of ctx.brief.events ?? []) {
    if (ev.source) out.add(ev.source);
    if (ev.target) out.add(ev.target);
  }
  for (const q of ctx.brief.quotes ?? []) if (q.speaker) out.add(q.speaker);
  return out;
}

/** Tone cues in one article, each tied to the actor whose mention is nearest in its sentence. */
export function toneCues(a: ArticleInfo, who: Set<string> | null = null): ToneCue[] {
  const lex = lexicon();
  const negators = new Set(lex.negators);
  const toks = a.doc.tokens;
  const cues: ToneCue[] = [];
  const mentions: (MentionRef & { token: number; last: number })[] = a.mentions
    .filter((m) => !who || who.has(m.entity))
    .map((m) => ({ ...m, token: tokenIndexAt(a, m.start), last: tokenIndexAt(a, Math.max(m.start, m.end - 1)) }));
  const counted = new Set<number>();

  // Reporting verbs the outlet chose for the actor's quotes.
  for (const q of a.quotes) {
    if (!q.speaker || !q.cue || (who && !who.has(q.speaker))) continue;
    const verb = q.cue.toLowerCase().split(/\s+/)[0];
    const lemma = verbLemma(verb);
    const w = lex.reporting[lemma];
    if (w === undefined || w === 0) continue;
    cues.push({ entity: q.speaker, word: verb, weight: w, start: q.start, end: q.end });
  }

  for (const s of a.doc.sentences) {
    const inSentence = mentions.filter((m) => m.token >= s.firstToken && m.token < s.endToken);
    if (inSentence.length === 0) continue;
    for (let i = s.firstToken; i < s.endToken; i++) {
      const t = toks[i];
      if (inRanges(a.quoted, t.start)) continue;
      const word = t.text.toLowerCase().replace(/’/g, "'");
      const lemma = (t.lemma || word).toLowerCase();
      let weight: number | undefined;
      let reporting = false;
      if (t.pos === 'VERB' && lex.reporting[lemma] !== undefined) {
        weight = lex.reporting[lemma];
        reporting = true;
      } else weight = lex.evaluative[word] ?? lex.evaluative[lemma];
      if (weight === undefined || weight === 0 || counted.has(t.start)) continue;
      // The actor the word is about: for a reporting verb, its subject (the nearest mention before
      // it); for an evaluative word, the nearest mention either side within the window.
      let best: (typeof inSentence)[number] | null = null;
      let bestDistance = Infinity;
      for (const m of inSentence) {
        const distance = i < m.token ? m.token - i : i > m.last ? i - m.last : 0;
        if (reporting && m.token > i) continue;
        if (distance <= WINDOW && distance < bestDistance) {
          best = m;
          bestDistance = distance;
        }
      }
      if (!best) continue;
      // The cue of one of the actor's own quotes is already counted above.
      const actor = best.entity;
      if (reporting && a.quotes.some((q) => q.speaker === actor && q.cue?.toLowerCase().split(/\s+/)[0] === word && Math.abs(t.start - q.start) < 200)) continue;
      let negated = false;
      for (let k = Math.max(s.firstToken, i - 3); k < i; k++) if (negators.has(toks[k].text.toLowerCase())) negated = true;
      counted.add(t.start);
      cues.push({
        entity: best.entity,
        word: negated ? `not ${t.text}` : t.text,
        weight: negated ? -weight * 0.5 : weight,
        start: t.start,
        end: t.end,
      });
    }
  }
  return cues;
}

const IRREGULAR: Record<string, string> = { said: 'say', told: 'tell', wrote: 'write', spoke: 'speak', hit: 'hit', lashed: 'lash' };

function verbLemma(verb: string): string {
  if (IRREGULAR[verb]) return IRREGULAR[verb];
  const lex = lexicon().reporting;
  for (const cut of [verb, verb.replace(/ied$/, 'y'), verb.replace(/d$/, ''), verb.replace(/ed$/, ''), verb.replace(/s$/, ''), verb.replace(/es$/, '')]) {
    if (lex[cut] !== undefined) return cut;
  }
  return verb;
}

/** Shrinks toward neutral when there is little evidence: one "claimed" is −0.2, not −0.4. */
export function toneOf(weights: number[]): number {
  if (weights.length === 0) return 0;
  const sum = weights.reduce((x, y) => x + y, 0);
  const tone = Math.max(-1, Math.min(1, sum / Math.max(2, weights.length)));
  return Math.round(tone * 100) / 100;
}

export function framing(ctx: Context): Framing[] {
  const who = actors(ctx);
  const out: Framing[] = [];
  for (const a of ctx.articles) {
    const cues = toneCues(a, who);
    const mentionCount = new Map<string, number>();
    for (const m of a.mentions) if (who.has(m.entity)) mentionCount.set(m.entity, (mentionCount.get(m.entity) ?? 0) + 1);
    for (const [entity, mentions] of mentionCount) {
      const mine = cues.filter((c) => c.entity === entity);
      out.push({ article: a.id, entity, tone: toneOf(mine.map((c) => c.weight)), mentions, cues: mine.map((c) => c.word) });
    }
  }
  return out;
}
