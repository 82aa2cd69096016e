// brief.md: the brief for a person, in Markdown. Sections appear only when computed.
import type { Brief } from '../types.js';

/** Escape text so Markdown shows it literally (article text may contain any character). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}\[\]<>()#+\-!|~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim();
}

export function renderMarkdown(brief: Brief): string {
  const out: string[] = ['# Parley brief', ''];
  out.push('## Articles', '');
  if (brief.articles.length === 0) out.push('No article could be analysed.', '');
  else {
    out.push('| id | outlet | published | title | authors |', '|---|---|---|---|---|');
    for (const a of brief.articles) {
      const published = a.published ? `${a.published}${a.publishedBasis ? ` (${a.publishedBasis})` : ''}` : '—';
      out.push(
        `| ${escapeMarkdown(a.id)} | ${escapeMarkdown(a.outlet ?? '—')} | ${escapeMarkdown(published)} | ${escapeMarkdown(a.title ?? '—')} | ${escapeMarkdown(a.authors.join(', ') || '—')} |`,
      );
    }
    out.push('');
  }
  if (brief.problems.length > 0) {
    out.push('## Problems', '');
    for (const p of brief.problems) out.push(`- **${escapeMarkdown(p.source)}**: ${escapeMarkdown(p.message)}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
