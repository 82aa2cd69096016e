// One statement, different speakers: outlets quoting the same words but crediting them to
// different people. Anonymous attributions ("a senior official") never contradict a name.
import type { Quote } from '../types.js';
import type { Context } from './context.js';
import { sameWords } from './corroboration.js';
import type { Detector, FactClaim } from './claims.js';
import { sentenceAt } from '../text/doc.js';
import { foldName, personKey, surname } from './people.js';

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
        const key = speakerKey(q, ctx);
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
  conflict(a, b) {
    return a.value !== b.value;
  },
  topic(claims) {
    return `who said ${claims[0].subject}`;
  },
};
