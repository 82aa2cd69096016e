// The condition an actor set, as different outlets report it: "no truce before Velarian forces pull
// back from Dobrec" vs "no truce until Velarian troops leave the whole of the Halvani region". Two
// reports disagree when they name different places, parties or figures in the condition; mere
// rewording ("foreign monitors" / "international monitors") is not a disagreement.
import type { Context, SentenceInfo } from './context.js';
import { lemmaOf, words, sharedCount } from './context.js';
import type { Detector, FactClaim } from './claims.js';
import { personKey } from './people.js';
import { affiliationKey } from './titles.js';

const MARKER =
  /\b(only if|if|unless|provided(?: that)?|on (?:the |one )?condition(?: that|:)?|as long as|so long as|in exchange for|in return for|only after|only when|only once|as soon as|conditional on|contingent on|or face|or else|until|before)\b/i;
const NEGATION = /\b(no|not|never|won['’]t|cannot|can['’]t|refuse[sd]?|rule[sd]? out)\b/i;
const BEFORE_UNTIL = /^(until|before)$/i;

export interface ConditionReport {
  article: string;
  sentence: SentenceInfo;
  /** Actor keys (entity ids or folded names) named outside the condition. */
  actors: Set<string>;
  commitment: { start: number; end: number; lemmas: Set<string> };
  condition: { start: number; end: number; lemmas: Set<string>; names: Set<string>; figures: Set<string>; text: string };
}

function rangeLemmas(ctx: Context, article: string, start: number, end: number): { lemmas: Set<string>; names: Set<string>; figures: Set<string> } {
  const a = ctx.byId.get(article)!;
  const w = words();
  const lemmas = new Set<string>();
  const names = new Set<string>();
  const figures = new Set<string>();
  for (const t of a.doc.tokens) {
    if (t.start < start || t.end > end) continue;
    if (/^\d/.test(t.text)) figures.add(t.text.replace(/,/g, ''));
    if (t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text)) names.add(affiliationKey(t.text));
    if (!['NOUN', 'VERB', 'PROPN', 'ADJ'].includes(t.pos)) continue;
    const l = lemmaOf(t.lemma, t.text);
    if (l.length < 2 || w.stop.has(l) || w.reporting.has(l)) continue;
    lemmas.add(l);
  }
  return { lemmas, names, figures };
}

function actorsIn(ctx: Context, article: string, s: SentenceInfo, start: number, end: number): Set<string> {
  const a = ctx.byId.get(article)!;
  const out = new Set<string>();
  for (const m of a.mentions) if (m.start >= start && m.end <= end) out.add(m.entity);
  // Quoted words belong to the quote's speaker ("There will be no truce before…," Sahin told…).
  for (const q of a.quotes) if (q.start < end && q.end > start && q.speaker) out.add(q.speaker);
  // Names the entities stage may not have linked: runs of capitalised proper nouns.
  const toks = a.doc.tokens;
  const sent = a.doc.sentences[s.index];
  for (let i = sent.firstToken; i < sent.endToken; i++) {
    const t = toks[i];
    if (t.start < start || t.end > end || t.pos !== 'PROPN' || !/^\p{Lu}/u.test(t.text)) continue;
    let j = i;
    while (j + 1 < sent.endToken && toks[j + 1].pos === 'PROPN' && toks[j + 1].end <= end) j++;
    const name = a.doc.text.slice(t.start, toks[j].end);
    out.add(personKey(ctx, article, t.start, toks[j].end, name));
    i = j;
  }
  return out;
}

