// Hand-built fixtures for the events tests: an article, its Doc, and entity annotations for the
// names the test lists (every occurrence of each name becomes a mention).
import { buildDoc, type Doc } from '../../src/text/doc.js';
import type { ArticleEntities, EntityMention, LocalEntity } from '../../src/annotations.js';
import type { Article, EntityType } from '../../src/types.js';
import { sentenceView, type SentenceView } from '../../src/events/clause.js';

export function article(text: string, id = 't'): Article {
  return { id, source: id, url: null, outlet: null, title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text };
}

export function doc(text: string, id = 't'): Doc {
  return buildDoc(article(text, id));
}

export function view(text: string): SentenceView {
  return sentenceView(doc(text), 0);
}

/** names: [surface form, type, extra aliases?, members?]; aliases are other surface forms. */
export function entities(d: Doc, names: [string, EntityType, string[]?, string[]?][]): ArticleEntities {
  const article = d.article.id;
  const mentions: EntityMention[] = [];
  const list: LocalEntity[] = [];
  names.forEach(([name, type, aliases = []], n) => {
    const key = `${article}#${n}`;
    list.push({ key, name, type, aliases, roles: [], mentions: [] });
    for (const form of [name, ...aliases]) {
      const re = new RegExp(`\\b${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
      for (let m = re.exec(d.text); m; m = re.exec(d.text)) {
        if (mentions.some((x) => x.start < m!.index + form.length && m!.index < x.end)) continue;
        mentions.push({ start: m.index, end: m.index + form.length, text: form, type, kind: 'name', entity: key });
      }
    }
  });
  names.forEach(([, , , members], n) => {
    if (members) list[n].members = members.map((m) => list[names.findIndex((x) => x[0] === m)].key);
  });
  mentions.sort((a, b) => a.start - b.start);
  list.forEach((e) => {
    e.mentions = mentions.map((m, i) => [m, i] as const).filter(([m]) => m.entity === e.key).map(([, i]) => i);
  });
  return { article, mentions, entities: list };
}

export function keyOf(ents: ArticleEntities, name: string): string {
  const e = ents.entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity ${name}`);
  return e.key;
}
