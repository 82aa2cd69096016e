// The word lists of data/time/lexicon.json and the regular-expression pieces built from them.
import { loadJson } from '../util/data.js';

interface LexiconFile {
  months: Record<string, number>;
  weekdays: Record<string, number>;
  numbers: Record<string, number>;
  vagueQuantities: string[];
  ordinals: Record<string, number>;
  units: Record<string, string>;
  partsOfDay: Record<string, string>;
  seasons: Record<string, string>;
  zones: Record<string, number>;
  futureWords: string[];
  planningLemmas: string[];
  speechLemmas: string[];
  countNouns: string[];
  pageStampLabels: string[];
}

export interface Lexicon extends LexiconFile {
  futureSet: Set<string>;
  planningSet: Set<string>;
  speechSet: Set<string>;
  countNounSet: Set<string>;
  /** Alternations, longest first, for use inside regular expressions. */
  re: {
    month: string;
    monthFull: string;
    weekday: string;
    number: string;
    unit: string;
    partOfDay: string;
    season: string;
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

function alternation(words: string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
}

let cached: Lexicon | null = null;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const f = loadJson<LexiconFile>('time/lexicon.json');
  const tens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
  const digitWords = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const compound = tens.flatMap((t) => digitWords.map((d) => `${t}[- ]${d}`));
  const numberCore = `(?:${compound.join('|')}|${alternation(Object.keys(f.numbers))}|\\d+(?:\\.\\d+)?)`;
  cached = {
    ...f,
    futureSet: new Set(f.futureWords),
    planningSet: new Set(f.planningLemmas),
    speechSet: new Set(f.speechLemmas),
    countNounSet: new Set(f.countNouns),
    re: {
      month: alternation(Object.keys(f.months)),
      monthFull: alternation(Object.keys(f.months).filter((m) => m.length > 4 || m === 'may' || m === 'june' || m === 'july')),
      weekday: alternation(Object.keys(f.weekdays).filter((w) => w.length > 4)),
      number: `${numberCore}(?:\\s+and\\s+a\\s+half)?`,
      unit: alternation(Object.keys(f.units)),
      partOfDay: alternation(Object.keys(f.partsOfDay)),
      season: alternation(Object.keys(f.seasons)),
    },
  };
  return cached;
}

/** "twenty-five" → 25, "two and a half" → 2.5, "a" → 1, "18" → 18; null when not a number. */
export function parseNumber(text: string): number | null {
  const lex = lexicon();
  let s = text.toLowerCase().trim().replace(/\s+/g, ' ');
  let half = 0;
  if (/ and a half$/.test(s)) {
    half = 0.5;
    s = s.replace(/ and a half$/, '');
  }
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) + half;
  if (s in lex.numbers) return lex.numbers[s] + half;
  const m = /^(\w+)[- ](\w+)$/.exec(s);
  if (m && m[1] in lex.numbers && m[2] in lex.numbers && lex.numbers[m[1]] >= 20 && lex.numbers[m[2]] < 10) {
    return lex.numbers[m[1]] + lex.numbers[m[2]] + half;
  }
  return null;
}