export function conditionReports(ctx: Context): ConditionReport[] {
  const out: ConditionReport[] = [];
  for (const a of ctx.articles) {
    for (const s of a.sentences) {
      const m = MARKER.exec(s.text);
      if (!m) continue;
      const markerStart = s.start + m.index;
      const markerEnd = markerStart + m[0].length;
      let commitment: [number, number];
      let condition: [number, number];
      if (m.index <= 2) {
        // "If X, Y": the condition runs to the first comma.
        const comma = s.text.indexOf(',', m.index);
        if (comma < 0) continue;
        condition = [markerEnd, s.start + comma];
        commitment = [s.start + comma + 1, s.end];
      } else {
        commitment = [s.start, markerStart];
        // The condition ends at the sentence or at a trailing attribution (", according to …").
        const rest = s.text.slice(m.index + m[0].length);
        const stop = /,\s*(?:according to|he said|she said|they said|officials said|said)\b|[”"’]?\s*,?\s*[-—–]\s|[.;!?]\s*[”"’]?\s*$/i.exec(rest);
        condition = [markerEnd, stop ? markerEnd + stop.index : s.end];
      }
      const commitText = a.doc.text.slice(commitment[0], commitment[1]);
      if (BEFORE_UNTIL.test(m[1]) && !NEGATION.test(commitText)) continue;
      const c = rangeLemmas(ctx, a.id, commitment[0], commitment[1]);
      const d = rangeLemmas(ctx, a.id, condition[0], condition[1]);
      if (d.lemmas.size < 2 || c.lemmas.size === 0) continue;
      out.push({
        article: a.id,
        sentence: s,
        actors: actorsIn(ctx, a.id, s, s.start, s.end),
        commitment: { start: commitment[0], end: commitment[1], lemmas: c.lemmas },
        condition: { start: condition[0], end: condition[1], ...d, text: a.doc.text.slice(condition[0], condition[1]).trim() },
      });
    }
  }
  return out;
}

type ConditionClaim = FactClaim & { report: ConditionReport };

function setDifference(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((x) => ![...b].some((y) => y.slice(0, 5) === x.slice(0, 5)));
}

export const conditions: Detector = {
  kind: 'condition',
  extract(ctx) {
    return conditionReports(ctx).map(
      (r): ConditionClaim => ({
        kind: 'condition',
        article: r.article,
        sentence: r.sentence,
        start: r.condition.start,
        end: r.condition.end,
        value: [...r.condition.names].sort().join(' ') + '|' + [...r.condition.figures].sort().join(' '),
        display: `“${r.condition.text}”`,
        subject: [...r.commitment.lemmas].slice(0, 4).join(' '),
        bucket: 'condition',
        report: r,
      }),
    );
  },
  sameFact(a, b) {
    const ra = (a as ConditionClaim).report;
    const rb = (b as ConditionClaim).report;
    if (sharedCount(ra.actors, rb.actors) === 0) return false;
    // The same commitment: most of the shorter one's content words.
    const shared = sharedCount(ra.commitment.lemmas, rb.commitment.lemmas);
    const smaller = Math.min(ra.commitment.lemmas.size, rb.commitment.lemmas.size);
    if (shared === 0 || shared / smaller < 0.5) return false;
    // And a condition on the same matter, however differently it is set.
    return sharedCount(ra.condition.lemmas, rb.condition.lemmas) >= 1;
  },
  conflict(a, b) {
    const ra = (a as ConditionClaim).report;
    const rb = (b as ConditionClaim).report;
    const extraNames = [...setDifference(ra.condition.names, rb.condition.names), ...setDifference(rb.condition.names, ra.condition.names)];
    const figuresDiffer = ra.condition.figures.size > 0 && rb.condition.figures.size > 0 && ![...ra.condition.figures].some((f) => rb.condition.figures.has(f));
    return extraNames.length > 0 || figuresDiffer;
  },
  topic(claims, ctx) {
    const r = (claims[0] as ConditionClaim).report;
    const actor = [...r.actors].map((k) => ctx.entityName.get(k) ?? (k.startsWith('name:') ? k.slice(5) : k))[0] ?? 'an actor';
    return `the condition set by ${actor[0].toUpperCase()}${actor.slice(1)}`;
  },
};
