// The workspace's pages, rendered on the server. Every value that comes from a user or an article
// goes through escapeHtml; the pages carry no inline script or style (the CSP allows only
// /static/app.js and /static/app.css), and the brief itself is brief.html in a sandboxed frame.
import { escapeHtml } from '../brief/html.js';
import type { ArticleRecord, StoryRecord } from './store.js';
import type { Progress } from './work.js';
import { EXPORTS } from './schemas.js';
import { PASTED } from './constants.js';

export type StoryStatus = 'empty' | 'current' | 'queued' | 'analysing' | 'failed';

export function storyStatus(story: StoryRecord, running: boolean): StoryStatus {
  if (running) return 'analysing';
  if (story.job?.state === 'queued' || story.job?.state === 'running') return 'queued';
  if (story.job?.state === 'failed' && (story.briefRevision ?? -1) < story.revision) return 'failed';
  if (story.articleCount === 0 && story.briefRevision === null) return 'empty';
  return (story.briefRevision ?? -1) < story.revision ? 'queued' : 'current';
}

const PHASES: Record<Progress['phase'], string> = {
  reading: 'reading new articles',
  analysing: 'analysing articles',
  combining: 'comparing across articles',
  saving: 'saving the brief',
};

/** One line on what the brief is doing, for the page and its live updates. */
export function statusMessage(story: StoryRecord, status: StoryStatus, progress: Progress | null): string {
  const n = `${story.articleCount} article${story.articleCount === 1 ? '' : 's'}`;
  switch (status) {
    case 'empty':
      return 'No article yet: add one by link, pasted text or file.';
    case 'current':
      return `Brief up to date · ${n}`;
    case 'queued':
      return `Waiting to update the brief · ${n}`;
    case 'failed':
      return `The last update failed: ${(story.job?.error ?? 'unknown error').split('\n')[0]}`;
    case 'analysing': {
      if (!progress) return 'Updating the brief…';
      const count = progress.total > 0 && progress.phase !== 'combining' && progress.phase !== 'saving' ? ` ${Math.min(progress.done + 1, progress.total)} of ${progress.total}` : '';
      const cache = progress.phase === 'analysing' && progress.cached > 0 ? ` (${progress.cached} from cache)` : '';
      return `Updating the brief: ${PHASES[progress.phase]}${count}${cache}…`;
    }
  }
}

