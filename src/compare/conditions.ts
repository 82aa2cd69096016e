// The condition an actor set, as different outlets report it: "no truce before Velarian forces pull
// back from Dobrec" vs "no truce until Velarian troops leave the whole of the Halvani region". Two
// reports disagree when they name different places, parties or figures in the condition; mere
// rewording ("foreign monitors" / "international monitors") is not a disagreement.
import type { Context, SentenceInfo } from './context.js';
import { contentStem, isNameToken, sharedCount } from './context.js';
import type { Detector, FactClaim } from './claims.js';
import { personKey } from './people.js';
import { affiliationKey, isTitleWord } from './titles.js';

const MARKER =
  /\b(only if|if|unless|provided(?: that)?|on (?:the |one )?condition(?: that|:)?|as long as|so long as|in exchange for|in return for|only after|only when|only once|as soon as|conditional on|contingent on|or face|or else|until|before)\b/i;
const NEGATION = /\b(no|not|never|won['’]t|cannot|can['’]t|refuse[sd]?|rule[sd]? out)\b/i;
const BEFORE_UNTIL = /^(until|before)$/i;

export interface ConditionReport {
  article: string;
  sentence: SentenceInfo;
  /** Actor keys (entity ids or folded names) named outside the condition. */
  actors: Set<string>;
  /** Actor key → the fullest name seen for it. */
  actorNames: Map<string, string>;
  /** "no truce before…" and "a truce if…" are different commitments. */
  negated: boolean;
  commitment: { start: number; end: number; lemmas: Set<string> };
  condition: { start: number; end: number; lemmas: Set<string>; names: Set<string>; figures: Set<string>; text: string };
}

function rangeLemmas(ctx: Context, article: string, start: number, end: number): { lemmas: Set<string>; names: Set<string>; figures: Set<string> } {
  const a = ctx.byId.get(article)!;
  const lemmas = new Set<string>();
  const names = new Set<string>();
  const figures = new Set<string>();
  for (const t of a.doc.tokens) {
    if (t.start < start || t.end > end) continue;
    if (/^\d/.test(t.text)) figures.add(t.text.replace(/,/g, ''));
    // Names that head a phrase ("the Halvani region", "from Dobrec"); a name before another name or a
    // title only qualifies it ("Karsian President Selim Akgul").
    if ((isNameToken(t) || (t.pos === 'ADJ' && /^\p{Lu}/u.test(t.text) && t.start > start)) && !isTitleWord(t.text)) {
      const next = a.doc.tokens.find((n) => n.start >= t.end);
      if (!next || next.start >= end || !(isNameToken(next) || isTitleWord(next.text))) names.add(affiliationKey(t.text));
    }
    const l = contentStem(t);
    if (l) lemmas.add(l);
  }
  return { lemmas, names, figures };
}

