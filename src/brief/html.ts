// brief.html: one self-contained page (no network), all article text escaped.
import type { Brief } from '../types.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function renderHtml(brief: Brief): string {
  const rows = brief.articles
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.id)}</td><td>${escapeHtml(a.outlet ?? '—')}</td><td>${escapeHtml(a.published ?? '—')}</td><td>${escapeHtml(a.title ?? '—')}</td></tr>`,
    )
    .join('\n');
  const problems = brief.problems.map((p) => `<li><strong>${escapeHtml(p.source)}</strong>: ${escapeHtml(p.message)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley brief</title></head>
<body><h1>Parley brief</h1>
<section id="articles"><h2>Articles</h2><table><thead><tr><th>id</th><th>outlet</th><th>published</th><th>title</th></tr></thead><tbody>
${rows}
</tbody></table></section>
${problems ? `<section id="problems"><h2>Problems</h2><ul>${problems}</ul></section>` : ''}
</body></html>
`;
}
