// Who could have said a quote: every person, body or group the article names near it (outside
// quotation marks), each described by what ties it to the quote — whether the attribution rules
// chose it and how, how near its mentions stand, whether a reporting verb sits next to one of them,
// whether it opens its sentence, spoke the quotes around this one, agrees in gender with a "he" or
// "she" that introduces the quote. The speaker ranker (data/models/speaker-ranker.json) weighs
// these to choose among the candidates; the rules alone only ever proposed one.
import type { ArticleEntities } from '../../annotations.js';
import { firstTokenAtOrAfter, type Doc } from '../../text/doc.js';
import type { Features } from '../../util/logistic.js';
import { cueLemma, cues, givenNameGender } from '../cues.js';

/** What the candidate features read of a quote the attribution rules have handled. */
export interface RuledQuote {
  start: number;
  end: number;
  /** The rules' speaker (article-local entity key), or null. */
  speaker: string | null;
  speakerSpan: { start: number; end: number } | null;
  speakerText: string | null;
  partial: boolean;
  /** The rules' attribution features (how the speaker was found), when they found one. */
  features: Features | null;
}

export interface SpeakerCandidate {
  entity: string;
  /** The candidate's mention nearest the quote: the words that name the speaker in the brief. */
  nearest: { start: number; end: number };
  x: Features;
}

/** How far before and after a quote a name may stand and still be its speaker's. */
const BEFORE = 900;
const AFTER = 250;

const bucket = (n: number, edges: number[], names: string[]): string => {
  for (let i = 0; i < edges.length; i++) if (n < edges[i]) return names[i];
  return names[names.length - 1];
};