function layout(title: string, page: string, body: string, attrs: Record<string, string | number> = {}, assets = true): string {
  const data = Object.entries(attrs)
    .map(([k, v]) => ` data-${k}="${escapeHtml(String(v))}"`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
${assets ? '<link rel="stylesheet" href="/static/app.css">\n' : ''}</head>
<body data-page="${page}"${data}>
${body}
${assets ? '<script src="/static/app.js"></script>\n' : ''}</body>
</html>
`;
}

function when(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(iso.slice(0, 16).replace('T', ' '))}</time>`;
}

const STATUS_WORDS: Record<StoryStatus, string> = { empty: 'no article yet', current: 'up to date', queued: 'waiting', analysing: 'updating…', failed: 'update failed' };

export function storiesPage(stories: StoryRecord[], statusOf: (s: StoryRecord) => StoryStatus, dataDir: string): string {
  const rows = stories.map((s) => {
    const status = statusOf(s);
    return `<tr data-story="${s.id}">
<td><a class="story-link" href="/stories/${s.id}">${escapeHtml(s.name)}</a></td>
<td class="num">${s.articleCount}</td>
<td><span class="pill ${status}">${STATUS_WORDS[status]}</span></td>
<td>${when(s.updatedAt)}</td>
<td class="actions"><details class="rename"><summary>Rename</summary><form class="rename-form" data-story="${s.id}"><label class="visually-hidden" for="rename-${s.id}">New name</label><input id="rename-${s.id}" name="name" value="${escapeHtml(s.name)}" maxlength="200" required><button type="submit">Save</button></form></details>
<button type="button" class="danger delete-story" data-story="${s.id}" data-name="${escapeHtml(s.name)}">Delete</button></td>
</tr>`;
  });
  const list = stories.length
    ? `<table class="list"><thead><tr><th scope="col">Story</th><th scope="col">Articles</th><th scope="col">Brief</th><th scope="col">Updated (UTC)</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`
    : '<p class="empty">No story yet. A story gathers the articles about one negotiation; Parley keeps its brief up to date as you add them.</p>';
  return layout(
    'Parley workspace',
    'stories',
    `<header class="top"><h1>Parley workspace</h1><p class="sub">Stories are kept in <code>${escapeHtml(dataDir)}</code></p></header>
<main class="stories">
<form id="new-story" class="inline"><label for="new-name">New story</label><input id="new-name" name="name" required maxlength="200" placeholder="e.g. Geneva prisoner-swap talks"><button type="submit">Create story</button></form>
<p id="message" class="message" role="alert" hidden></p>
${list}
</main>`,
  );
}

function articleItem(storyId: number, a: ArticleRecord, briefUrl: string): string {
  const name = a.title ?? a.overrides.title ?? (a.inputKind === 'text' ? PASTED : (a.inputName ?? `article ${a.id}`));
  const label = a.state === 'ready' && a.briefId ? `<a class="open" href="${escapeHtml(`${briefUrl}#a=${encodeURIComponent(a.briefId)}&s=0&e=0`)}" target="brief">${escapeHtml(name)}</a>` : `<span class="name">${escapeHtml(name)}</span>`;
  const how = a.inputKind === 'url' ? 'link' : a.inputKind === 'file' ? 'file' : 'pasted';
  const meta = [a.outlet, a.published?.slice(0, 10), how, a.state === 'pending' ? 'waiting to be read' : a.state === 'failed' ? 'could not be read' : null].filter(Boolean) as string[];
  const source = a.inputKind === 'url' && a.inputName ? `<span class="source">${escapeHtml(a.inputName)}</span>` : a.inputKind === 'file' && a.inputName && a.title ? `<span class="source">${escapeHtml(a.inputName)}</span>` : '';
  const problems = a.problems.length ? `<ul class="problems">${a.problems.map((p) => `<li>${escapeHtml(p.message)}</li>`).join('')}</ul>` : '';
  return `<li class="article state-${a.state}" data-article="${a.id}"${a.briefId ? ` data-brief-id="${escapeHtml(a.briefId)}"` : ''}>${label}<span class="meta">${escapeHtml(meta.join(' · '))}</span>${source}${problems}<button type="button" class="link danger remove-article" data-article="${a.id}" data-name="${escapeHtml(name)}" data-story="${storyId}">Remove</button></li>`;
}

export function briefFrameUrl(story: StoryRecord): string {
  return `/stories/${story.id}/brief?rev=${story.briefRevision ?? 0}`;
}

export function storyPage(story: StoryRecord, articles: ArticleRecord[], status: StoryStatus, progress: Progress | null, maxBytes: number): string {
  const frame = briefFrameUrl(story);
  const exports = Object.keys(EXPORTS)
    .map((f) => `<a href="/api/stories/${story.id}/export/${f}" download>${f}</a>`)
    .join(' ');
  const bar = progress && progress.total > 0 ? `<progress id="progress" max="${progress.total}" value="${progress.done}"></progress>` : `<progress id="progress"${status === 'analysing' || status === 'queued' ? '' : ' hidden'}></progress>`;
  return layout(
    `${story.name} — Parley`,
    'story',
    `<header class="top story-top">
<nav class="crumbs"><a href="/">Stories</a></nav>
<div class="title-row"><h1 id="story-name">${escapeHtml(story.name)}</h1>
<details class="rename"><summary>Rename</summary><form id="rename-story"><label class="visually-hidden" for="story-new-name">New name</label><input id="story-new-name" name="name" value="${escapeHtml(story.name)}" maxlength="200" required><button type="submit">Save</button></form></details></div>
<div id="status-row"><span id="status" class="status ${status}" role="status">${escapeHtml(statusMessage(story, status, progress))}</span>${bar}${status === 'failed' ? ' <button type="button" id="retry">Try again</button>' : ''}</div>
<nav class="exports" aria-label="Export">Export: ${exports}</nav>
</header>
<div class="workspace">
<aside class="side">
<section class="add" aria-labelledby="add-title"><h2 id="add-title">Add an article</h2>
<form id="add-url" class="stack"><label for="url">Link to the article</label><input id="url" name="url" type="url" required placeholder="https://…"><button type="submit">Add link</button></form>
<details id="paste"><summary>Paste text</summary><form id="add-text" class="stack"><label for="text">Article text</label><textarea id="text" name="text" rows="8" required></textarea>
<div class="fields"><label>Title <input name="title" maxlength="500"></label><label>Outlet <input name="outlet" maxlength="200"></label><label>Published <input name="published" type="date"></label></div>
<button type="submit">Add text</button></form></details>
<details id="upload"><summary>Upload .html or .txt files</summary><form id="add-file" class="stack"><label for="files">Files</label><input id="files" name="files" type="file" multiple accept=".html,.htm,.txt,text/html,text/plain" required><button type="submit">Upload</button></form></details>
<p id="message" class="message" role="alert" hidden></p>
</section>
<section id="articles-panel" aria-labelledby="articles-title"><h2 id="articles-title">Articles (${articles.length})</h2>
${articles.length ? `<ol class="articles">${articles.map((a) => articleItem(story.id, a, frame)).join('\n')}</ol>` : '<p class="empty">None yet.</p>'}
</section>
</aside>
<main class="brief-pane"><iframe id="brief" name="brief" title="Brief of ${escapeHtml(story.name)}" sandbox="allow-scripts" src="${escapeHtml(frame)}"></iframe></main>
</div>`,
    { story: story.id, revision: story.revision, 'brief-revision': story.briefRevision ?? 0, 'max-bytes': maxBytes },
  );
}

/** What the brief frame shows before a story has a brief. */
export function placeholderBrief(message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>No brief yet</title>
<style>body{font:16px/1.5 system-ui,sans-serif;color:#5b6570;margin:3rem auto;max-width:32rem;padding:0 1rem;text-align:center}</style></head>
<body><p>${escapeHtml(message)}</p></body></html>
`;
}

/** Plain, with no stylesheet or script: it may be the answer to a request without the token,
 * which could not load them either. */
export function errorPage(status: number, message: string): string {
  return layout(`${status} — Parley`, 'error', `<header class="top"><h1>${status === 404 ? 'Not found' : 'Something went wrong'}</h1></header><main class="stories"><p>${escapeHtml(message)}</p><p><a href="/">Back to the stories</a></p></main>`, {}, false);
}
