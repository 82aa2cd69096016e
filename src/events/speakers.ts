// Who takes a stance: the subject of the clause, resolved through pronouns to the reporting
// phrase ("Ankara said it would…") or the quote's speaker, and who asserts it — the actor itself,
// the writer, or a third party such as an analyst.
import { createRequire } from 'node:module';
import type { ArticleEntities, QuoteAnnotation } from '../annotations.js';
import { loadJson } from '../util/data.js';
import { entityIn } from './actors.js';
import { isPronoun, npAfter, npBefore, textOf, type Chunk, type SentenceView } from './clause.js';
import { eventLexicon } from './lexicon.js';

export type Attribution = 'own' | 'writer' | 'third-party';

export interface Reporting {
  /** Subject of the reporting verb ("Ankara" in "Ankara says it…"), or of "according to …". */
  reporter: Chunk | null;
  /** First token after the reporting phrase when it opens the sentence ("X said that …"). */
  clauseStart: number;
  /** Where a trailing attribution (", officials said.") begins; tokens.length when none. */
  clauseEnd: number;
}

const FIRST_PERSON = new Set(['we', 'i', 'us', 'our', 'my', 'me']);

/** The reporting frame of a sentence: "X said (that) …" at the front, or "…, X said." at the end. */
export function reportingOf(view: SentenceView): Reporting {
  const lex = eventLexicon();
  const toks = view.tokens;
  let clauseEnd = toks.length;
  let reporter: Chunk | null = null;
  // Trailing: ", officials said Thursday." / ", according to a Turkish official …" / ", she told reporters".
  for (let k = toks.length - 1; k > 2; k--) {
    if (toks[k].lower !== ',' && toks[k].lower !== '"' && toks[k].lower !== '”' && toks[k].lower !== "''") continue;
    const rest = toks.slice(k + 1);
    if (rest.length === 0 || rest.length > 18) continue;
    if (rest[0].lower === 'according' && rest[1]?.lower === 'to') {
      reporter = npAfter(view, k + 3, toks.length, false);
      clauseEnd = k;
      break;
    }
    const v = rest.findIndex((t) => t.pos === 'VERB');
    if (v < 0 || !lex.reporting.has(rest[v].lemma)) continue;
    reporter = v > 0 ? npBefore(view, k + 1 + v, k + 1) : npAfter(view, k + 2, toks.length, false);
    clauseEnd = k;
    break;
  }
  // Leading: "Ukraine's foreign minister, Olena Marchuk, said Kyiv was ready…"
  let clauseStart = 0;
  for (let k = 1; k < Math.min(clauseEnd, 25); k++) {
    const t = toks[k];
    if (t.pos !== 'VERB' || !lex.reporting.has(t.lemma)) continue;
    const next = toks[k + 1];
    if (!next) break;
    if (next.lower === 'that' || next.pos === 'PRON' || next.pos === 'PROPN' || next.pos === 'DET' || next.pos === 'NOUN' || next.pos === 'ADJ' || next.lower === 'on' || next.pos === 'ADV') {
      let subj = npBefore(view, k, 0);
      // "X, the foreign minister, said": prefer the name before the apposition.
      if (subj && toks[subj.from - 1]?.lower === ',') {
        const before = npBefore(view, subj.from - 1, 0);
        if (before) subj = { from: before.from, to: subj.to };
      }
      reporter = subj ?? reporter;
      clauseStart = next.lower === 'that' ? k + 2 : k + 1;
      // Skip a time phrase after the verb: "said on Tuesday that".
      for (let m = clauseStart; m < Math.min(clauseEnd, clauseStart + 5); m++) if (toks[m].lower === 'that') clauseStart = m + 1;
    }
    break;
  }
  return { reporter, clauseStart, clauseEnd };
}

/** The quote that holds the token range, if any. */
export function quoteAround(quotes: QuoteAnnotation[], start: number, end: number): QuoteAnnotation | null {
  for (const q of quotes) if (q.start <= start && end <= q.end) return q;
  return null;
}

