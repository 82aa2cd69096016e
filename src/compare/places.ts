// Where one event happened, as outlets place it on one street: "in the 4100 block of Marlow Avenue"
// in one, "the 4300 block of East Marlow Avenue" in another. A claim is a block number with the
// street it is on (compass words dropped, street types folded: "Ave." is "avenue"); claims on one
// street are about one place, and two block numbers on it disagree. And one happening placed in
// two places (`scenes`: "moved to Ostrava" / "moved to Brno"). Buildings and rooms ("in a break
// room" / "on the stairs") are left to later work.
import type { Context } from './context.js';
import type { Detector, FactClaim } from './claims.js';
import { loadJson } from '../util/data.js';
import { words } from './context.js';
import { happeningAt, sameActor, sameVerb, type Happening } from './happening.js';
import { tokenIndexAt } from '../text/doc.js';

interface PlaceWords {
  streetTypes: Record<string, string>;
  directions: string[];
  scenePrepositions: string[];
}

let vocab: { types: Map<string, string>; directions: Set<string>; prepositions: Set<string> } | null = null;
function V(): NonNullable<typeof vocab> {
  if (!vocab) {
    const w = loadJson<PlaceWords>('compare/places.json');
    vocab = { types: new Map(Object.entries(w.streetTypes)), directions: new Set(w.directions), prepositions: new Set(w.scenePrepositions) };
  }
  return vocab;
}

export interface Block {
  start: number;
  end: number;
  block: number;
  /** The street, folded: "223rd street", "marlow avenue". */
  street: string;
  display: string;
}

/** "the 4100 block of East Marlow Avenue" → block 4100 on "marlow avenue". The street's words
 * must be written as a name (capitalised or an ordinal) and end in a street type. */
export function blocksIn(text: string, offset = 0): Block[] {
  const out: Block[] = [];
  for (const m of text.matchAll(/\b(\d{2,6})\s*-?\s*block of\s+/gi)) {
    const after = text.slice(m.index! + m[0].length);
    const words = [...after.matchAll(/[^\s,;:()]+/g)].slice(0, 6);
    const name: string[] = [];
    let end = -1;
    let type = '';
    for (const w of words) {
      const bare = w[0].replace(/\.$/, '');
      const lower = bare.toLowerCase();
      if (name.length && V().types.has(lower)) {
        type = V().types.get(lower)!;
        end = w.index! + bare.length;
        break;
      }
      if (!/^(\p{Lu}|\d+(st|nd|rd|th)\b)/u.test(bare)) break;
      if (!V().directions.has(lower)) name.push(lower);
    }
    if (!type || name.length === 0) continue;
    const start = offset + m.index!;
    const stop = offset + m.index! + m[0].length + end;
    out.push({ start, end: stop, block: Number(m[1]), street: `${name.join(' ')} ${type}`, display: text.slice(m.index!, m.index! + m[0].length + end) });
  }
  return out;
}

export const places: Detector = {
  kind: 'place',
  extract(ctx: Context): FactClaim[] {
    const out: FactClaim[] = [];
    for (const a of ctx.articles) {
      for (const s of a.sentences) {
        for (const b of blocksIn(a.doc.text.slice(s.start, s.end), s.start)) {
          out.push({ kind: 'place', article: a.id, sentence: s, start: b.start, end: b.end, value: String(b.block), display: `the ${b.display}`, subject: b.street, bucket: `block:${b.street}` });
        }
      }
    }
    return out;
  },
  sameFact: (a, b) => a.bucket === b.bucket,
  conflict: (a, b) => a.value !== b.value,
  topic: (claims) => `where on ${claims[0].subject.replace(/\b\p{L}/gu, (c) => c.toUpperCase())} it happened`,
};

type SceneClaim = FactClaim & { happening: Happening; named: Set<string> };

/** One happening placed in two places: "X moved to Ostrava" in one outlet, "X moved to Brno" in
 * another. A claim is a place an article names as where a verb said of an actor happened; two
 * claims with the same verb said of the same actor, each naming a place the other article never
 * names, disagree (a place and the region holding it are both named somewhere, so they agree). */
export const scenes: Detector = {
  kind: 'place',
  extract(ctx: Context): FactClaim[] {
    const out: FactClaim[] = [];
    for (const a of ctx.articles) {
      const named = new Set(a.mentions.map((m) => m.entity));
      for (const m of a.mentions) {
        if (ctx.entityType.get(m.entity) !== 'place') continue;
        const s = a.sentences.find((x) => x.start <= m.start && m.end <= x.end);
        if (!s) continue;
        // Only a place named right after a preposition of place ("moved to X", "died in X").
        const before = /(\p{L}+)\s+$/u.exec(a.doc.text.slice(Math.max(s.start, m.start - 20), m.start));
        if (!before || !V().prepositions.has(before[1].toLowerCase())) continue;
        const h = happeningAt(ctx, a, tokenIndexAt(a.doc, m.start));
        if (!h.verb || !h.subject || words().reporting.has(h.verb)) continue;
        out.push({ kind: 'place', article: a.id, sentence: s, start: m.start, end: m.end, value: m.entity, display: a.doc.text.slice(m.start, m.end), subject: ctx.entityName.get(h.subject) ?? h.subject, bucket: 'scene', happening: h, named } as SceneClaim);
      }
    }
    return out;
  },
  blockKeys: (c) => [`${(c as SceneClaim).happening.verb}|${(c as SceneClaim).happening.subject}`],
  sameFact(a, b, ctx) {
    const ha = (a as SceneClaim).happening;
    const hb = (b as SceneClaim).happening;
    return sameVerb(ha, hb) && sameActor(ctx, ha.subject, hb.subject);
  },
  conflict(a, b) {
    return !(b as SceneClaim).named.has(a.value) && !(a as SceneClaim).named.has(b.value);
  },
  topic(claims) {
    const verb = (claims[0] as SceneClaim).happening.verb;
    const word = new RegExp(`\\b(${verb}\\w*)`, 'i').exec(claims[0].sentence.text)?.[1] ?? verb;
    return `where ${claims[0].subject} ${word.toLowerCase()}`;
  },
  pairFeatures: () => ({ 'place:scene': 1 }),
};
