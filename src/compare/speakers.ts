// One statement, different speakers: outlets quoting the same words but crediting them to
// different people. Anonymous attributions ("a senior official") never contradict a name.
import type { Quote } from '../types.js';
import type { Context } from './context.js';
import { sameWords } from './corroboration.js';
import type { Detector, FactClaim } from './claims.js';
import { sentenceAt, tokenIndexAt } from '../text/doc.js';
import { headOf, labelOf, parseOf } from './syntax.js';
import { foldName, personKey, sameSpelling, surname } from './people.js';

const UNNAMED = /^(a|an|the|one|two|some|several|another|senior|western|officials?|diplomats?|sources?)\b/i;

/** Who a quote is credited to: the resolved entity, or else a proper name in the attribution
 * matched to an entity by surname. Null for anonymous or unknown speakers. */
export function speakerKey(q: Quote, ctx: Context): string | null {
  if (q.speaker) return q.speaker;
  const text = q.speakerText?.trim();
  if (!text || UNNAMED.test(text) || !/^\p{Lu}/u.test(text)) return null;
  // By surname only: the attribution's words are not a mention span of their own here.
  return personKey(ctx, q.article, -1, -1, text);
}

/** The speaker a conflict may rest on: an attribution Parley is sure of (a resolved speaker, not a
 * `possibleSpeaker`), to a person or body named in the quote's own sentences outside the quote.
 * "…,” he said" or a role ("Reid's rep") leaves the conflict resting on Parley's own guess, and the
 * brief then shows none: a quote the brief misattributed must not become a discrepancy. */
export function certainSpeaker(q: Quote, ctx: Context): string | null {
  if (!q.speaker || q.possibleSpeaker) return null;
  const type = ctx.entityType.get(q.speaker);
  if (type !== 'person' && type !== 'organization') return null;
  const a = ctx.byId.get(q.article);
  if (!a) return null;
  const first = sentenceAt(a.doc, q.start);
  const last = sentenceAt(a.doc, Math.max(q.start, q.end - 1));
  if (first < 0 || last < 0) return null;
  const from = a.doc.sentences[first].start;
  const to = a.doc.sentences[last].end;
  const outside = (m: { start: number; end: number }): boolean => m.end <= q.start || m.start >= q.end;
  if (a.mentions.some((m) => m.entity === q.speaker && m.start >= from && m.end <= to && outside(m))) return q.speaker;
  // "X spoke to us. He said: “…”" — named in the sentence just before, with a pronoun or nothing
  // between: kept, but the model knows the attribution crossed a sentence.
  if (first > 0) {
    const prev = a.doc.sentences[first - 1];
    const between = a.doc.text.slice(prev.end, q.start);
    const otherName = a.mentions.some((m) => m.start >= prev.end && m.end <= to && outside(m) && m.entity !== q.speaker && ctx.entityType.get(m.entity) === 'person');
    // Only the subject of the sentence before carries over to "he said" ("X spoke to us. He
    // said …"); a name elsewhere in it ("He did not say what X …") does not.
    const p = parseOf(a.doc, a.mentions);
    const isSubject = (m: { start: number; end: number }): boolean => {
      for (let k = tokenIndexAt(a.doc, m.start); k < a.doc.tokens.length && a.doc.tokens[k].start < m.end; k++) {
        let h = k;
        for (let n = 0; n < 3 && h >= 0 && ['compound', 'flat', 'appos'].includes(labelOf(p, h)); n++) h = headOf(p, h);
        if (h >= 0 && /^nsubj/.test(labelOf(p, h))) return true;
      }
      return false;
    };
    if (!otherName && a.mentions.some((m) => m.entity === q.speaker && m.start >= prev.start && m.end <= prev.end && isSubject(m)) && between.length < 400) {
      previousSentence.add(q);
      return q.speaker;
    }
  }
  return null;
}

/** Quotes whose certain speaker is named only in the sentence before. */
const previousSentence = new WeakSet<Quote>();

function speakerName(key: string, q: Quote, ctx: Context): string {
  if (key.startsWith('name:')) return q.speakerText ?? key.slice(5);
  return ctx.entityName.get(key) ?? q.speakerText ?? key;
}

function shortQuote(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length <= 12 ? text.trim() : `${words.slice(0, 12).join(' ')}…`;
}

export const speakers: Detector = {
  kind: 'speaker',
  extract(ctx: Context): FactClaim[] {
    const out: FactClaim[] = [];
    for (const a of ctx.articles) {
      for (const q of a.quotes) {
        const key = certainSpeaker(q, ctx);
        if (!key) continue;
        // Very short fragments ("a reasonable start") are echoed by many speakers; not one statement.
        if ((q.text.match(/[\p{L}\p{N}]+/gu) ?? []).length < 4) continue;
        const si = sentenceAt(a.doc, q.start);
        const s = a.sentences[si >= 0 ? si : 0];
        if (!s) continue;
        const name = speakerName(key, q, ctx);
        // "…," he said: show the sentence before too when the name is only there.
        const last = surname(name);
        let from = si >= 0 ? si : 0;
        const endSentence = a.sentences.find((x) => x.end >= q.end) ?? s;
        const named = (k: number): boolean => foldName(a.sentences[k].text).includes(last);
        if (!named(from) && !named(endSentence.index) && from > 0 && named(from - 1)) from -= 1;
        out.push({
          kind: 'speaker',
          article: a.id,
          sentence: s,
          start: q.start,
          end: q.end,
          value: key,
          display: `it to ${name}`,
          subject: `“${shortQuote(q.text)}”`,
          bucket: 'quote',
          passage: { start: a.sentences[from].start, end: Math.max(endSentence.end, s.end) },
        });
        (out[out.length - 1] as FactClaim & { quote?: Quote }).quote = q;
      }
    }
    return out;
  },
  sameFact(a, b) {
    const qa = (a as FactClaim & { quote?: Quote }).quote!;
    const qb = (b as FactClaim & { quote?: Quote }).quote!;
    if (qa.statement && qa.statement === qb.statement) return true;
    return sameWords(qa.text, qb.text);
  },
  conflict(a, b, ctx) {
    if (a.value === b.value) return false;
    // "Heffner" and "Hugh Hefner", "Locke" and "Gary Locke": one person spelt or named two ways.
    const na = ctx.entityName.get(a.value) ?? a.value;
    const nb = ctx.entityName.get(b.value) ?? b.value;
    return !sameSpelling(surname(na), surname(nb));
  },
  topic(claims) {
    return `who said ${claims[0].subject}`;
  },
  pairFeatures(a, b) {
    const qa = (a as FactClaim & { quote?: Quote }).quote!;
    const qb = (b as FactClaim & { quote?: Quote }).quote!;
    return {
      'speaker:previousSentence': previousSentence.has(qa) || previousSentence.has(qb) ? 1 : 0,
      'speaker:sameStatement': qa.statement && qa.statement === qb.statement ? 1 : 0,
    };
  },
};
