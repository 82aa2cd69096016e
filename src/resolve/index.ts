// resolve/: one global entity per real actor across articles, from the per-article annotations.
import type { Doc } from '../text/doc.js';
import type { ArticleEntities, ResolvedEntities } from '../annotations.js';
import type { Entity } from '../types.js';

/** Merge article-local entities that name the same actor into global entities. */
export function resolveEntities(perArticle: ArticleEntities[], _docs: Doc[]): ResolvedEntities {
  const entities: Entity[] = [];
  const globalId = new Map<string, string>();
  const byName = new Map<string, Entity>();
  for (const art of perArticle) {
    for (const local of art.entities) {
      const norm = local.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      let entity = byName.get(norm);
      if (!entity) {
        entity = { id: `e${entities.length + 1}`, name: local.name, type: local.type, aliases: [], roles: [], mentions: [] };
        entities.push(entity);
        byName.set(norm, entity);
      }
      for (const i of local.mentions) {
        const m = art.mentions[i];
        entity.mentions.push({ article: art.article, start: m.start, end: m.end });
      }
      globalId.set(local.key, entity.id);
    }
  }
  return { entities, globalId };
}
