// The speaker a transcript label names, among the article's entities.
import type { ArticleEntities } from '../annotations.js';
import { foldName } from '../text/fold.js';

/**
 * The entity a label names: the article's person whose fullest name is the label ("ANNIKA
 * SORVALD") or ends in it ("SORVALD"), when exactly one does. Labels of other turns that name a
 * full name teach the short ones ("INGRID HALE (HOST)" then "HALE").
 */
export function labelEntity(label: string, entities: ArticleEntities): string | null {
  const words = foldName(label).split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const matches = entities.entities.filter((e) => {
    if (e.type !== 'person' && e.type !== 'other') return false;
    for (const form of [e.name, ...e.aliases]) {
      const f = foldName(form).split(/\s+/);
      if (f.join(' ') === words.join(' ')) return true;
      if (words.length === 1 && f.length >= 2 && f[f.length - 1] === words[0]) return true;
    }
    return false;
  });
  return matches.length === 1 ? matches[0].key : null;
}
