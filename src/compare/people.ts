// Who a name refers to across articles: the resolved entity where the entities stage found one,
// else the surname folded to ASCII, so that "Sælen" and "Saelen" still meet.
import type { Context } from './context.js';

export function foldName(s: string): string {
  return s
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[ıİ]/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

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
  for (const e of ctx.brief.entities ?? []) {
    if (e.type !== 'person') continue;
    if ([e.name, ...e.aliases].some((f) => surname(f) === last)) return e.id;
  }
  return `name:${last}`;
}

export function personName(ctx: Context, key: string, fallback: string): string {
  return key.startsWith('name:') ? fallback : (ctx.entityName.get(key) ?? fallback);
}
