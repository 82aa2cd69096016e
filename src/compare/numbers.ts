// Figures that outlets give for one fact ("40 missiles" vs "25 missiles", "17 days of talks" vs
// "18 days", "a 6.1-magnitude quake" vs "magnitude 5.9"). A figure is read with what it counts or
// measures: the counted noun (read from the parse: the noun the number modifies), a unit of measure
// (converted, so that "30 seconds" meets "one minute" and "940 miles" meets "1,500 kilometres"), a
// currency, a share, a magnitude, an age, a vote tally. Two outlets' figures are about the same
// thing when they count the same unit AND belong to the same happening: the same verb, the same
// noun they quantify ("offer", "talks", "sentence"), the same actor. A figure with a qualifier is a
// range: "more than 40" does not contradict "45", "up to 240" does not contradict "240".
import type { Context, SentenceInfo } from './context.js';
import { contentStem, differentPlaces, inRanges, jaccard, sharedCount, stem, words } from './context.js';
import type { Detector, FactClaim } from './claims.js';
import { loadJson } from '../util/data.js';
import type { Doc, Token } from '../text/doc.js';
import { happeningAt, sameActor, type Happening } from './happening.js';
import { childrenOf, headOf, labelOf, parseOf, type Parse } from './syntax.js';

interface Quantities {
  numberWords: Record<string, number>;
  multipliers: Record<string, number>;
  qualifiers: Record<string, 'approx' | 'below' | 'min' | 'max'>;
  currencies: Record<string, string>;
  unitSynonyms: Record<string, string>;
  measures: string[];
  casualties: Record<string, string>;
  timeUnits?: string[];
  ageWords?: string[];
  units: Record<string, [Dimension, number]>;
  countSynonyms: Record<string, string>;
  magnitudeWords: string[];
  lightVerbs: string[];
  /** The most years two ages of one person may differ by and be one fact. */
  ageGap?: number;
}

export type Dimension = 'count' | 'money' | 'percent' | 'duration' | 'distance' | 'weight' | 'area' | 'volume' | 'magnitude' | 'age' | 'tally' | 'times';

export interface Figure {
  start: number;
  end: number;
  value: number;
  /** Upper end of a range written as one ("40 or 50", "between 60 and 100"), else undefined. */
  high?: number;
  /** What is counted or measured: the counted noun's lemma ("missile"), a currency, "percent",
   * a unit of measure ("kilometre"), "magnitude", "age", "tally", "times". */
  unit: string;
  dimension: Dimension;
  /** The value (and the range's upper end) in the dimension's base unit: days, metres, kilograms. */
  base: number;
  baseHigh: number;
  qualifier: 'approx' | 'below' | 'min' | 'max' | null;
  /** The qualifier's own words ("up to", "AROUND"). */
  qualifierText: string | null;
  /** Whole phrase text, qualifier and unit included. */
  text: string;
  /** For durations and shares: what is measured ("talks", "sentence", "enrichment"), else null. */
  measured?: string | null;
  /** Token index of the figure's first number token. */
  token?: number;
  /** Token index of the counted noun or the unit, -1 when none. */
  noun: number;
  /** A vote tally "13-8" as written. */
  tally?: string;
  /** "two weeks ago", "ten minutes later": a distance in time from the happening. */
  offset?: boolean;
}

