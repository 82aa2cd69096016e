// A synthetic brief of n articles on one broad topic, shaped like the pipeline's output at that
// size: a core of actors named everywhere and a long tail named rarely, statements quoted by
// several outlets, wire copies, positions whose evidence grows with the coverage, dated events,
// discrepancies and framing per article and actor. Per article about what the pipeline gives on
// real news pages (bench:pipeline on the Zyte pages: 5.7 quotes, 8 dated time expressions, 4.7
// events, 4,600 characters): 6 quotes, 9 dated sentences of 18, 2 events, 6 actors (3 of a
// core of 12), 4,000-5,000 characters; all within 60 days, however many articles.
// Deterministic, so that rendering it is too. Used by the rendering complexity test and
// bench/speed.ts.
import type { Brief, Condition, Discrepancy, Entity, Event, Framing, Position, Quote, Span, Stance, TimeExpression } from '../../src/types.js';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lor', 'ven', 'dra', 'mi', 'sol', 'tar', 'quin', 'bel', 'os', 'ru', 'zan', 'fel', 'gor', 'ith', 'mar'];
const WORDS = 'talks ceasefire corridor prisoners exchange sanctions monitors delegation proposal treaty border shipping grain envoy summit guarantees withdrawal inspection reserves tariffs fishing quotas harbour convoy deadline mediators framework referendum observers'.split(' ');
const ISSUES = ['ceasefire', 'prisoner exchange', 'sanctions relief', 'grain corridor', 'troop withdrawal', 'inspections', 'border crossings', 'fishing quotas', 'reparations', 'elections'];
const STANCES: Stance[] = ['support', 'oppose', 'demand', 'offer', 'conditional'];
const OUTLETS = Array.from({ length: 40 }, (_, i) => `The ${['Northern', 'Eastern', 'Coastal', 'Central', 'Harbour'][i % 5]} ${['Ledger', 'Courier', 'Herald', 'Post', 'Gazette', 'Review', 'Observer', 'Tribune'][Math.floor(i / 5)]}`);

