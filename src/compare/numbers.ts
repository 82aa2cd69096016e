// Figures that outlets give for one fact ("40 missiles" vs "25 missiles"). A figure with a qualifier
// is a range: "more than 40" does not contradict "45", "up to 240" does not contradict "240".
import type { Context, SentenceInfo } from './context.js';
import { contentStem, differentPlaces, jaccard, sameFact, sharedCount, stem, stemsIn } from './context.js';
import type { Detector, FactClaim } from './claims.js';
import { loadJson } from '../util/data.js';
import { tokenIndexAt, type Doc, type Token } from '../text/doc.js';
import { happeningAt, sameActor, sameHappening, type Happening } from './happening.js';

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
}

/** Units that measure how long something lasted: a duration is compared only with durations of the
 * same thing ("17 days of talks", "a 12-year sentence"), never with another duration in the story. */
function isTimeUnit(unit: string): boolean {
  return (q().timeUnits ?? []).includes(unit);
}

export interface Figure {
  start: number;
  end: number;
  value: number;
  /** Lemma of the counted noun ("missile"), "percent", or a currency. */
  unit: string;
  qualifier: 'approx' | 'below' | 'min' | 'max' | null;
  /** The qualifier's own words ("up to", "AROUND"). */
  qualifierText: string | null;
  /** Whole phrase text, qualifier and unit included. */
  text: string;
  /** For durations and shares: what is measured ("talks", "sentence", "enrichment"), else null. */
  measured?: string | null;
  /** Token index of the figure. */
  token?: number;
}

const FRACTION = /\b(half|third|thirds|quarter|quarters|tenth|fifth|percent|per cent|%|most|some|many|all|none|each|fraction|majority)\s+of(\s+(the|its|their|those|these))?\s*$/i;
const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;
const NUMERIC = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/;

function q(): Quantities {
  return loadJson<Quantities>('compare/quantities.json');
}

function numberValue(tok: Token): number | null {
  const t = tok.text.toLowerCase();
  if (NUMERIC.test(t)) return Number(t.replace(/,/g, ''));
  // "2bn", "40m", "2.5bn": a figure with its multiplier written on.
  const short = /^(\d+(?:\.\d+)?)(bn|m|k)$/.exec(t);
  if (short) return Number(short[1]) * q().multipliers[short[2]];
  const w = q().numberWords[t];
  return w === undefined ? null : w;
}

/** The value interval a figure allows. */
export function range(f: Pick<Figure, 'value' | 'qualifier'>): [number, number] {
  switch (f.qualifier) {
    case 'approx':
      return [f.value * 0.9, f.value * 1.1];
    case 'below':
      return [f.value * 0.9, f.value];
    case 'min':
      return [f.value, Infinity];
    case 'max':
      return [0, f.value];
    default:
      return [f.value, f.value];
  }
}

