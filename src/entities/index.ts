// entities/: proper-name mentions in one article, typed, linked within the article.
import type { Doc } from '../text/doc.js';
import type { ArticleEntities, EntityMention, LocalEntity } from '../annotations.js';

/** Find the entity mentions of one article and group them into article-local entities. */
export function findEntities(doc: Doc): ArticleEntities {
  const article = doc.article.id;
  const mentions: EntityMention[] = [];
  const entities: LocalEntity[] = [];
  const byName = new Map<string, LocalEntity>();
  const tokens = doc.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].pos !== 'PROPN') continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j].pos === 'PROPN' && tokens[j].sentence === tokens[i].sentence) j++;
    const start = tokens[i].start;
    const end = tokens[j - 1].end;
    const text = doc.text.slice(start, end);
    let entity = byName.get(text);
    if (!entity) {
      entity = { key: `${article}#${entities.length}`, name: text, type: 'other', aliases: [], roles: [], mentions: [] };
      entities.push(entity);
      byName.set(text, entity);
    }
    entity.mentions.push(mentions.length);
    mentions.push({ start, end, text, type: entity.type, kind: 'name', entity: entity.key });
    i = j - 1;
  }
  return { article, mentions, entities };
}