export interface ResolvedActor {
  key: string;
  attributedBy: Attribution;
}

let demonymCache: Map<string, string> | null = null;
/** Lower-case demonym → lower-case country name ("french" → "france"). */
function demonyms(): Map<string, string> {
  if (demonymCache) return demonymCache;
  demonymCache = new Map();
  try {
    const require = createRequire(import.meta.url);
    const countries = require('world-countries') as { name: { common: string }; demonyms?: { eng?: { m?: string; f?: string } } }[];
    for (const c of countries) {
      const name = c.name.common.toLowerCase();
      for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (d) demonymCache.set(d.toLowerCase(), name);
    }
  } catch {
    // world-countries missing: affiliation falls back to name matching only.
  }
  return demonymCache;
}

/** Does a reporting phrase speak for the actor ("Ukraine's foreign minister" for Ukraine, "the
 * Russian delegation" for Russia)? */
function affiliated(phrase: string, entities: ArticleEntities, actorKey: string): boolean {
  const entity = entities.entities.find((e) => e.key === actorKey);
  if (!entity) return false;
  const words = phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const names = [entity.name, ...entity.aliases].map((n) => n.toLowerCase());
  const dem = demonyms();
  for (const w of words) {
    if (names.some((n) => n === w || n.split(/\s+/).includes(w))) return true;
    const country = dem.get(w);
    if (country && names.includes(country)) return true;
  }
  return false;
}

function isThirdPartyPhrase(phrase: string): boolean {
  const words = loadJson<{ thirdParty: string[] }>('events/stances.json').thirdParty;
  const lower = phrase.toLowerCase();
  return words.some((w) => new RegExp(`\\b${w.replace(/[-]/g, '\\-')}\\b`).test(lower));
}

/** Resolve the actor of a clause: its subject phrase's entity, with pronouns and missing subjects
 * taken from the quote's speaker or the reporting phrase; and who asserts the stance. */
export function resolveActor(
  view: SentenceView,
  entities: ArticleEntities,
  quotes: QuoteAnnotation[],
  subject: Chunk | null,
  reporting: Reporting,
): ResolvedActor | null {
  const toks = view.tokens;
  const quote = subject ? quoteAround(quotes, toks[subject.from].start, toks[subject.to - 1].end) : quoteAround(quotes, view.start, view.start + 1);
  const reporterKey = reporting.reporter ? entityIn(entities, { start: toks[reporting.reporter.from].start, end: toks[reporting.reporter.to - 1].end }) : null;
  const reporterText = reporting.reporter ? textOf(view, reporting.reporter.from, reporting.reporter.to) : '';
  let key: string | null = null;
  const pronoun = subject && subject.to - subject.from === 1 && isPronoun(toks[subject.from]);
  if (subject && !pronoun) key = entityIn(entities, { start: toks[subject.from].start, end: toks[subject.to - 1].end });
  if (!key && (pronoun || !subject)) {
    if (quote && quote.speaker && (!subject || FIRST_PERSON.has(toks[subject.from].lower))) key = quote.speaker;
    else if (reporterKey) key = reporterKey;
    else if (quote?.speaker) key = quote.speaker;
  }
  if (!key) return null;
  let attributedBy: Attribution = 'writer';
  if (quote) {
    attributedBy = !quote.speaker || quote.speaker === key || (quote.speakerText && affiliated(quote.speakerText, entities, key)) ? 'own' : 'third-party';
    if (quote.speakerText && isThirdPartyPhrase(quote.speakerText)) attributedBy = 'third-party';
  } else if (reporting.reporter) {
    if (isThirdPartyPhrase(reporterText)) attributedBy = 'third-party';
    else if (!reporterKey || reporterKey === key || affiliated(reporterText, entities, key)) attributedBy = 'own';
    else attributedBy = 'third-party';
  }
  return { key, attributedBy };
}