export function rangesOverlap(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
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

/** Figures in one sentence, each with the noun it counts. Dates, years, times and ordinals are not figures. */
export function figuresIn(doc: Doc, s: SentenceInfo, quoted: [number, number][] = []): Figure[] {
  void quoted;
  const sentence = doc.sentences[s.index];
  const qty = q();
  const out: Figure[] = [];
  const toks = doc.tokens;
  for (let i = sentence.firstToken; i < sentence.endToken; i++) {
    const tok = toks[i];
    let value = numberValue(tok);
    if (value === null) continue;
    if (s.times.some((t) => tok.start >= t.start && tok.end <= t.end)) continue;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    if (prev && i > sentence.firstToken && MONTHS.test(prev.text)) continue;
    if (next && i + 1 < sentence.endToken && MONTHS.test(next.text)) continue;
    // "half of the 600 detainees" counts 300 of them, not 600.
    if (FRACTION.test(doc.text.slice(Math.max(sentence.firstToken === i ? tok.start : toks[Math.max(sentence.firstToken, i - 4)].start, 0), tok.start))) continue;
    // A year standing alone ("in 2024") is a date, not a count.
    if (/^(19|20)\d\d$/.test(tok.text)) continue;
    // Part of a larger figure already read ("twenty - five", "3 billion").
    if (out.length && out[out.length - 1].end >= tok.start) continue;
    let start = tok.start;
    let end = tok.end;
    let j = i + 1;
    // Hyphenated number words: "twenty-five".
    if (toks[j]?.text === '-' && toks[j + 1] && qty.numberWords[toks[j + 1].text.toLowerCase()] !== undefined && value >= 20) {
      value += qty.numberWords[toks[j + 1].text.toLowerCase()];
      end = toks[j + 1].end;
      j += 2;
    }
    const mult = toks[j] && j < sentence.endToken ? qty.multipliers[toks[j].text.toLowerCase()] : undefined;
    if (mult) {
      value *= mult;
      end = toks[j].end;
      j++;
    }
    let unit: string | null = null;
    const cur = prev && i > sentence.firstToken ? qty.currencies[prev.text] : undefined;
    if (cur) {
      unit = cur;
      start = prev.start;
    } else if (toks[j] && j < sentence.endToken && (toks[j].text === '%' || /^per\s?cent$|^percent$/i.test(toks[j].text))) {
      unit = 'percent';
      end = toks[j].end;
    } else {
      // The counted noun: the last noun of the modifier run after the number ("40 short-range missiles"),
      // reading through "of the" ("40 of the missiles").
      let k = j;
      if (toks[k]?.text.toLowerCase() === 'of' && /^(the|their|its|his|her|those|these)$/i.test(toks[k + 1]?.text ?? '')) k += 2;
      let last = -1;
      const measures = new Set(qty.measures);
      for (let n = 0; k < sentence.endToken && n < 5; k++, n++) {
        const t = toks[k];
        // "140-km line", "12,000 square kilometres": a unit of measure is what is counted. "square"
        // and "cubic" qualify the unit that follows them.
        if (measures.has(t.text.toLowerCase()) && !/^(square|cubic|sq|nautical)$/i.test(t.text)) {
          last = k;
          break;
        }
        if (t.pos === 'NOUN') last = k;
        else if (t.pos === 'VERB' && /(ed|ing)$/i.test(t.text) && last < 0 && toks[k + 1] && (toks[k + 1].pos === 'NOUN' || toks[k + 1].pos === 'ADJ')) {
          // a participle used as an adjective: "1,800 advanced centrifuges", "200 armed fighters"
        } else if (t.pos === 'ADJ' || t.pos === 'PROPN' || t.text === '-' || t.pos === 'NUM') {
          if (last >= 0 && t.pos !== 'NUM' && t.text !== '-') break;
        } else break;
      }
      if (last >= 0) {
        const l = (toks[last].lemma || toks[last].text).toLowerCase();
        unit = qty.unitSynonyms[l] ?? l;
        end = toks[last].end;
      }
    }
    // A count of people next to a casualty word counts the casualties: "killing nine people",
    // "14 were killed", "nine dead", "at least 23 died".
    const PEOPLE = new Set(['person', 'civilian', 'soldier', 'troop', 'child', 'woman', 'man', 'fighter', 'resident', 'villager', 'protester', 'worker', 'policeman', 'officer', 'sailor', 'passenger', 'patient', 'student']);
    if (!unit || PEOPLE.has(unit)) {
      // The nearest casualty word, after the figure first at equal distance ("14 killed and 60 injured").
      for (let d = 1; d <= 5 && unit !== null && !Object.values(qty.casualties).includes(unit); d++) {
        for (const k of [j - 1 + d, i - d]) {
          if (k < sentence.firstToken || k >= sentence.endToken || k === i || (k < i && d > 4)) continue;
          const cls = qty.casualties[toks[k].text.toLowerCase()];
          if (cls) {
            unit = cls;
            if (k > i) end = Math.max(end, toks[k].end);
            break;
          }
        }
      }
      if (unit === null) {
        for (let k = i + 1; k < Math.min(sentence.endToken, i + 4); k++) {
          const cls = qty.casualties[toks[k].text.toLowerCase()];
          if (cls) {
            unit = cls;
            end = toks[k].end;
            break;
          }
        }
      }
    }
    if (!unit) continue;
    // "120 prisoners from each side" counts per party, not in all.
    if (/^[\s,]*(?:of (?:war|them)\s+)?(?:from each side|from either side|on each side|each|apiece|per side|a side|per country|from each country)\b/i.test(doc.text.slice(end, end + 30))) unit = `${unit} per side`;
    // "one" or a bare single figure counts too little to compare ("one official", "two sides").
    if (value < 3 && !cur && unit !== 'percent') continue;
    const qual = qualifierBefore(doc, i, sentence.firstToken);
    if (qual) start = qual.start;
    let measured: string | null = null;
    if (isTimeUnit(unit) || unit === 'percent') {
      const m = measuredThing(doc, i, end, sentence.firstToken, sentence.endToken);
      // "a 29-year-old": an age, not a duration.
      if (m === 'age') unit = 'age';
      else measured = m;
    }
    out.push({ start, end, value, unit, qualifier: qual?.qualifier ?? null, qualifierText: qual?.text ?? null, text: doc.text.slice(start, end), measured, token: i });
  }
  return out;
}

/** What a duration or a share measures: the noun it is compounded with ("12-year sentence", "60%
 * enrichment"), the noun after "of" ("17 days of talks", "52 percent of voters"), or the noun
 * it is "of" ("a cap of 60 percent"). Null when the phrase does not say; then the governing verb
 * decides (see `measuredKey`). */
function measuredThing(doc: Doc, i: number, end: number, first: number, last: number): string | null {
  const toks = doc.tokens;
  let k = i;
  while (k < last && toks[k].end <= end) k++;
  const ages = new Set(q().ageWords ?? []);
  if (toks[k]?.text === '-' && ages.has(toks[k + 1]?.text.toLowerCase() ?? '')) return 'age';
  if (ages.has(toks[k]?.text.toLowerCase() ?? '')) return 'age';
  if (toks[k]?.text === '-') k++;
  const noun = (from: number): string | null => {
    for (let j = from; j < last && j < from + 4; j++) {
      const t = toks[j];
      if (t.pos === 'NOUN' || t.pos === 'PROPN') {
        // The last noun of a compound run ("inspection visits").
        let h = j;
        while (h + 1 < last && (toks[h + 1].pos === 'NOUN') && h < j + 3) h++;
        return contentStem(toks[h]);
      }
      if (!['DET', 'ADJ', 'NUM', 'PRON'].includes(t.pos) && t.text !== '-') return null;
    }
    return null;
  };
  if (k < last && toks[k].pos === 'NOUN') return noun(k);
  if (k < last && toks[k].text.toLowerCase() === 'of') return noun(k + 1);
  // "a cap of 60 percent", "a turnout of 52%"
  let b = i - 1;
  while (b > first && ['ADV', 'ADP'].includes(toks[b].pos) && toks[b].text.toLowerCase() !== 'of') b--;
  if (toks[b]?.text.toLowerCase() === 'of' && b - 1 >= first && toks[b - 1].pos === 'NOUN') return contentStem(toks[b - 1]);
  return null;
}

function formatValue(n: number): string {
  return n.toLocaleString('en-GB');
}


type NumberClaim = FactClaim & { happening: Happening; measured: string | null };

export const numbers: Detector = {
  kind: 'number',
  extract(ctx: Context): FactClaim[] {
    const out: FactClaim[] = [];
    for (const a of ctx.articles) {
      for (const s of a.sentences) {
        for (const f of figuresIn(a.doc, s, a.quoted)) {
          const shown = `${f.qualifierText ? `${f.qualifierText} ` : ''}${formatValue(f.value)} ${f.unit === 'percent' ? 'percent' : f.value === 1 ? f.unit : plural(f.unit)}`;
          const happening = happeningAt(ctx, a, f.token ?? tokenIndexAt(a.doc, f.start));
          // A duration or a share is compared only with one of the same thing: "17 days of talks"
          // with "18 days of talks", a poll's share never with an enrichment cap.
          let bucket = f.unit;
          let measured = f.measured ?? null;
          if ((isTimeUnit(f.unit) || f.unit === 'percent') && !measured) measured = happening.verb ? `verb:${happening.verb}` : null;
          if (isTimeUnit(f.unit) || f.unit === 'percent') {
            if (!measured) continue;
            bucket = `${f.unit}|${measured}`;
          }
          out.push({
            happening,
            measured,
            kind: 'number',
            article: a.id,
            sentence: s,
            start: f.start,
            end: f.end,
            value: `${f.qualifier ?? 'exact'}:${f.value}`,
            display: shown,
            subject: f.unit,
            bucket,
          } as NumberClaim);
        }
      }
    }
    return out;
  },
  sameFact(a, b, ctx) {
    if (differentPlaces(ctx, a.sentence, b.sentence)) return false;
    const ha = (a as NumberClaim).happening;
    const hb = (b as NumberClaim).happening;
    // Counts said of two different actors ("X released 50", "Y released 40") are two counts.
    if (ha.subject && hb.subject && !sameActor(ctx, ha.subject, hb.subject)) return false;
    // In long real articles two sentences share a unit and a word or two by chance ("five
    // families" / "four other families"): a count, or a duration, needs the grammar to tie the two
    // (the same verb, actor or object) or sentences that overlap in earnest. Casualty tolls,
    // sums and measures keep the looser test below.
    const plain = !Object.values(q().casualties).includes(a.bucket) && !Object.values(q().currencies).includes(a.bucket) && !q().measures.includes(a.bucket);
    if (plain || isTimeUnit(a.bucket.split('|')[0])) {
      const h = sameHappening(ctx, ha, hb, a.sentence, b.sentence);
      const tied = h.same || h.subject || h.object || (!!ha.verb && ha.verb === hb.verb);
      const j = jaccard(a.sentence.lemmas, b.sentence.lemmas);
      if (!tied && j < 0.3 && !(j >= 0.2 && sharedCount(a.sentence.entities, b.sentence.entities) >= 1)) return false;
    }
    // The same counted thing in one story is usually the same quantity; a shared word besides the
    // unit (or a shared actor) guards against two different counts of it.
    if (sameFact(a.sentence, b.sentence, 0.2)) return true;
    const shared = [...a.sentence.lemmas].filter((l) => b.sentence.lemmas.has(l) && l !== stem(a.bucket));
    if (shared.length >= 2 || (shared.length >= 1 && sharedCount(a.sentence.entities, b.sentence.entities) >= 1)) return true;
    // Or a shared word right next to the figure ("the disputed area covers some 12,000 square
    // kilometres" / "the 21,000 sq km disputed zone").
    const near = (c: FactClaim): Set<string> => {
      const doc = ctx.byId.get(c.article)!.doc;
      const text = doc.text;
      const from = Math.max(c.sentence.start, text.lastIndexOf(' ', Math.max(c.sentence.start, c.start - 30)));
      const to = Math.min(c.sentence.end, c.end + 30);
      // The words around the figure, not the figure's own noun ("50 people" / "12 people").
      const stems = new Set([...stemsIn(doc, from, c.start).lemmas, ...stemsIn(doc, c.end, to).lemmas]);
      stems.delete(stem(c.bucket));
      return stems;
    };
    return sharedCount(near(a), near(b)) >= 1;
  },
  conflict(a, b, ctx) {
    const fa = parse(a.value);
    const fb = parse(b.value);
    if (rangesOverlap(range(fa), range(fb))) return false;
    // An outlet that also gives the other figure for this unit elsewhere ("24 political prisoners"
    // … "the first 100 prisoners") is counting something else with it, not contradicting.
    const valuesIn = (c: FactClaim): number[] => articleFigures(ctx, c.article).filter((f) => f.unit === c.bucket).map((f) => f.value);
    if (valuesIn(a).some((v) => rangesOverlap([v, v], range(fb))) || valuesIn(b).some((v) => rangesOverlap([v, v], range(fa)))) return false;
    return true;
  },
  pairFeatures(a, b, ctx) {
    const ha = (a as NumberClaim).happening;
    const hb = (b as NumberClaim).happening;
    const fa = parse(a.value);
    const fb = parse(b.value);
    const h = sameHappening(ctx, ha, hb, a.sentence, b.sentence);
    const hi = Math.max(fa.value, fb.value);
    return {
      'link:sameVerb': ha.verb && ha.verb === hb.verb ? 1 : 0,
      'link:sameActor': h.subject ? 1 : 0,
      'link:sameObject': h.object ? 1 : 0,
      'number:measured': (a as NumberClaim).measured ? 1 : 0,
      'number:duration': isTimeUnit(a.bucket.split('|')[0]) ? 1 : 0,
      'number:percent': a.bucket.startsWith('percent') ? 1 : 0,
      'number:distance': hi > 0 ? Math.abs(fa.value - fb.value) / hi : 0,
      'number:qualified': fa.qualifier || fb.qualifier ? 1 : 0,
      'number:casualty': Object.values(q().casualties).includes(a.bucket) ? 1 : 0,
    };
  },
  evolving(claims, ctx) {
    // A toll or a running count that outlets published at different times may have grown.
    const unit = claims[0].bucket;
    const running = Object.values(q().casualties).includes(unit) || claims.some((c) => RUNNING.test(c.sentence.text));
    const times = new Set(claims.map((c) => ctx.byId.get(c.article)?.doc.article.published?.slice(0, 13) ?? ''));
    return running && (times.size > 1 || times.has(''));
  },
  topic(claims) {
    const measured = (claims[0] as NumberClaim).measured;
    const unit = claims[0].subject;
    if (measured && !measured.startsWith('verb:')) return unit === 'percent' ? `percentage (${wordIn(claims, measured)})` : `number of ${plural(unit)} (${wordIn(claims, measured)})`;
    if (Object.values(q().currencies).includes(unit)) return `sum in ${plural(unit)}`;
    if (unit === 'percent') return 'percentage';
    if (['killed', 'injured', 'arrested', 'missing', 'displaced', 'evacuated', 'abducted'].includes(unit)) return `number ${unit}`;
    return `number of ${plural(unit)}`;
  },
};

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

function parse(value: string): Pick<Figure, 'value' | 'qualifier'> {
  const [qual, v] = value.split(':');
  return { value: Number(v), qualifier: qual === 'exact' ? null : (qual as Figure['qualifier']) };
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
  if (noun === 'percent' || noun.endsWith('s')) return noun;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(ch|sh|x)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}