const FRACTION = /\b(half|third|thirds|quarter|quarters|tenth|fifth|percent|per cent|%|most|some|many|all|none|each|fraction|majority)\s+of(\s+(the|its|their|those|these))?\s*$/i;
const MONTHS = /^(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$|^(January|February|March|April|May|June|July|August|September|October|November|December)$/;
const NUMERIC = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/;
/** Words after a number that make it a clock time, not a figure. */
const CLOCK = /^(a\.?m\.?|p\.?m\.?|\d*[ap]m|\d*[ap]\.m\.?|gmt|utc|bst|est|edt|pst|cst|hrs|h|o'clock|p\.|a\.)$/i;
/** Words before a number that make it an identifier ("Route 66", "No. 10", "Flight 17"). */
const IDENTIFIER_BEFORE = /^(no\.?|nos\.?|number|route|flight|highway|interstate|room|suite|apt\.?|section|article|chapter|page|channel|gate|pier|platform|bus|line|level|grade|category|class|size|model|version|resolution|paragraph|clause|amendment|district|ward|precinct|unit|station|exit|terminal|phase|stage|round|game|week|day|year|season|episode|act|book|volume|issue)$/i;
/** Words after a number that make it part of an address or a calibre. */
const IDENTIFIER_AFTER = /^(block|street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|lane|drive|way|place|caliber|calibre|mm|-caliber|th|st|nd|rd)$/i;
/** Marks a vote tally among the sentence's words. */
const TALLY = /\b(vote[sd]?|voting|approved|passed|rejected|defeated|margin|committee|panel|ballot|tally|majority|split|won|lost|beat|score[sd]?)\b/i;
const OFFSET_AFTER = /^(ago|earlier|later|before|after|beforehand|afterwards|since|previously)$/i;

let quantities: Quantities | null = null;
function q(): Quantities {
  if (!quantities) quantities = loadJson<Quantities>('compare/quantities.json');
  return quantities;
}

function numberValue(tok: Token): number | null {
  const t = tok.text.toLowerCase();
  if (NUMERIC.test(t)) return Number(t.replace(/,/g, ''));
  // "magnitude-6" (the tokeniser's cut of "magnitude-6.1")
  const glued = /^magnitude-(\d+(?:\.\d+)?)$/.exec(t);
  if (glued) return Number(glued[1]);
  // "2bn", "40m", "2.5bn", "200MM": a figure with its multiplier written on.
  const short = /^(\d+(?:\.\d+)?)(bn|m|mm|k|b|mln|bln)$/.exec(t);
  if (short) return Number(short[1]) * q().multipliers[short[2]];
  const w = q().numberWords[t];
  return w === undefined ? null : w;
}

/** The value interval a figure allows. */
export function range(f: Pick<Figure, 'value' | 'qualifier'> & { high?: number }): [number, number] {
  const hi = f.high ?? f.value;
  switch (f.qualifier) {
    case 'approx':
      return [f.value * 0.9, hi * 1.1];
    case 'below':
      return [f.value * 0.9, hi];
    case 'min':
      return [f.value, Infinity];
    case 'max':
      return [0, hi];
    default:
      return [f.value, hi];
  }
}

export function rangesOverlap(a: [number, number], b: [number, number], slack = 0): boolean {
  return a[0] * (1 - slack) <= b[1] * (1 + slack) && b[0] * (1 - slack) <= a[1] * (1 + slack);
}

function qualifierBefore(doc: Doc, i: number, lo: number): { qualifier: Figure['qualifier']; start: number; text: string } | null {
  const quals = q().qualifiers;
  for (const len of [3, 2, 1]) {
    if (i - len < lo) continue;
    const phrase = doc.tokens
      .slice(i - len, i)
      .map((t) => t.text.toLowerCase())
      .join(' ');
    if (quals[phrase]) return { qualifier: quals[phrase], start: doc.tokens[i - len].start, text: phrase };
  }
  return null;
}

const isDigits = (t: Token | undefined): boolean => !!t && /^\d+$/.test(t.text);

/** A number starting at token i, with the pieces a copy split apart read back together: "120, 000"
 * (a space after the thousands comma), "6. 1" (after the decimal point), "twenty-five", and a
 * multiplier after it ("3 billion", "2.6-million"). `last` is its last token. */
function readNumber(doc: Doc, i: number): { value: number; last: number } | null {
  const toks = doc.tokens;
  const t = toks[i];
  let value = numberValue(t);
  // "a hundred people", "a dozen protesters", "a thousand"
  if (value === null && /^(a|one)$/i.test(t.text) && /^(hundred|thousand|dozen|million|billion)$/i.test(toks[i + 1]?.text ?? '')) {
    return { value: q().multipliers[toks[i + 1].text.toLowerCase()], last: i + 1 };
  }
  if (value === null) return null;
  let last = i;
  const gap = (a: Token, b: Token): string => doc.text.slice(a.end, b.start);
  if (isDigits(t) && t.text.length <= 3 && toks[i - 1]?.text !== '-') {
    while (toks[last + 1]?.text === ',' && /^\d{3}$/.test(toks[last + 2]?.text ?? '') && gap(toks[last], toks[last + 1]) === '' && gap(toks[last + 1], toks[last + 2]) === ' ') {
      value = value * 1000 + Number(toks[last + 2].text);
      last += 2;
    }
  }
  const whole = /^(?:magnitude-)?(\d{1,3})$/i.exec(t.text);
  if (last === i && whole && toks[i + 1]?.text === '.' && isDigits(toks[i + 2]) && gap(t, toks[i + 1]) === '' && /^ ?$/.test(gap(toks[i + 1], toks[i + 2])) && toks[i + 2].text.length <= 2) {
    value = Number(`${whole[1]}.${toks[i + 2].text}`);
    last = i + 2;
  }
  const words = q().numberWords;
  if (value >= 20 && value < 100 && !isDigits(t)) {
    const unitWord = toks[last + 1]?.text === '-' ? toks[last + 2] : null;
    const joined = /^[a-z]+-([a-z]+)$/i.exec(t.text);
    if (unitWord && words[unitWord.text.toLowerCase()] !== undefined && words[unitWord.text.toLowerCase()] < 10) {
      value += words[unitWord.text.toLowerCase()];
      last += 2;
    } else if (joined && words[joined[1].toLowerCase()] !== undefined) value = (words[t.text.toLowerCase().split('-')[0]] ?? 0) + words[joined[1].toLowerCase()];
  }
  let k = last + 1;
  if (toks[k]?.text === '-' && q().multipliers[toks[k + 1]?.text.toLowerCase() ?? ''] && toks[k + 1].text.toLowerCase() !== 'k') k++;
  const mult = toks[k] ? q().multipliers[toks[k].text.toLowerCase()] : undefined;
  // "m" and "b" alone are too ambiguous as words; only written onto a figure ("40m").
  if (mult && !/^(m|b|k)$/i.test(toks[k].text)) {
    value *= mult;
    last = k;
  }
  return { value, last };
}

/** Whether token i is the part after a decimal point that `readNumber` joined onto the number
 * before it ("5. | 9" split into two sentences by the copy's spacing). */
function isDecimalTail(doc: Doc, i: number): boolean {
  const toks = doc.tokens;
  return isDigits(toks[i]) && toks[i - 1]?.text === '.' && !!toks[i - 2] && /^(?:magnitude-)?\d{1,3}$/i.test(toks[i - 2].text) && /^ ?$/.test(doc.text.slice(toks[i - 1].end, toks[i].start)) && toks[i - 2].end === toks[i - 1].start && toks[i].text.length <= 2;
}

function singular(word: string): string {
  const w = word.toLowerCase();
  if (q().units[w]) return w;
  for (const cut of [w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.replace(/s$/, '')]) if (q().units[cut]) return cut;
  return w;
}

const PEOPLE = new Set(['person', 'civilian', 'soldier', 'troop', 'child', 'woman', 'man', 'fighter', 'resident', 'villager', 'protester', 'worker', 'policeman', 'officer', 'sailor', 'passenger', 'patient', 'student', 'other', 'employee']);

/** Whether a count of people is one of a list of parts ("two women and one man", "a man and two
 * women"). */
function partOfList(doc: Doc, i: number, noun: number): boolean {
  const toks = doc.tokens;
  const people = (k: number): boolean => !!toks[k] && toks[k].pos === 'NOUN' && PEOPLE.has(countKey(toks[k].lemma || toks[k].text));
  const num = (k: number): boolean => !!toks[k] && (numberValue(toks[k]) !== null || /^(a|an|one)$/i.test(toks[k].text));
  if (!people(noun)) return false;
  const joiner = (k: number): boolean => !!toks[k] && /^(and|,)$/i.test(toks[k].text);
  if (joiner(i - 1) && people(i - 2) && num(i - 3)) return true;
  if (joiner(noun + 1) && num(noun + 2) && people(noun + 3)) return true;
  return false;
}

/** The canonical counted noun: "bullets", "rounds" and "shots" count one thing; "residents" and
 * "people" another. */
function countKey(lemma: string): string {
  const l = lemma.toLowerCase();
  return q().countSynonyms[l] ?? q().unitSynonyms[l] ?? l;
}

/** Figures in one sentence, each with what it counts or measures. Dates, years, clock times,
 * addresses, ordinals and identifiers are not figures. */
export function figuresIn(doc: Doc, s: SentenceInfo, quoted: [number, number][] = []): Figure[] {
  void quoted;
  // Read once per sentence: the claims and the conflict check's scan of whole articles both ask.
  let figures = figuresOf.get(s);
  if (!figures || figures.doc !== doc) figuresOf.set(s, (figures = { doc, list: readFigures(doc, s) }));
  return figures.list;
}

const figuresOf = new WeakMap<SentenceInfo, { doc: Doc; list: Figure[] }>();

function readFigures(doc: Doc, s: SentenceInfo): Figure[] {
  const sentence = doc.sentences[s.index];
  const qty = q();
  const out: Figure[] = [];
  const toks = doc.tokens;
  let consumed = sentence.firstToken - 1;
  for (let i = sentence.firstToken; i < sentence.endToken; i++) {
    if (i <= consumed) continue;
    const tok = toks[i];
    // "no injuries were reported", "there were no deaths": a count of none.
    const none = /^no$/i.test(tok.text) ? /^(injuries|deaths|casualties|fatalities|injured|dead)$/i.exec(toks[i + 1]?.text ?? '') : null;
    if (none && i + 1 < sentence.endToken && !/\b(not|n['’]t)\b/i.test(doc.text.slice(sentence.start, tok.start))) {
      out.push({ start: tok.start, end: toks[i + 1].end, value: 0, unit: qty.casualties[none[1].toLowerCase()] ?? (/inj/i.test(none[1]) ? 'injured' : 'killed'), dimension: 'count', base: 0, baseHigh: 0, qualifier: null, qualifierText: null, text: doc.text.slice(tok.start, toks[i + 1].end), measured: null, token: i, noun: i + 1 });
      consumed = i + 1;
      continue;
    }
    let times = false;
    let read = readNumber(doc, i);
    const dashed = /^(\d+)[-–](\d+)$/.exec(tok.text);
    if (!read && dashed) read = { value: Number(dashed[1]), last: i };
    if (!read && /^(twice|thrice)$/i.test(tok.text)) {
      read = { value: tok.text.toLowerCase() === 'twice' ? 2 : 3, last: i };
      times = true;
    }
    if (!read) continue;
    if (i === sentence.firstToken && isDecimalTail(doc, i)) continue;
    let { value } = read;
    let last = read.last;
    const prev = i > sentence.firstToken ? toks[i - 1] : undefined;
    const next = toks[last + 1];
    const nextWord = (next?.text === '-' ? toks[last + 2] : next)?.text.toLowerCase() ?? '';
    const unitNext = singular(nextWord);
    // A date or a clock time, unless it is a distance in time ("two weeks ago", a DATE to the time stage).
    const inTime = s.times.find((t) => t.type !== 'DURATION' && tok.start >= t.start && tok.end <= t.end);
    if (inTime && !(qty.units[unitNext]?.[0] === 'duration')) continue;
    if (next && CLOCK.test(next.text)) continue;
    if (next?.text === ':' && isDigits(toks[last + 2])) continue;
    if (prev && MONTHS.test(prev.text)) continue;
    if (next && MONTHS.test(next.text) && last + 1 < sentence.endToken) continue;
    // "half of the 600 detainees" counts 300 of them, not 600.
    if (FRACTION.test(doc.text.slice(toks[Math.max(sentence.firstToken, i - 4)].start, tok.start))) continue;
    // A year standing alone ("in 2024") is a date, not a count.
    if (/^(1[6-9]|20)\d\d$/.test(tok.text) && !qty.units[unitNext]) continue;
    // Identifiers, addresses, calibres, phone numbers.
    if (prev && IDENTIFIER_BEFORE.test(prev.text) && /^\p{Lu}/u.test(prev.text)) continue;
    if (prev && /^(no|nos|number)\.?$/i.test(prev.text)) continue;
    if (IDENTIFIER_AFTER.test(nextWord)) continue;
    if (prev?.text === '.' && tok.start === prev.end) continue;
    if (isDigits(next) && last + 1 < sentence.endToken) continue;
    if (prev && isDigits(prev) && !/^[,.]$/.test(doc.text.slice(prev.end, tok.start).trim())) continue;
    // "€110 billion ($143 billion)", "1,150 km (700 miles)": a conversion of the figure before it.
    if (prev?.text === '(' && out.length && out[out.length - 1].end >= toks[i - 2]?.start) continue;
    if ((prev?.text === '(' || (toks[i - 2]?.text === '(' && prev && qty.currencies[prev.text])) && out.length && doc.text.slice(out[out.length - 1].end, tok.start).trim().length <= 3) continue;
    consumed = last;
    let start = tok.start;
    let end = toks[last].end;
    let j = last + 1;
    let high: number | undefined;
    let tally: string | undefined;
    // A tally ("13-8") or a range ("13-18") written as one token.
    const dash = /^(\d+)[-–](\d+)$/.exec(tok.text);
    if (dash) {
      if (TALLY.test(s.text)) tally = `${dash[1]}-${dash[2]}`;
      else {
        value = Number(dash[1]);
        high = Number(dash[2]);
        if (high <= value) continue;
      }
    }
    // A range: "40 or 50", "60 to 100", "between 60 and 100", "8 - 10".
    const between = prev?.text.toLowerCase() === 'between';
    const joiner = toks[j]?.text.toLowerCase();
    if (!dash && j < sentence.endToken && (joiner === 'to' || joiner === 'or' || joiner === '-' || joiner === '–' || (joiner === 'and' && between))) {
      const second = readNumber(doc, j + 1);
      if (second && j + 1 < sentence.endToken) {
        if (joiner === '-' && TALLY.test(s.text) && Number.isInteger(value) && Number.isInteger(second.value)) tally = `${value}-${second.value}`;
        else {
          let lo = value;
          // "2 to 3 million": the multiplier counts for both.
          if (second.value > lo * 1000 && second.last > j + 1) lo *= second.value / numberValue(toks[j + 1])!;
          if (second.value > lo) {
            value = lo;
            high = second.value;
          }
        }
        last = second.last;
        consumed = last;
        end = toks[last].end;
        j = last + 1;
      }
    }
    let unit: string | null = null;
    let dimension: Dimension = 'count';
    let factor = 1;
    let noun = -1;
    let offset = false;
    const cur = prev ? qty.currencies[prev.text] : undefined;
    if (tally) {
      unit = 'tally';
      dimension = 'tally';
    } else if (times || /^times?$/i.test(toks[j]?.text ?? '')) {
      unit = 'times';
      dimension = 'times';
      if (!times) end = toks[j].end;
    } else if (cur) {
      unit = cur;
      dimension = 'money';
      start = prev!.start;
      if (prev && i - 2 >= sentence.firstToken && /^(us|u\.s\.)$/i.test(toks[i - 2].text)) start = toks[i - 2].start;
    } else if (toks[j] && (j < sentence.endToken || last >= sentence.endToken) && (toks[j].text === '%' || /^per\s?cent$|^percent$/i.test(toks[j].text) || (toks[j].text.toLowerCase() === 'per' && /^cent$/i.test(toks[j + 1]?.text ?? '')))) {
      unit = 'percent';
      dimension = 'percent';
      noun = toks[j].text.toLowerCase() === 'per' ? j + 1 : j;
      end = toks[noun].end;
    } else if (magnitudeNear(doc, i, last, sentence.firstToken, sentence.endToken, value)) {
      unit = 'magnitude';
      dimension = 'magnitude';
    } else {
      // A unit of measure after the figure, possibly hyphenated and squared: "1,500-square-kilometre".
      let k = j;
      if (toks[k]?.text === '-') k++;
      let power = 1;
      if (/^(square|sq\.?|cubic)$/i.test(toks[k]?.text ?? '')) {
        power = /^cubic$/i.test(toks[k].text) ? 3 : 2;
        k++;
        if (toks[k]?.text === '-') k++;
      }
      const word = k < sentence.endToken + 2 && toks[k] ? singular(toks[k].text) : '';
      const u = qty.units[word];
      const moneyWord = /^(dollars?|euros?|yuan|rupees?|pounds?\s+sterling)$/i.test(toks[k]?.text ?? '') && !/\bweigh/i.test(s.text);
      if (moneyWord) {
        unit = /^euro/i.test(toks[k].text) ? 'euro' : /^dollar/i.test(toks[k].text) ? 'dollar' : toks[k].text.toLowerCase().replace(/s$/, '');
        dimension = 'money';
        end = toks[k].end;
        noun = k;
      } else if (u && !(word === 'pound' && !/\bweigh|\blbs?\b|pounds? (of|heavier|lighter)/i.test(s.text))) {
        const ageAfter = toks[k + 1]?.text === '-' ? toks[k + 2] : toks[k + 1];
        if (word === 'year' && ageAfter && /^old$/i.test(ageAfter.text)) {
          unit = 'age';
          dimension = 'age';
          end = ageAfter.end;
        } else {
          dimension = power === 2 ? 'area' : power === 3 ? 'volume' : u[0];
          factor = u[1] ** power;
          unit = power === 2 ? `square ${canonicalUnit(word)}` : power === 3 ? `cubic ${canonicalUnit(word)}` : canonicalUnit(word);
          end = toks[k].end;
          noun = k;
          const after = toks[k + 1];
          if (dimension === 'duration' && after && OFFSET_AFTER.test(after.text)) offset = true;
        }
      } else if (prev && /^(aged?)$/i.test(prev.text)) {
        unit = 'age';
        dimension = 'age';
      } else if (isAgeApposition(doc, i, last, sentence.firstToken)) {
        unit = 'age';
        dimension = 'age';
      } else {
        const counted = countedNoun(doc, i, last, j, sentence.endToken);
        if (counted >= 0) {
          const cas = qty.casualties[toks[counted].text.toLowerCase()];
          unit = cas ?? countKey(toks[counted].lemma || toks[counted].text);
          noun = counted;
          end = toks[counted].end;
        } else {
          // "a population of 120,000", "estimated the crowd at 70", "a death toll of 14".
          const owner = /\b(population|crowd|turnout|toll|death toll|tally)\s+(?:of|at|to|was|stood at|reached|rose to|climbed to)\s+(?:(?:about|around|some|nearly|almost|more than|over|at least|roughly|an estimated|approximately)\s+)?$/i.exec(doc.text.slice(Math.max(sentence.start, tok.start - 60), tok.start));
          if (owner) unit = /toll/i.test(owner[1]) ? 'killed' : /turnout/i.test(owner[1]) ? 'vote' : 'person';
          // "roughly 30,000 people, while organisers said more than 50,000": the unit of the figure before.
          else if (out.length && out[out.length - 1].dimension === 'count' && i - (out[out.length - 1].token ?? 0) < 14 && value >= 100 && value / out[out.length - 1].value < 20 && out[out.length - 1].value / value < 20) unit = out[out.length - 1].unit;
        }
      }
    }
    // A count of people next to a casualty word counts the casualties: "killing nine people",
    // "14 were killed", "nine dead", "at least 23 died".
    if (dimension === 'count' && (!unit || PEOPLE.has(unit))) {
      const cls = casualtyOf(doc, noun >= 0 ? noun : i, i, last, j, sentence.firstToken, sentence.endToken);
      if (cls) {
        unit = cls.unit;
        if (cls.at > last) end = Math.max(end, toks[cls.at].end);
      }
    }
    if (!unit) continue;
    // "two women and one man died": parts of one count, not counts of their own.
    if (dimension === 'count' && noun >= 0 && partOfList(doc, i, noun)) continue;
    // "120 prisoners from each side" counts per party, not in all.
    if (/^[\s,]*(?:of (?:war|them)\s+)?(?:from each side|from either side|on each side|each|apiece|per side|a side|per country|from each country|per season|a season|a year|per year|annually|a month|per month|a week|per week|a day|per day)\b/i.test(doc.text.slice(end, end + 30))) unit = `${unit} per ${/season|year|annual/i.test(doc.text.slice(end, end + 30)) ? 'year' : /month/i.test(doc.text.slice(end, end + 30)) ? 'month' : /week/i.test(doc.text.slice(end, end + 30)) ? 'week' : /day/i.test(doc.text.slice(end, end + 30)) ? 'day' : 'side'}`;
    // A bare small count says too little ("one official", "two sides"); a measure may be small.
    if (dimension === 'count' && value < 3 && !Object.values(qty.casualties).includes(unit)) continue;
    const qual = qualifierBefore(doc, between ? i - 1 : i, sentence.firstToken);
    if (qual) start = qual.start;
    let qualifier = qual?.qualifier ?? null;
    let qualifierText = qual?.text ?? null;
    if (/^\s*(or so|-odd|odd|plus|\+)\b/i.test(doc.text.slice(end, end + 8))) {
      qualifier = /plus|\+/.test(doc.text.slice(end, end + 8)) ? 'min' : 'approx';
      qualifierText = qualifierText ?? doc.text.slice(end, end + 8).trim().split(/\s+/).slice(0, 2).join(' ');
    }
    // "shot eleven times", "hit seven times": a count of shots.
    if (dimension === 'times' && /\b(shot|hit|struck|stabbed)\s+(\S+\s+)?$/i.test(doc.text.slice(Math.max(sentence.start, tok.start - 25), tok.start))) {
      dimension = 'count';
      unit = /stab/i.test(doc.text.slice(Math.max(sentence.start, tok.start - 25), tok.start)) ? 'stab' : 'shot';
    }
    let measured: string | null = null;
    if (dimension === 'duration' || dimension === 'percent') measured = measuredThing(doc, i, end, sentence.firstToken, sentence.endToken);
    out.push({
      start,
      end,
      value,
      high,
      unit,
      dimension,
      base: value * factor,
      baseHigh: (high ?? value) * factor,
      qualifier,
      qualifierText,
      text: doc.text.slice(start, end),
      measured,
      token: i,
      noun,
      tally,
      offset,
    });
  }
  return out;
}

function canonicalUnit(word: string): string {
  const synonyms: Record<string, string> = { km: 'kilometre', kms: 'kilometre', kilometer: 'kilometre', meter: 'metre', mi: 'mile', ft: 'foot', feet: 'foot', lb: 'pound', lbs: 'pound', kg: 'kilogram', kilo: 'kilogram', liter: 'litre', sec: 'second', min: 'minute', hr: 'hour' };
  return synonyms[word] ?? word;
}

/** "magnitude-5.9", "a 6.1-magnitude quake", "magnitude of 5.9", "6.1 on the Richter scale",
 * "measuring 6.0" of a quake. */
function magnitudeNear(doc: Doc, i: number, last: number, first: number, end: number, value: number): boolean {
  if (value <= 0 || value >= 10) return false;
  const toks = doc.tokens;
  if (/^magnitude-/i.test(toks[i].text)) return true;
  const words = new Set(q().magnitudeWords);
  for (let k = Math.max(first, i - 3); k < Math.min(end, last + 4); k++) if (k < i || k > last) if (words.has(toks[k].text.toLowerCase())) return true;
  // Across the sentence break a copy put inside "5. 9": the word before the number's start.
  const after = doc.text.slice(toks[last].end, toks[last].end + 40);
  if (/^\s*-?\s*(magnitude|on the richter)/i.test(after)) return true;
  const before = doc.text.slice(Math.max(0, toks[i].start - 40), toks[i].start);
  if (/(magnitude|measuring|registering|measured|registered)\s*(-|of|at)?\s*$/i.test(before) && /\b(quake|earthquake|temblor|tremor|aftershock)/i.test(doc.text.slice(Math.max(0, toks[i].start - 200), toks[last].end + 200))) return true;
  return false;
}

/** "Gray, 16, was shot": a number between commas right after a name is the person's age. */
function isAgeApposition(doc: Doc, i: number, last: number, first: number): boolean {
  const toks = doc.tokens;
  if (i - 2 < first || toks[i - 1].text !== ',') return false;
  const name = toks[i - 2];
  if (name.pos !== 'PROPN' || !/^\p{Lu}/u.test(name.text)) return false;
  const after = toks[last + 1];
  if (!after || !/^[,;.)]$/.test(after.text)) return false;
  const v = Number(toks[i].text);
  return Number.isInteger(v) && v > 0 && v < 120;
}

/** The counted noun: the last noun of the modifier run after the number ("40 short-range
 * missiles"), reading through "of the" ("40 of the missiles"), or the noun the parse makes the
 * number's head. -1 when none. */
function countedNoun(doc: Doc, i: number, last: number, j: number, end: number): number {
  const toks = doc.tokens;
  let k = j;
  if (toks[k]?.text.toLowerCase() === 'of' && /^(the|their|its|his|her|those|these)$/i.test(toks[k + 1]?.text ?? '')) k += 2;
  let found = -1;
  const measures = new Set(q().measures);
  for (let n = 0; k < end && n < 5; k++, n++) {
    const t = toks[k];
    if (measures.has(t.text.toLowerCase()) && !/^(square|cubic|sq|nautical)$/i.test(t.text)) {
      found = k;
      break;
    }
    if (t.pos === 'NOUN') found = k;
    else if (t.pos === 'VERB' && /(ed|ing)$/i.test(t.text) && found < 0 && toks[k + 1] && (toks[k + 1].pos === 'NOUN' || toks[k + 1].pos === 'ADJ')) {
      // a participle used as an adjective: "1,800 advanced centrifuges", "200 armed fighters"
    } else if (t.pos === 'ADJ' || t.pos === 'PROPN' || t.text === '-' || t.pos === 'NUM') {
      if (found >= 0 && t.pos !== 'NUM' && t.text !== '-') break;
    } else break;
  }
  void last;
  return found;
}

/** What a count of people counts when a casualty word says it: the verb the counted noun depends
 * on in the parse ("killing 10 people", "Ten people were killed", "three people killed"), else the
 * nearest casualty word, after the figure first at equal distance ("14 killed and 60 injured"),
 * unless the parse ties the noun to another verb ("shooting three co-workers, killing two"). */
function casualtyOf(doc: Doc, head: number, i: number, last: number, j: number, first: number, end: number): { unit: string; at: number } | null {
  const toks = doc.tokens;
  const cas = q().casualties;
  // A casualty word right before the figure decides: "wounding 70", "killing at least 10".
  for (let k = i - 1; k >= Math.max(first, i - 3); k--) {
    const cls = cas[toks[k].text.toLowerCase()];
    if (cls) return { unit: cls, at: k };
    if (!/^(at|least|about|some|nearly|more|than|over|another|other|a|further|an|estimated|up|to|as|many)$/i.test(toks[k].text)) break;
  }
  const p = parseOf(doc);
  {
    const h = headOf(p, head);
    if (h >= 0 && cas[toks[h].text.toLowerCase()] && ['VERB', 'ADJ', 'NOUN'].includes(toks[h].pos)) return { unit: cas[toks[h].text.toLowerCase()], at: h };
    for (const c of childrenOf(p, head, 'acl', 'amod', 'acl:relcl')) if (cas[toks[c].text.toLowerCase()]) return { unit: cas[toks[c].text.toLowerCase()], at: c };
    if (h >= 0 && (toks[h].pos === 'VERB' || ['obj', 'nsubj', 'nsubj:pass'].includes(labelOf(p, head))) && !cas[toks[h].text.toLowerCase()] && head !== i) return null;
  }
  const after = Math.max(j, head + 1);
  for (let d = 1; d <= 5; d++) {
    for (const k of [after - 1 + d, i - d]) {
      if (k < first || k >= end || (k >= i && k <= Math.max(last, head)) || (k < i && d > 4)) continue;
      const cls = cas[toks[k].text.toLowerCase()];
      if (cls) return { unit: cls, at: k };
    }
  }
  return null;
}

/** What a duration or a share measures: the noun it is compounded with ("12-year sentence", "60%
 * enrichment"), the noun after "of" ("17 days of talks", "52 percent of voters"), or the noun
 * it is "of" ("a cap of 60 percent"). Null when the phrase does not say. */
function measuredThing(doc: Doc, i: number, end: number, first: number, last: number): string | null {
  const toks = doc.tokens;
  let k = i;
  while (k < last && toks[k].end <= end) k++;
  if (toks[k]?.text === '-') k++;
  const noun = (from: number): string | null => {
    for (let j = from; j < last && j < from + 4; j++) {
      const t = toks[j];
      if (t.pos === 'NOUN' || t.pos === 'PROPN') {
        let h = j;
        while (h + 1 < last && toks[h + 1].pos === 'NOUN' && h < j + 3) h++;
        return contentStem(toks[h]);
      }
      if (!['DET', 'ADJ', 'NUM', 'PRON'].includes(t.pos) && t.text !== '-') return null;
    }
    return null;
  };
  if (k < last && toks[k].pos === 'NOUN') return noun(k);
  if (k < last && toks[k].text.toLowerCase() === 'of') return noun(k + 1);
  let b = i - 1;
  while (b > first && ['ADV', 'ADP'].includes(toks[b].pos) && toks[b].text.toLowerCase() !== 'of') b--;
  if (toks[b]?.text.toLowerCase() === 'of' && b - 1 >= first && toks[b - 1].pos === 'NOUN') return contentStem(toks[b - 1]);
  return null;
}

// One formatter for every value: toLocaleString builds a new one on each call, which showed in
// profiles of compare.
const VALUE_FORMAT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

function formatValue(n: number): string {
  for (const [size, word] of [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']] as const) {
    if (n >= size && Number.isInteger(Math.round((n / size) * 100))) return `${VALUE_FORMAT.format(n / size)} ${word}`;
  }
  return VALUE_FORMAT.format(n);
}

/** What a figure is about, read from the parse: the nouns it quantifies or belongs to, the
 * happening (verb, actor, object) of its clause, the content words around it. */
export interface Anchors {
  /** Stems of the nouns the figure's phrase belongs to ("offer", "talks", "population"). */
  nouns: Set<string>;
  /** Stem of the governing verb unless it is a light verb ("be", "have", "say"). */
  verb: string | null;
  happening: Happening;
  /** Content stems within a few words of the figure, outside the figure itself. */
  local: Set<string>;
  /** The person an age is of. */
  person: string | null;
}

function stemOf(t: Token): string | null {
  const raw = (t.lemma || t.text).toLowerCase();
  const key = q().countSynonyms[raw];
  if (key) return stem(key);
  return contentStem(t);
}

export function anchorsOf(ctx: Context, article: string, f: Figure): Anchors {
  const a = ctx.byId.get(article)!;
  const doc = a.doc;
  const p: Parse = parseOf(doc, a.mentions);
  const toks = doc.tokens;
  const head = f.noun >= 0 ? f.noun : f.token ?? 0;
  const nouns = new Set<string>();
  const own = new Set<string>();
  for (let k = f.token ?? head; k <= head && k >= 0; k++) own.add(String(k));
  const unitStem = f.noun >= 0 ? stemOf(toks[f.noun]) : null;
  const unitWords = new Set(['percen', 'magnit', 'year', 'old']);
  const add = (k: number): void => {
    if (k < 0 || own.has(String(k))) return;
    const t = toks[k];
    if (t.pos !== 'NOUN') return;
    const st = stemOf(t);
    if (st && st !== unitStem && !unitWords.has(st)) nouns.add(st);
  };
  const ofChildren = (k: number): number[] => childrenOf(p, k, 'nmod').filter((c) => childrenOf(p, c, 'case').some((x) => toks[x].text.toLowerCase() === 'of'));
  // Up the tree to the first verb: the nouns the figure's phrase belongs to ("an eight-year
  // offer", "a population of 120,000"), but not a noun it is merely next to by a preposition.
  let h = head;
  for (let hop = 0; hop < 2; hop++) {
    const label = labelOf(p, h);
    const up = headOf(p, h);
    if (up < 0 || toks[up].pos === 'VERB' || toks[up].pos === 'AUX') break;
    if (!['compound', 'amod', 'nummod', 'nmod', 'obl', 'appos', 'nmod:poss'].includes(label)) break;
    if (label === 'nmod' && !childrenOf(p, h, 'case').some((x) => toks[x].text.toLowerCase() === 'of')) break;
    add(up);
    for (const c of childrenOf(p, up, 'compound')) if (!own.has(String(c))) add(c);
    h = up;
  }
  // Down: what it is "of" ("17 days of talks") and the words compounded with it.
  for (const c of [...ofChildren(head), ...childrenOf(p, head, 'compound')]) add(c);
  // The noun a measure describes ("a 12-year sentence", "an eight-year, $200 million offer").
  if (f.noun >= 0 && f.dimension !== 'count' && f.dimension !== 'money') {
    for (let k = f.noun + 1; k < f.noun + 9 && toks[k]; k++) {
      const t = toks[k];
      if (t.pos === 'NOUN') {
        add(k);
        break;
      }
      if (!['ADJ', 'NUM', 'SYM', 'PROPN'].includes(t.pos) && !/^[,-]$/.test(t.text)) break;
    }
  }
  if (f.noun >= 0 && toks[f.noun + 1]?.text.toLowerCase() === 'of') for (let k = f.noun + 2; k < f.noun + 5 && toks[k]; k++) if (toks[k].pos === 'NOUN') { add(k); break; }
  const happening = happeningAt(ctx, a, head);
  // The clause's subject noun when it is not a name ("the quake measured 5.9", "stocks fell 5%").
  const v = happening.verb ? verbToken(p, doc, head) : -1;
  if (v >= 0) {
    for (const s of childrenOf(p, v, 'nsubj', 'nsubj:pass', 'obj')) if (!own.has(String(s)) && s !== head) add(s);
  }
  const light = new Set(q().lightVerbs);
  const vl = v >= 0 ? (toks[v].lemma || toks[v].text).toLowerCase() : '';
  let verb = happening.verb && !light.has(vl) && !words().reporting.has(vl) ? happening.verb : null;
  // "took to the streets" is marching.
  if (!verb && vl === 'take' && /^\s*to the streets\b/i.test(doc.text.slice(toks[v].end, toks[v].end + 20))) verb = stem(words().synonyms.protest ?? 'protest');
  const local = new Set<string>();
  const sent = doc.sentences[toks[f.token ?? head].sentence];
  const from = Math.max(sent.firstToken, (f.token ?? head) - 6);
  const to = Math.min(sent.endToken, head + 7);
  for (let k = from; k < to; k++) {
    if (toks[k].start >= f.start && toks[k].end <= f.end) continue;
    const st = stemOf(toks[k]);
    if (st && st !== unitStem) local.add(st);
  }
  // The actors and places named around it ("1,500 kilometres south of Tehran").
  for (const m of a.mentions) if (m.start >= toks[from].start && m.end <= toks[Math.max(from, to - 1)].end && !(m.start >= f.start && m.end <= f.end)) local.add(`@${m.entity}`);
  let person: string | null = null;
  if (f.dimension === 'age') {
    // "Gray, 16," / "43-year-old Yvonne Hiller" / "Hiller, aged 43": the name next to it.
    const near = a.mentions.filter((m) => ctx.entityType.get(m.entity) === 'person' && m.end <= f.end + 60 && m.start >= f.start - 60);
    const before = near.filter((m) => m.end <= f.start).pop();
    const after = near.find((m) => m.start >= f.end);
    // Only a name right next to the age: "Gray, 16,", "43-year-old Yvonne Hiller", "Hiller, aged 43".
    person = (before && f.start - before.end < 8 ? before.entity : null) ?? (after && after.start - f.end < 4 ? after.entity : null);
  }
  return { nouns, verb, happening, local, person };
}

function verbToken(p: Parse, doc: Doc, i: number): number {
  let k = headOf(p, i);
  for (let n = 0; k >= 0 && n < 12; n++) {
    if (doc.tokens[k].pos === 'VERB' || childrenOf(p, k, 'cop', 'nsubj', 'nsubj:pass').length) return k;
    k = headOf(p, k);
  }
  void labelOf;
  return -1;
}

type NumberClaim = FactClaim & { figure: Figure; anchors: Anchors; background: boolean; rare: boolean; years: string[] };

/** What rarity is counted by: the counted noun or currency, or the unit of measure as written. */
function rarityKey(f: Figure): string {
  return f.dimension === 'count' || f.dimension === 'money' ? f.unit : `${f.dimension}:${f.unit}`;
}

/** How two figures' claims are tied, for sameFact and the model's features. */
interface Link {
  noun: boolean;
  verb: boolean;
  actor: boolean;
  object: boolean;
  person: boolean;
  local: number;
  sentence: number;
  entities: number;
  /** Both figures count a unit each of their articles gives once ("four villages", "three aftershocks"). */
  rare: boolean;
}

function link(ctx: Context, a: NumberClaim, b: NumberClaim): Link {
  const x = a.anchors;
  const y = b.anchors;
  return {
    noun: [...x.nouns].some((n) => y.nouns.has(n)) || (!!x.verb && y.nouns.has(x.verb)) || (!!y.verb && x.nouns.has(y.verb)),
    verb: !!x.verb && x.verb === y.verb,
    actor: sameActor(ctx, x.happening.subject, y.happening.subject),
    object: sameActor(ctx, x.happening.object.entity, y.happening.object.entity),
    person: sameActor(ctx, x.person, y.person),
    local: sharedCount(x.local, y.local),
    sentence: jaccard(a.sentence.lemmas, b.sentence.lemmas),
    entities: sharedCount(a.sentence.entities, b.sentence.entities),
    rare: a.rare && b.rare,
  };
}

let casualties: Set<string> | null = null;
const CASUALTY = (): Set<string> => (casualties ??= new Set(Object.values(q().casualties)));
/** Counted nouns too general for their rarity to tie two figures. */
const GENERIC = new Set(['person', 'time', 'times', 'member', 'official', 'other', 'others', 'thing', 'way', 'part', 'case', 'point', 'percent', 'dollar', 'euro', 'pound', 'yen']);

/** Whether a sentence is about another, earlier happening than the story's (a year other than
 * the story's own, "the last major quake", "in a previous case"). */
function backgroundSentence(s: SentenceInfo, year: string | null): boolean {
  if (/\b(the last (major|big|deadly|strong)|a previous)\b/i.test(s.text)) return true;
  const years: string[] = s.text.match(/\b(19|20)\d\d\b/g) ?? [];
  return !!year && years.length > 0 && !years.includes(year);
}

/** The year most articles of the batch are from: their publication dates, else the dates they give. */
function storyYear(ctx: Context): string | null {
  const count = new Map<string, number>();
  for (const a of ctx.articles) {
    const y = a.doc.article.published?.slice(0, 4);
    if (y) count.set(y, (count.get(y) ?? 0) + 3);
    for (const s of a.sentences) for (const t of s.times) if (t.value && /^\d{4}/.test(t.value)) count.set(t.value.slice(0, 4), (count.get(t.value.slice(0, 4)) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [y, n] of count) if (!best || n > (count.get(best) ?? 0)) best = y;
  return best;
}

export const numbers: Detector = {
  kind: 'number',
  linkage: 'average',
  linkStrength(a, b, ctx) {
    const l = link(ctx, a as NumberClaim, b as NumberClaim);
    return (l.noun ? 2 : 0) + (l.verb ? 2 : 0) + (l.actor ? 1 : 0) + (l.object ? 1 : 0) + Math.min(l.local, 4) * 0.5 + l.sentence * 2 + (l.rare ? 1 : 0) + Math.min(l.entities, 2) * 0.5;
  },
  extract(ctx: Context): FactClaim[] {
    const claims: NumberClaim[] = [];
    const year = storyYear(ctx);
    for (const a of ctx.articles) {
      // Parsed once with the article's names (the tagger misreads some), before figuresIn reads it.
      parseOf(a.doc, a.mentions);
      for (const s of a.sentences) {
        for (const f of figuresIn(a.doc, s, a.quoted)) {
          // A figure inside quotation marks is the speaker's word ("if two more die, we all
          // grieve"), not the outlet's report of the count.
          if (inRanges(a.quoted, f.start)) continue;
          const anchors = anchorsOf(ctx, a.id, f);
          const bucket = bucketOf(f);
          claims.push({
            kind: 'number',
            article: a.id,
            sentence: s,
            start: f.start,
            end: f.end,
            value: valueKey(f),
            display: displayOf(f),
            subject: f.unit,
            bucket,
            figure: f,
            anchors,
            background: backgroundSentence(s, year),
            years: s.text.match(/\b(1[89]|20)\d\d\b/g) ?? [],
            rare: false,
          } as NumberClaim);
        }
      }
    }
    // A unit no article gives more than once is one fact of the story more often than not.
    const perArticle = new Map<string, number>();
    for (const c of claims) {
      const k = `${c.article}\u0000${rarityKey(c.figure)}`;
      perArticle.set(k, (perArticle.get(k) ?? 0) + 1);
    }
    for (const c of claims) c.rare = perArticle.get(`${c.article}\u0000${rarityKey(c.figure)}`) === 1 && !GENERIC.has(c.figure.unit);
    return claims;
  },
  blockKeys(c) {
    const n = c as NumberClaim;
    return new Set([...n.anchors.nouns, ...n.anchors.local, `v:${n.anchors.verb}`, ...[...c.sentence.entities].map((e) => `e:${e}`), n.anchors.person ? `p:${n.anchors.person}` : '', CASUALTY().has(c.bucket) || ['magnitude', 'tally'].includes(c.bucket) || n.rare ? '*' : ''].filter(Boolean));
  },
  sameFact(a, b, ctx) {
    const ca = a as NumberClaim;
    const cb = b as NumberClaim;
    if (differentPlaces(ctx, a.sentence, b.sentence)) return false;
    // Two sentences each dated to a different year tell of two happenings.
    if (ca.years.length && cb.years.length && !ca.years.some((y) => cb.years.includes(y))) return false;
    if (!!ca.figure.offset !== !!cb.figure.offset) return false;
    const ha = ca.anchors.happening;
    const hb = cb.anchors.happening;
    // Counts said of two different actors ("X released 50", "Y released 40") are two counts.
    if (ha.subject && hb.subject && !sameActor(ctx, ha.subject, hb.subject)) return false;
    if (ha.object.entity && hb.object.entity && !sameActor(ctx, ha.object.entity, hb.object.entity)) return false;
    const l = link(ctx, ca, cb);
    const dim = ca.figure.dimension;
    // One person's age differs across outlets by a slip or a birthday; "aged 17" against "aged 35"
    // is the person at another time ("at 17 he joined") or another person.
    if (dim === 'age') return l.person && Math.abs(ca.figure.base - cb.figure.base) <= (q().ageGap ?? 3);
    // Outlets disagree about a figure by a little or by a factor of two or three, not by ten: "9
    // days" and "4 decades" in one obituary measure two things. Crowd estimates vary more.
    const lo = Math.min(ca.figure.base, cb.figure.base);
    const hi = Math.max(ca.figure.baseHigh, cb.figure.baseHigh);
    const limit = dim === 'count' && !CASUALTY().has(a.bucket) ? 12 : dim === 'count' ? 8 : 3.5;
    if (lo > 0 && hi / lo > limit && !['magnitude', 'percent', 'tally'].includes(dim)) return false;
    // Two sentences each naming a different weekday tell of two days ("Monday's march" and
    // "the trouble Wednesday night").
    const wa = weekdays(a.sentence);
    const wb = weekdays(b.sentence);
    if (wa.size && wb.size && ![...wa].some((d) => wb.has(d))) return false;
    // Hours of deliberation are not the days it took: durations are compared within one scale
    // (seconds and minutes, hours, days and weeks, months to decades).
    if (dim === 'duration' && durationScale(ca.figure.unit) !== durationScale(cb.figure.unit)) return false;
    // A distance is from somewhere: two figures measured from two named places are two distances.
    if (dim === 'distance') {
      const places = (c: NumberClaim): string[] => [...c.anchors.local].filter((w) => w.startsWith('@') && ctx.entityType.get(w.slice(1)) === 'place');
      const pa = places(ca);
      const pb = places(cb);
      if (!pa.some((p) => pb.includes(p))) return false;
    }
    // "arrested four times" and "shot eleven times" count two things.
    if (dim === 'times' && !l.verb) return false;
    // The story's quake has one magnitude; an aftershock's is another.
    if (dim === 'magnitude') return aftershock(ctx, ca) === aftershock(ctx, cb);
    // Two measured things named and different ("a 12-year sentence", "17 days of talks").
    if (dim !== 'count' && ca.anchors.nouns.size && cb.anchors.nouns.size && !l.noun && !l.verb) return false;
    if (CASUALTY().has(a.bucket) || dim === 'tally') return l.noun || l.verb || l.actor || l.object || l.local >= 1 || l.entities >= 1 || l.sentence >= 0.15 || l.rare;
    if (l.noun || l.verb) return l.local >= 1 || l.actor || l.object || l.entities >= 1 || l.sentence >= 0.15 || (l.noun && l.verb) || l.rare;
    if (l.actor || l.object) return l.local >= 1 || l.sentence >= 0.2 || l.rare;
    // A counted thing each article names once ("four villages", "three aftershocks") is the story's
    // count of it; a duration or a sum each gives once may still measure two things.
    if (l.rare && dim === 'count') return true;
    if (l.rare) return l.local >= 1 || l.entities >= 1;
    return l.sentence >= 0.35 || l.local >= 3 || (l.local >= 2 && l.entities >= 1);
  },
  conflict(a, b, ctx) {
    const fa = (a as NumberClaim).figure;
    const fb = (b as NumberClaim).figure;
    if (fa.dimension === 'tally') return fa.tally !== fb.tally;
    // Values converted from different units agree within rounding (700 miles, 1,150 km).
    const slack = (x: Figure, y: Figure): number => (x.unit !== y.unit ? 0.02 : 0);
    if (rangesOverlap(baseRange(fa), baseRange(fb), slack(fa, fb))) return false;
    // An outlet that also gives the other figure for this unit elsewhere ("24 political prisoners"
    // … "the first 100 prisoners") is counting something else with it, not contradicting. A quake
    // has one magnitude: an article giving two reports the disagreement itself.
    if (fa.dimension === 'magnitude') return true;
    // Only counts and sums: an article holds many shares and durations of different things.
    if (fa.dimension !== 'count' && fa.dimension !== 'money') return true;
    const valuesIn = (c: FactClaim): Figure[] => articleFigures(ctx, c.article).filter((f) => bucketOf(f) === c.bucket && f.offset === (c as NumberClaim).figure.offset && f.qualifier !== 'min' && f.qualifier !== 'max');
    if (valuesIn(a).some((f) => rangesOverlap(baseRange(f), baseRange(fb), slack(f, fb))) || valuesIn(b).some((f) => rangesOverlap(baseRange(f), baseRange(fa), slack(f, fa)))) return false;
    return true;
  },
  pairFeatures(a, b, ctx) {
    const ca = a as NumberClaim;
    const cb = b as NumberClaim;
    const fa = ca.figure;
    const fb = cb.figure;
    const l = link(ctx, ca, cb);
    const hi = Math.max(fa.base, fb.base);
    const round = (f: Figure): boolean => f.value >= 10 && f.value % (10 ** Math.floor(Math.log10(f.value))) === 0;
    return {
      'link:sameNoun': l.noun ? 1 : 0,
      'link:sameVerb': l.verb ? 1 : 0,
      'link:sameActor': l.actor ? 1 : 0,
      'link:sameObject': l.object ? 1 : 0,
      'link:localWords': Math.min(l.local, 4) / 4,
      'link:rareUnit': l.rare ? 1 : 0,
      [`number:${fa.dimension}`]: 1,
      'number:casualty': CASUALTY().has(a.bucket) ? 1 : 0,
      'number:distance': hi > 0 ? Math.abs(fa.base - fb.base) / hi : 0,
      'number:qualified': fa.qualifier || fb.qualifier ? 1 : 0,
      'number:converted': fa.unit !== fb.unit ? 1 : 0,
      'number:round': round(fa) && round(fb) ? 1 : 0,
      'number:offset': fa.offset ? 1 : 0,
      'number:background': ca.background ? 1 : 0,
      'number:small': Math.min(fa.value, fb.value) < 3 && fa.dimension === 'count' ? 1 : 0,
    };
  },
  evolving(claims, ctx) {
    // A toll or a running count that outlets published at different times may have grown.
    const unit = claims[0].bucket;
    const running = CASUALTY().has(unit) || claims.some((c) => RUNNING.test(c.sentence.text));
    const times = new Set(claims.map((c) => ctx.byId.get(c.article)?.doc.article.published?.slice(0, 13) ?? ''));
    return running && (times.size > 1 || times.has(''));
  },
  topic(claims) {
    const f = (claims[0] as NumberClaim).figure;
    const anchors = (claims[0] as NumberClaim).anchors;
    const shared = [...anchors.nouns].filter((n) => claims.every((c) => (c as NumberClaim).anchors.nouns.has(n)));
    const what = shared.length ? ` (${wordIn(claims, shared[0])})` : f.measured ? ` (${wordIn(claims, f.measured)})` : '';
    const unit = f.unit;
    switch (f.dimension) {
      case 'money':
        return `sum in ${plural(unit.replace(/ per \w+$/, ''))}${what}`;
      case 'percent':
        return `percentage${what}`;
      case 'duration':
        return `how long${what}`;
      case 'distance':
        return `distance${what}`;
      case 'weight':
        return `weight${what}`;
      case 'magnitude':
        return 'magnitude';
      case 'age':
        return 'age';
      case 'tally':
        return `vote count${what}`;
      case 'times':
        return `how many times${what}`;
      default:
        if (CASUALTY().has(unit)) return `number ${unit}`;
        return `number of ${plural(unit)}${what}`;
    }
  },
};

const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;

/** Per sentence: the weekdays it names (asked once for every pair of claims it takes part in). */
const weekdaysOf = new WeakMap<SentenceInfo, Set<string>>();
function weekdays(sentence: SentenceInfo): Set<string> {
  let days = weekdaysOf.get(sentence);
  if (!days) weekdaysOf.set(sentence, (days = new Set([...sentence.text.matchAll(WEEKDAY)].map((m) => m[1].toLowerCase()))));
  return days;
}

function durationScale(unit: string): number {
  if (/^(second|minute)$/.test(unit)) return 0;
  if (unit === 'hour') return 1;
  if (/^(day|week|fortnight)$/.test(unit)) return 2;
  return 3;
}

/** Whether a magnitude is an aftershock's (the words right around it say so). */
function aftershock(ctx: Context, c: NumberClaim): boolean {
  const text = ctx.byId.get(c.article)!.doc.text;
  return /aftershock/i.test(text.slice(Math.max(0, c.figure.start - 60), c.figure.end + 40));
}

function baseRange(f: Figure): [number, number] {
  // A toll "at least N" is the count so far, not an open range: "at least 3 killed" and "10 killed"
  // disagree (and are marked as a count that may have been updated).
  if (f.qualifier === 'min' && CASUALTY().has(f.unit)) return [f.base, Math.max(f.baseHigh * 1.5, f.baseHigh + 2)];
  // "some 88.41 percent" is precise; "about 90" is not.
  if (f.qualifier === 'approx' && !isRound(f.value)) return [f.base * 0.98, f.baseHigh * 1.02];
  const [lo, hi] = range({ value: f.base, qualifier: f.qualifier, high: f.baseHigh });
  // A figure stands for what rounds to it: "9 acres" may be 8.7; "two decades" may be 21 years.
  const step = f.dimension === 'duration' && /^(decade|century)$/.test(f.unit) ? 0.25 * (f.base / f.value) : f.dimension === 'duration' && f.unit === 'year' && f.value >= 2 ? 0.45 * (f.base / f.value) : Number.isInteger(f.value) && f.value % 10 !== 0 && f.dimension !== 'duration' ? 0.45 * (f.base / Math.max(f.value, 1e-9)) : 0;
  return [lo - step, hi + step];
}

/** A round figure: 30, 100, 2,000, 1.5 million; not 88.41 or 37. */
function isRound(v: number): boolean {
  if (!Number.isInteger(v)) return Number.isInteger(v * 2) && v >= 1;
  if (v < 10) return true;
  const digits = String(v).replace(/0+$/, '');
  return digits.length <= 2 && /[05]$/.test(digits) || digits.length === 1;
}

/** The bucket figures are compared in: one dimension and, for counts and sums, one counted noun
 * or currency. Durations, distances and weights are compared across their units. */
function bucketOf(f: Figure): string {
  const per = / per (\w+)$/.exec(f.unit);
  switch (f.dimension) {
    case 'count':
    case 'money':
      return f.unit;
    default:
      return per ? `${f.dimension} per ${per[1]}` : f.dimension;
  }
}

function valueKey(f: Figure): string {
  if (f.tally) return `tally:${f.tally}`;
  return `${f.qualifier ?? 'exact'}:${f.base}${f.high !== undefined ? `-${f.baseHigh}` : ''}`;
}

function displayOf(f: Figure): string {
  const qual = f.qualifierText ? `${f.qualifierText} ` : '';
  const v = `${formatValue(f.value)}${f.high !== undefined ? `–${formatValue(f.high)}` : ''}`;
  const base = f.unit.replace(/ per \w+$/, '');
  const per = / per (\w+)$/.exec(f.unit)?.[1];
  const tail = per ? ` per ${per}` : '';
  switch (f.dimension) {
    case 'tally':
      return f.tally!;
    case 'magnitude':
      return `magnitude ${qual}${v}`;
    case 'age':
      return `aged ${qual}${v}`;
    case 'percent':
      return `${qual}${v} percent${tail}`;
    case 'times':
      return `${qual}${v} times`;
    case 'money': {
      const symbol: Record<string, string> = { dollar: '$', euro: '€', pound: '£', yen: '¥' };
      return symbol[base] ? `${qual}${symbol[base]}${v}${tail}` : `${qual}${v} ${plural(base)}${tail}`;
    }
    default:
      if (CASUALTY().has(base)) return `${qual}${v} ${base}${tail}`;
      return `${qual}${v} ${f.value === 1 && f.high === undefined ? base : plural(base)}${tail}`;
  }
}

const figureCache = new WeakMap<Context, Map<string, Figure[]>>();

/** Every figure in an article, read once per comparison. */
function articleFigures(ctx: Context, article: string): Figure[] {
  let cache = figureCache.get(ctx);
  if (!cache) figureCache.set(ctx, (cache = new Map()));
  let figures = cache.get(article);
  if (!figures) {
    const art = ctx.byId.get(article)!;
    figures = art.sentences.flatMap((s) => figuresIn(art.doc, s));
    cache.set(article, figures);
  }
  return figures;
}

/** Words that mark a running count: a figure "so far" or one that "rose to" may be updated. */
const RUNNING = /\b(rose|risen|climbed|so far|has reached|latest|toll|updated|at least)\b/i;

/** The word behind a stem, as the text writes it. */
function wordIn(claims: FactClaim[], stemmed: string): string {
  for (const c of claims) {
    const m = new RegExp(`\\b(${stemmed.replace(/[^\p{L}\p{N}]/gu, '')}\\p{L}*)`, 'iu').exec(c.sentence.text);
    if (m) return m[1].toLowerCase();
  }
  return stemmed;
}

function plural(noun: string): string {
  if (noun === 'percent' || noun.endsWith('s') || noun === 'foot') return noun === 'foot' ? 'feet' : noun;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(ch|sh|x)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}