function actorsIn(ctx: Context, article: string, s: SentenceInfo, start: number, end: number, names: Map<string, string>): Set<string> {
  const a = ctx.byId.get(article)!;
  const out = new Set<string>();
  for (const m of a.mentions) {
    if (m.start >= start && m.end <= end) {
      out.add(m.entity);
      names.set(m.entity, ctx.entityName.get(m.entity) ?? a.doc.text.slice(m.start, m.end));
    }
  }
  // Quoted words belong to the quote's speaker ("There will be no truce before…," Sahin told…).
  for (const q of a.quotes) if (q.start < end && q.end > start && q.speaker) out.add(q.speaker);
  // Names the entities stage may not have linked: runs of capitalised proper nouns.
  const toks = a.doc.tokens;
  const sent = a.doc.sentences[s.index];
  for (let i = sent.firstToken; i < sent.endToken; i++) {
    const t = toks[i];
    if (t.start < start || t.end > end || !isNameToken(t)) continue;
    let j = i;
    while (j + 1 < sent.endToken && isNameToken(toks[j + 1]) && toks[j + 1].end <= end) j++;
    if (!isTitleWord(toks[j].text)) {
      let from = i;
      while (from < j && isTitleWord(toks[from].text)) from++;
      const name = a.doc.text.slice(toks[from].start, toks[j].end);
      const key = personKey(ctx, article, toks[from].start, toks[j].end, name);
      out.add(key);
      if ((names.get(key)?.length ?? 0) < name.length) names.set(key, name);
    }
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
        const stop = /,\s*(?:according to\b|and\s|but\s|(?:[\p{L}’']+\s+){0,5}(?:said|says|told|added|announced)\b)|[”"’]?\s*,?\s*[-—–]\s|[”"»]|’(?!\p{L})|[.;!?]\s*$/iu.exec(rest);
        let to = stop ? markerEnd + stop.index : s.end;
        // An apposition describes what the condition names, it is not part of it
        // ("…withdraw from Dobrec, the town at the centre of the Halvani dispute").
        const apposition = /,\s+(?:the|a|an|which|who|where|whose)\s/i.exec(a.doc.text.slice(markerEnd, to));
        if (apposition) to = markerEnd + apposition.index;
        condition = [markerEnd, to];
      }
      const commitText = a.doc.text.slice(commitment[0], commitment[1]);
      if (BEFORE_UNTIL.test(m[1]) && !NEGATION.test(commitText)) continue;
      const c = rangeLemmas(ctx, a.id, commitment[0], commitment[1]);
      const d = rangeLemmas(ctx, a.id, condition[0], condition[1]);
      if (d.lemmas.size < 2 || c.lemmas.size === 0) continue;
      const actorNames = new Map<string, string>();
      out.push({
        article: a.id,
        sentence: s,
        actorNames,
        // Who set it is named outside the condition (before it, or in a trailing attribution).
        actors: new Set([...actorsIn(ctx, a.id, s, s.start, condition[0], actorNames), ...actorsIn(ctx, a.id, s, condition[1], s.end, actorNames)]),
        negated: NEGATION.test(commitText),
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
    if (sharedCount(ra.actors, rb.actors) === 0 || ra.negated !== rb.negated) return false;
    // The same commitment: most of the shorter one's content words.
    const shared = sharedCount(ra.commitment.lemmas, rb.commitment.lemmas);
    const smaller = Math.min(ra.commitment.lemmas.size, rb.commitment.lemmas.size);
    if (shared === 0 || shared / smaller < 0.4) return false;
    // And a condition on the same matter, however differently it is set.
    return sharedCount(ra.condition.lemmas, rb.condition.lemmas) >= 1;
  },
  conflict(a, b) {
    const ra = (a as ConditionClaim).report;
    const rb = (b as ConditionClaim).report;
    // The actor's own name in the condition ("Asteran goods" in Aster's condition) does not change it.
    const own = new Set([...ra.actorNames.values(), ...rb.actorNames.values()].flatMap((n) => n.split(/\s+/)).map((n) => affiliationKey(n)));
    const notOwn = (names: string[]): string[] => names.filter((n) => ![...own].some((o) => o.slice(0, 5) === n.slice(0, 5)));
    const extraNames = notOwn([...setDifference(ra.condition.names, rb.condition.names), ...setDifference(rb.condition.names, ra.condition.names)]);
    const figuresDiffer = ra.condition.figures.size > 0 && rb.condition.figures.size > 0 && ![...ra.condition.figures].some((f) => rb.condition.figures.has(f));
    return extraNames.length > 0 || figuresDiffer;
  },
  topic(claims, ctx) {
    // The actor most of the reports name; between equals, the one named at greatest length (a person).
    const count = new Map<string, number>();
    const name = new Map<string, string>();
    for (const c of claims) {
      const r = (c as ConditionClaim).report;
      for (const k of r.actors) {
        count.set(k, (count.get(k) ?? 0) + 1);
        const n = ctx.entityName.get(k) ?? r.actorNames.get(k) ?? k.replace(/^name:/, '');
        if ((name.get(k)?.length ?? 0) < n.length) name.set(k, n);
      }
    }
    const best = [...count].sort((x, y) => y[1] - x[1] || (name.get(y[0])?.length ?? 0) - (name.get(x[0])?.length ?? 0))[0];
    return `the condition set by ${best ? name.get(best[0]) : 'one side'}`;
  },
};
