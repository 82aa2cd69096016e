// Test helpers: a Doc from text, and ArticleEntities written by hand so the quotes tests do not
// depend on the entities stage.
import { buildDoc, type Doc } from '../../src/text/doc.js';
import type { ArticleEntities, EntityMention, LocalEntity } from '../../src/annotations.js';
import type { Article, EntityType } from '../../src/types.js';

export function docOf(text: string, id = 't'): Doc {
  const article: Article = { id, source: id, url: null, outlet: null, title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text };
  return buildDoc(article);
}

/** Entities by name forms: each entry lists the forms of one entity; every whole-word occurrence
 * of a form becomes a mention (longer forms first, no overlaps). */
export function entitiesOf(doc: Doc, list: { forms: string[]; type: EntityType; roles?: string[] }[]): ArticleEntities {
  const mentions: EntityMention[] = [];
  const entities: LocalEntity[] = [];
  list.forEach((e, n) => {
    const key = `${doc.article.id}#${n}`;
    entities.push({ key, name: e.forms[0], type: e.type, aliases: e.forms.slice(1), roles: e.roles ?? [], mentions: [] });
    for (const form of [...e.forms].sort((a, b) => b.length - a.length)) {
      const re = new RegExp(`(?<![\\p{L}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
      for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
        const start = m.index;
        const end = start + form.length;
        if (mentions.some((x) => x.start < end && start < x.end)) continue;
        mentions.push({ start, end, text: form, type: e.type, kind: 'name', entity: key });
      }
    }
  });
  mentions.sort((a, b) => a.start - b.start);
  mentions.forEach((m, i) => entities.find((e) => e.key === m.entity)!.mentions.push(i));
  return { article: doc.article.id, mentions, entities };
}

export function noEntities(doc: Doc): ArticleEntities {
  return { article: doc.article.id, mentions: [], entities: [] };
}