function name(r: () => number, parts = 2): string {
  const word = () => {
    const n = 2 + Math.floor(r() * 2);
    const w = Array.from({ length: n }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join('');
    return w[0].toUpperCase() + w.slice(1);
  };
  return Array.from({ length: parts }, word).join(' ');
}

function pick<T>(r: () => number, xs: T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** Words drawn by Zipf's law, as in running text: a few words very often, most rarely. The
 * vocabulary grows with the coverage (Heaps' law: more articles bring new names and terms); a
 * fixed one would make every word common in a large brief, which real coverage does not. */
function zipfWords(r: () => number, size: number): () => string {
  const vocabulary = Array.from({ length: size }, (_, i) => (i < WORDS.length ? WORDS[i] : name(r, 1).toLowerCase()));
  const weights = vocabulary.map((_, i) => 1 / (i + 1));
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return () => {
    const x = r() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo];
  };
}

function day(offset: number): string {
  const d = new Date(Date.UTC(2026, 2, 1) + offset * 86400000);
  return d.toISOString().slice(0, 10);
}

export function syntheticBrief(n: number, seed = 7): Brief {
  const r = random(seed);
  const word = zipfWords(r, 2000 + 30 * n);
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  // A core of actors in most articles, and a tail that grows with the coverage.
  const actorCount = 12 + Math.ceil(1.5 * n);
  const actors: Entity[] = Array.from({ length: actorCount }, (_, i) => {
    const nm = name(r, i % 3 === 0 ? 1 : 2);
    return { id: `actor-${i}`, name: nm, type: i % 3 === 0 ? 'place' : i % 3 === 1 ? 'person' : 'organization', aliases: i % 4 === 0 ? [nm.split(' ')[0]] : [], roles: i % 3 === 1 ? ['minister'] : [], mentions: [] };
  });
  const articles: Brief['articles'] = [];
  const quotes: Quote[] = [];
  const times: TimeExpression[] = [];
  const framing: Framing[] = [];
  const positionsByKey = new Map<string, Position>();
  const events: Event[] = [];
  const conditions: Condition[] = [];
  const discrepancies: Discrepancy[] = [];
  const statementText: string[] = [];

  for (let i = 0; i < n; i++) {
    const id = `article-${String(i).padStart(5, '0')}`;
    const tail = () => 12 + Math.floor(r() * (actorCount - 12));
    const cast = [Math.floor(r() * 6), 6 + Math.floor(r() * 6), Math.floor(r() * 12), tail(), tail(), tail()].map((k) => actors[k]);
    const date = Math.floor((i / Math.max(1, n)) * 60);
    let text = i % 7 === 0 ? 'GENEVA (Reuters) - ' : '';
    const sentences: Span[] = [];
    const mention = (e: Entity) => {
      const start = text.length;
      text += e.name;
      e.mentions.push({ article: id, start, end: text.length });
    };
    for (let s = 0; s < 18; s++) {
      const start = text.length;
      const who = cast[s % cast.length];
      mention(who);
      text += ` ${s % 2 ? 'said' : 'warned'} on ${day(date - (s % 3))} that the ${phrase(3)} of ${phrase(2 + Math.floor(r() * 6))} `;
      if (s % 3 === 0) {
        const q = text.length + 1;
        // Every fifth article repeats a statement an earlier one quoted: one statement, several outlets.
        const words = i % 5 === 0 && statementText.length > 0 ? statementText[Math.floor(r() * statementText.length)] : `we will ${phrase(2 + Math.floor(r() * 12))}`;
        if (!(i % 5 === 0)) statementText.push(words);
        text += `“${words}”`;
        quotes.push({ id: `q${quotes.length + 1}`, article: id, start: q, end: q + words.length, text: words, speaker: who.id, speakerText: who.name, cue: 'said', partial: false, speakerConfidence: 0.9 });
      }
      text += ` and ${phrase(2 + Math.floor(r() * 8))}.`;
      sentences.push({ article: id, start, end: text.length });
      const d0 = text.indexOf(day(date - (s % 3)), start);
      if (s % 2 === 0) times.push({ article: id, start: d0, end: d0 + 10, text: day(date - (s % 3)), value: day(date - (s % 3)), anchor: 'absolute', type: 'DATE' });
      text += s % 4 === 3 ? '\n\n' : ' ';
    }
    articles.push({ id, source: `/in/${id}.html`, url: null, outlet: OUTLETS[i % OUTLETS.length], title: `${pick(r, WORDS)} ${pick(r, WORDS)} ${i}`, authors: [name(r)], published: day(date), publishedBasis: 'metadata', language: 'en', kind: 'news', text });

    for (const [k, who] of cast.entries()) {
      const issue = ISSUES[(i + k) % (k < 2 ? 3 : ISSUES.length)];
      const stance = STANCES[(k + (i % 2)) % STANCES.length];
      const key = `${who.id}|${issue}|${stance}`;
      const p = positionsByKey.get(key) ?? { actor: who.id, issue, stance, evidence: [], attributedBy: [], confidence: 0.4 + r() * 0.6 };
      p.evidence.push(sentences[k]);
      p.attributedBy!.push('own');
      p.uncertain = p.confidence! < 0.5;
      positionsByKey.set(key, p);
      framing.push({ article: id, entity: who.id, tone: Math.round((r() * 2 - 1) * 100) / 100, mentions: 1 + (k % 3), cues: ['insisted'], cueSpans: [{ start: sentences[k].start, end: sentences[k].start + 4, text: text.slice(sentences[k].start, sentences[k].start + 4), weight: -0.3, confidence: r(), uncertain: r() < 0.3 }] });
    }
    // Events: most are reported by several outlets, so an event gathers evidence as the coverage grows.
    // Each article reports one happening of its own and adds its account of an earlier one.
    if (events.length > 0) events[Math.floor(r() * events.length)].evidence.push(sentences[2]);
    events.push({ id: `e${events.length + 1}`, type: pick(r, ['CONSULT', 'AGREE', 'THREATEN', 'DEMAND']), mode: null, source: cast[0].id, target: cast[1].id, date: day(date), location: null, text: text.slice(sentences[1].start, sentences[1].end), evidence: [sentences[1]] });
    if (i % 5 === 0) conditions.push({ actor: cast[0].id, commitment: `will ${pick(r, WORDS)}`, condition: `if ${pick(r, WORDS)}`, evidence: [sentences[4]], confidence: r(), uncertain: r() < 0.2 });
    if (i % 10 === 9) {
      const other = articles[i - 1 - Math.floor(r() * Math.min(i, 20))];
      discrepancies.push({ topic: `${pick(r, WORDS)} figures`, claims: [{ ...sentences[5], text: text.slice(sentences[5].start, sentences[5].end) }, { article: other.id, start: 0, end: 20, text: other.text.slice(0, 20) }], explanation: 'The outlets give different figures.', confidence: r(), uncertain: r() < 0.2 });
    }
  }
  // Wire copies: every tenth article runs the one before it with a different last line.
  for (let i = 10; i < n; i += 10) {
    const a = articles[i];
    const copy = articles[i - 1].text;
    if (copy.length <= a.text.length) articles[i] = { ...a, text: copy + a.text.slice(copy.length) };
  }
  return {
    schema: 'parley/brief@1',
    articles,
    entities: actors.filter((e) => e.mentions.length > 0),
    quotes,
    times,
    events,
    positions: [...positionsByKey.values()],
    conditions,
    discrepancies,
    framing,
    problems: Array.from({ length: Math.ceil(n / 100) }, (_, k) => ({ source: `/in/bad-${k}.html`, message: 'not an article' })),
  };
}