/** The candidates for quote `i` of `quotes` (all the article's quotes, in order). */
export function speakerCandidates(doc: Doc, entities: ArticleEntities, quotes: RuledQuote[], i: number): SpeakerCandidate[] {
  const q = quotes[i];
  const tokens = doc.tokens;
  const insideQuote = (s: number, e: number) => quotes.some((o) => s >= o.start - 1 && e <= o.end + 1);
  const near = entities.mentions.filter((m) => m.type !== 'place' && m.end <= q.end + AFTER && m.start >= q.start - BEFORE && !insideQuote(m.start, m.end));
  const keys = [...new Set(near.map((m) => m.entity))];
  const ruled = q.speaker;
  if (ruled && !keys.includes(ruled)) keys.push(ruled);
  if (keys.length === 0) return [];
  const tokenAt = (c: number) => Math.min(tokens.length - 1, firstTokenAtOrAfter(tokens, c));
  const sentenceAt = (c: number) => tokens[tokenAt(c)]?.sentence ?? -1;
  const paragraphAt = (c: number) => doc.sentences[sentenceAt(c)]?.paragraph ?? -1;
  const quoteSentenceStart = sentenceAt(q.start);
  const quoteSentenceEnd = sentenceAt(Math.max(q.start, q.end - 1));
  const quoteParagraph = paragraphAt(q.start);
  const pronoun = q.speakerText ? cues().pronouns.get(q.speakerText.toLowerCase()) : undefined;
  let previous: RuledQuote | undefined;
  for (let k = i - 1; k >= 0 && !previous; k--) if (quotes[k].speaker) previous = quotes[k];
  let next: RuledQuote | undefined;
  for (let k = i + 1; k < quotes.length && !next; k++) if (quotes[k].speaker) next = quotes[k];
  const namedSpeaker = new Set(quotes.filter((o, k) => k !== i && o.speaker && o.features && Object.keys(o.features).some((f) => f.startsWith('how:name-'))).map((o) => o.speaker!));

  const distances = keys.map((key) => {
    const own = near.filter((m) => m.entity === key);
    let before = Infinity;
    let after = Infinity;
    for (const m of own) {
      if (m.end <= q.start) before = Math.min(before, q.start - m.end);
      else if (m.start >= q.end) after = Math.min(after, m.start - q.end);
    }
    return { key, own, before, after };
  });
  // Names after a quote stand for it less often than names before it.
  const reach = (d: { before: number; after: number }) => Math.min(d.before, d.after * 1.5);
  const order = [...distances].sort((a, b) => reach(a) - reach(b) || a.key.localeCompare(b.key)).map((d) => d.key);

  return distances.map(({ key, own, before, after }) => {
    const x: Features = {};
    const entity = entities.entities.find((e) => e.key === key);
    if (key === ruled) {
      x['rule:chosen'] = 1;
      for (const f of Object.keys(q.features ?? {})) x[`rule|${f}`] = 1;
    } else x[ruled ? 'rule:chose-another' : 'rule:chose-none'] = 1;
    x[`before:${bucket(before, [30, 100, 250, 500, BEFORE + 1], ['<30', '<100', '<250', '<500', 'far', 'none'])}`] = 1;
    x[`after:${bucket(after, [30, 100, AFTER + 1], ['<30', '<100', 'far', 'none'])}`] = 1;
    const rankOf = Math.min(3, order.indexOf(key));
    x[`rank:${rankOf}`] = 1;
    x[`rank|chosen:${rankOf}|${key === ruled ? 1 : 0}`] = 1;
    if (keys.length === 1) x['only-candidate'] = 1;
    if (own.some((m) => m.end <= q.start && sentenceAt(m.start) === quoteSentenceStart)) x['sentence-before'] = 1;
    if (own.some((m) => m.start >= q.end && sentenceAt(m.start) === quoteSentenceEnd)) x['sentence-after'] = 1;
    if (own.some((m) => paragraphAt(m.start) === quoteParagraph)) x['same-paragraph'] = 1;
    else if (own.some((m) => paragraphAt(m.start) === quoteParagraph - 1)) x['previous-paragraph'] = 1;
    let cueAfter = false;
    let cueBefore = false;
    let subject = false;
    for (const m of own) {
      const a = tokenAt(m.start);
      let b = a;
      while (b < tokens.length && tokens[b].end <= m.end) b++;
      for (let j = b; j < Math.min(tokens.length, b + 3); j++) if (tokens[j].pos === 'VERB' && cueLemma(tokens[j].lemma, tokens[j].text)) cueAfter = true;
      for (let j = Math.max(0, a - 3); j < a; j++) if (tokens[j].pos === 'VERB' && cueLemma(tokens[j].lemma, tokens[j].text)) cueBefore = true;
      let s = a - 1;
      while (s >= 0 && tokens[s].sentence === tokens[a].sentence && /^(DET|ADJ|PROPN|NOUN)$/.test(tokens[s].pos)) s--;
      if (s < 0 || tokens[s].sentence !== tokens[a].sentence) subject = true;
    }
    if (cueAfter) x['name-then-cue'] = 1;
    if (cueBefore) x['cue-then-name'] = 1;
    if (subject) x['opens-sentence'] = 1;
    const lastBefore = own.filter((m) => m.end <= q.start).sort((a, b) => b.end - a.end)[0];
    if (lastBefore) {
      x[`sentences-back:${Math.min(3, Math.max(0, quoteSentenceStart - sentenceAt(lastBefore.start)))}`] = 1;
      const between = near.some((m) => m.entity !== key && m.type === 'person' && m.start >= lastBefore.end && m.end <= q.start);
      x[between ? 'person-between' : 'nobody-between'] = 1;
      if (pronoun && subject) x['pronoun|opens-sentence'] = 1;
    }
    if (previous?.speaker === key) x['spoke-previous-quote'] = 1;
    if (next?.speaker === key) x['spoke-next-quote'] = 1;
    if (namedSpeaker.has(key)) x['named-speaker-elsewhere'] = 1;
    x[`type:${entity?.type ?? 'none'}`] = 1;
    if (entity?.roles.length) x['has-role'] = 1;
    x[`mentions:${bucket(entity?.mentions.length ?? 0, [2, 4, 8], ['1', '2-3', '4-7', '8+'])}`] = 1;
    if (q.speakerSpan && own.some((m) => m.start < q.speakerSpan!.end && q.speakerSpan!.start < m.end)) x['in-speaker-words'] = 1;
    if (pronoun === 'm' || pronoun === 'f') {
      const g = entity?.type === 'person' ? givenNameGender(entity.name.split(/\s+/)[0]) : null;
      x[g ? (g === pronoun ? 'gender:agrees' : 'gender:differs') : `gender:unknown|${entity?.type ?? 'none'}`] = 1;
    }
    if (q.partial) x[`partial|${key === ruled ? 'chosen' : 'other'}`] = 1;
    const gap = (m: { start: number; end: number }) => reach({ before: m.end <= q.start ? q.start - m.end : Infinity, after: m.start >= q.end ? m.start - q.end : Infinity });
    let nearest = own[0];
    for (const m of own) if (gap(m) < gap(nearest)) nearest = m;
    const ruledWords = key === ruled && q.speakerSpan ? q.speakerSpan : null;
    return { entity: key, nearest: ruledWords ?? (nearest ? { start: nearest.start, end: nearest.end } : { start: q.start, end: q.start }), x };
  });
}

/** The confidence model's view of the ranker's choice: how sure the ranker is, by how much it
 * beats the runner-up, and whether it agrees with the attribution rules (whose own evidence then
 * counts too). */
export function choiceFeatures(probabilities: number[], chosen: number, candidate: SpeakerCandidate, rules: Features | null): Features {
  const p = probabilities[chosen];
  const second = Math.max(0, ...probabilities.filter((_, j) => j !== chosen));
  const x: Features = { p, margin: p - second };
  x[`p:${bucket(p, [0.5, 0.7, 0.85, 0.95], ['<.5', '<.7', '<.85', '<.95', 'top'])}`] = 1;
  x[`candidates:${bucket(probabilities.length, [2, 3, 5], ['1', '2', '3-4', '5+'])}`] = 1;
  if (candidate.x['rule:chosen']) {
    x['agrees-with-rules'] = 1;
    for (const f of Object.keys(rules ?? {})) x[`rule|${f}`] = 1;
  } else x[candidate.x['rule:chose-none'] ? 'rules-chose-none' : 'overrides-rules'] = 1;
  return x;
}
