// News, analysis or opinion, from what the writer does in their own words (outside quotation
// marks): speak in the first person, exclaim, call on someone to act, judge (evaluative words),
// weigh scenarios (hedges, "analysts", "whether"), and from hints in the title or URL.
import type { ArticleKind } from '../types.js';
import type { ArticleInfo } from './context.js';
import { inRanges } from './context.js';
import { loadJson } from '../util/data.js';

interface KindWords {
  opinionHints: string[];
  analysisHints: string[];
  opinionWords: string[];
  callsToAct: string[];
  analysisWords: string[];
}

export interface KindSignals {
  words: number;
  firstPerson: number;
  exclamations: number;
  questions: number;
  calls: number;
  evaluative: number;
  analysis: number;
  attributions: number;
  hint: ArticleKind | null;
}

export interface KindResult {
  kind: ArticleKind | null;
  signals: KindSignals;
  /** Why, in words, for the brief. */
  reasons: string[];
}

function phraseRe(list: string[]): RegExp {
  const alts = list.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}])(?:${alts.join('|')})(?![\\p{L}])`, 'giu');
}

function count(re: RegExp, text: string): number {
  return (text.match(re) ?? []).length;
}

/** The article's text with quoted passages blanked out (offsets kept). */
function ownWords(a: ArticleInfo): string {
  const chars = [...a.doc.text];
  let out = '';
  let at = 0;
  for (const ch of chars) {
    out += inRanges(a.quoted, at) ? (ch === '\n' ? '\n' : ' ') : ch;
    at += ch.length;
  }
  return out;
}

/** A kind the page itself announces: a title prefix ("Opinion: …", "Analysis |"), a URL path
 * segment (/opinion/, /analysis/) or a section line near the top that is only that word. */
export function kindHint(article: { title: string | null; url: string | null; text: string }, w: KindWords = loadJson<KindWords>('compare/kind.json')): ArticleKind | null {
  const matches = (text: string, list: string[]): boolean => list.some((h) => text === h);
  const title = (article.title ?? '').toLowerCase();
  const prefix = /^\s*([\p{L} &-]+?)\s*[:|—–]/u.exec(title)?.[1] ?? '';
  const suffix = /[|—–]\s*([\p{L} &-]+?)\s*$/u.exec(title)?.[1] ?? '';
  let path: string[] = [];
  try {
    path = article.url ? new URL(article.url).pathname.toLowerCase().split('/') : [];
  } catch {
    path = [];
  }
  const lines = article.text.split('\n').slice(0, 6).map((l) => l.trim().toLowerCase());
  for (const [kind, list] of [['opinion', w.opinionHints], ['analysis', w.analysisHints]] as const) {
    if (matches(prefix, list) || matches(suffix, list) || path.some((seg) => matches(seg, list)) || lines.some((l) => matches(l, list))) return kind;
  }
  return null;
}

export function kindSignals(a: ArticleInfo): KindSignals {
  const w = loadJson<KindWords>('compare/kind.json');
  const own = ownWords(a);
  const article = a.doc.article;
  const hint = kindHint(article, w);
  const words = (own.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  return {
    words,
    firstPerson: count(/(?<![\p{L}])(?:I|me|my|mine|myself)(?![\p{L}’'])/gu, own) + 0.5 * count(/(?<![\p{L}])(?:we|us|our|ourselves)(?![\p{L}])/giu, own),
    exclamations: count(/!/g, own),
    questions: count(/\?/g, own),
    calls: count(phraseRe(w.callsToAct), own),
    evaluative: count(phraseRe(w.opinionWords), own),
    analysis: count(phraseRe(w.analysisWords), own),
    attributions: count(/(?<![\p{L}])(?:said|says|told|according to|added|announced|stated)(?![\p{L}])/giu, own),
    hint,
  };
}

/** Decide the kind. A title or URL hint wins; otherwise rates per 1,000 words of the writer's
 * own text. Too short a text to judge gives null. */
export function articleKind(a: ArticleInfo): KindResult {
  const s = kindSignals(a);
  const reasons: string[] = [];
  if (s.hint) return { kind: s.hint, signals: s, reasons: [`${s.hint} in the title, URL or section line`] };
  if (s.words < 80) return { kind: null, signals: s, reasons: ['too short to judge'] };
  const per = (n: number): number => (n * 1000) / s.words;
  const opinion = 1.5 * per(s.firstPerson) + 2 * per(s.exclamations) + 1.5 * per(s.calls) + per(s.evaluative) + 0.5 * per(s.questions);
  const analysis = per(s.analysis) + 0.5 * per(s.questions);
  const news = per(s.attributions);
  if (s.firstPerson) reasons.push(`${s.firstPerson} first-person words`);
  if (s.exclamations) reasons.push(`${s.exclamations} exclamations`);
  if (s.calls) reasons.push(`${s.calls} calls to act`);
  if (s.evaluative) reasons.push(`${s.evaluative} judging words`);
  if (s.analysis) reasons.push(`${s.analysis} analytic words`);
  if (s.attributions) reasons.push(`${s.attributions} attributions`);
  let kind: ArticleKind = 'news';
  if (opinion >= 25 && opinion > news) kind = 'opinion';
  else if (analysis >= 25 && analysis > news * 1.5) kind = 'analysis';
  return { kind, signals: s, reasons };
}
