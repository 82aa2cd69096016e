// Builds Docs from small texts written for these tests and looks entities up by their mentions.
import { buildDoc } from '../../src/text/doc.js';
import { findEntities } from '../../src/entities/index.js';
import type { ArticleEntities, LocalEntity } from '../../src/annotations.js';

export function entitiesOf(text: string, id = 't'): ArticleEntities {
  return findEntities(buildDoc({ id, source: id, url: null, outlet: null, title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text }));
}

/** The entity that has a mention with exactly this text (the first such mention). */
export function entityAt(found: ArticleEntities, mentionText: string): LocalEntity | undefined {
  const m = found.mentions.find((x) => x.text === mentionText);
  return m ? found.entities.find((e) => e.key === m.entity) : undefined;
}

export function mentionTexts(found: ArticleEntities, entity: LocalEntity | undefined): string[] {
  return entity ? entity.mentions.map((i) => found.mentions[i].text) : [];
}
