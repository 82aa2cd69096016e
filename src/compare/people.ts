// Who a name refers to across articles: the resolved entity where the entities stage found one,
// else the surname folded to ASCII, so that "Sælen" and "Saelen" still meet.
import { foldName } from '../text/fold.js';
import type { Context } from './context.js';
import { editDistance } from '../util/edit-distance.js';

export { foldName };

export function surname(name: string): string {
  const parts = name.trim().split(/\s+/);
  return foldName(parts[parts.length - 1].replace(/[’']s$/, ''));
}

/** Entity id of the person a name names: the entity mention covering the span, else an entity
 * whose name or alias ends in the same surname, else a key made from the surname. */
export function personKey(ctx: Context, article: string, start: number, end: number, name: string): string {
  const a = ctx.byId.get(article);
  if (a) {
    for (const m of a.mentions) {
      if (m.start < end && m.end > start && ctx.entityType.get(m.entity) === 'person') return m.entity;
    }
  }
  const last = surname(name);
  const known = surnameIndex(ctx).get(last);
  if (known) return known;
  return `name:${spellingOf(ctx, last)}`;
}

const surnames = new WeakMap<Context, Map<string, string>>();

/** Surname → the first person entity that carries it, built once per comparison. */
function surnameIndex(ctx: Context): Map<string, string> {
  let index = surnames.get(ctx);
  if (!index) {
    index = new Map();
    for (const e of ctx.brief.entities ?? []) {
      if (e.type !== 'person') continue;
      for (const f of [e.name, ...e.aliases]) {
        const k = surname(f);
        if (!index.has(k)) index.set(k, e.id);
      }
    }
    surnames.set(ctx, index);
  }
  return index;
}

const spellings = new WeakMap<object, string[]>();

/** One key for transliteration variants of a surname (Mikhailov / Mihaylov / Mikhaylov): the first
 * spelling seen within a small edit distance, same initial. */
function spellingOf(ctx: Context, folded: string): string {
  let seen = spellings.get(ctx);
  if (!seen) spellings.set(ctx, (seen = []));
  for (const k of seen) if (sameSpelling(k, folded)) return k;
  seen.push(folded);
  return folded;
}

export function sameSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  if (a[0] !== b[0] || Math.min(a.length, b.length) < 5) return false;
  const limit = Math.max(a.length, b.length) >= 8 ? 2 : 1;
  return Math.abs(a.length - b.length) <= limit && editDistance(a, b) <= limit;
}

export function personName(ctx: Context, key: string, fallback: string): string {
  return key.startsWith('name:') ? fallback : (ctx.entityName.get(key) ?? fallback);
}
