// brief.html: the story in one self-contained page (no network: a Content-Security-Policy forbids
// every fetch and allows only the page's own script). Every item links to its passage: clicking it
// opens the article beside the brief (below it on a phone) with the passage highlighted. Article
// texts travel as JSON in a data block with "<" escaped, and the script puts them on the page with
// textContent only, so an article containing <script> or onerror= runs nothing.
import { createHash } from 'node:crypto';
import type { Brief } from '../types.js';
import { buildStory, readableDate, type Passage, type Story } from '../compare/story.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** JSON safe inside <script type="application/json">: nothing in it can close the element or
 * start a comment, and the JavaScript line separators are escaped too. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function passageHash(p: { article: string; start: number; end: number }): string {
  return `#a=${encodeURIComponent(p.article)}&s=${p.start}&e=${p.end}`;
}

function ref(p: Passage, content: string, cls = ''): string {
  return `<a class="ref${cls ? ` ${cls}` : ''}" href="${escapeHtml(passageHash(p))}" data-article="${escapeHtml(p.article)}">${content}</a>`;
}

function refs(ps: Passage[]): string {
  return ps.map((p) => ref(p, escapeHtml(p.label))).join(', ');
}

function clip(text: string, words = 40): string {
  const w = text.trim().split(/\s+/);
  return w.length <= words ? text.trim() : `${w.slice(0, words).join(' ')}…`;
}

function sourcesBadge(sources: number, articles: number, only: string | null): string {
  if (only) return `<span class="badge single" title="No other independent source reports this">only ${escapeHtml(only)}</span>`;
  const copies = articles > sources ? ` · ${articles} articles` : '';
  return `<span class="badge${sources > 1 ? ' multi' : ''}">${sources} source${sources === 1 ? '' : 's'}${copies}</span>`;
}

function toneClass(t: number): string {
  return t <= -0.15 ? 'neg' : t >= 0.15 ? 'pos' : 'neu';
}

type Cell = string | { html: string; cls: string };

/** A table as pieces of HTML (joined, the table): one piece per row, so that a long table is never
 * one string. */
function table(head: string[], rows: Cell[][], cls = ''): string[] {
  const td = (c: Cell): string => (typeof c === 'string' ? `<td>${c}</td>` : `<td class="${c.cls}">${c.html}</td>`);
  const row = (r: Cell[]) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${typeof c === 'string' ? c : c.html}</th>` : td(c))).join('')}</tr>`;
  return [
    `<div class="scroll"><table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>`,
    ...between(rows.map(row), '\n'),
    '</tbody></table></div>',
  ];
}

/** The items with `separator` between them, as pieces. */
function between(items: string[], separator: string): string[] {
  const out: string[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(separator);
    out.push(item);
  });
  return out;
}

/** A list of items as pieces, or `empty` when there is none. */
function list(items: string[], empty: string): string[] {
  return items.length ? ['<ul class="items">', ...between(items, '\n'), '</ul>'] : [empty];
}

const CSS = `
:root{--fg:#1d232a;--muted:#5b6570;--line:#d9dee3;--bg:#fff;--soft:#f4f6f8;--accent:#1f5fa8;--mark:#ffe27a;--neg:#fbe3e1;--pos:#e1f3e4;}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
.layout{display:block}
main{max-width:1080px;margin:0 auto;padding:1rem 1rem 4rem;min-width:0}
main p,main li,.claim,.sub,h3{overflow-wrap:anywhere}
h1{font-size:1.6rem;margin:.2rem 0}
h2{font-size:1.25rem;margin:2rem 0 .6rem;padding-top:.6rem;border-top:2px solid var(--line)}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.sub{color:var(--muted);margin:0 0 .6rem}
nav.toc{display:flex;flex-wrap:wrap;gap:.3rem .8rem;font-size:.9rem}
a{color:var(--accent)}
a.ref{text-decoration:none;border-bottom:1px dotted var(--accent)}
a.ref:hover,a.ref:focus{background:var(--soft)}
a.ref.active{background:var(--mark)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:normal;word-break:normal;hyphens:auto}
tbody th{min-width:7.5rem;font-weight:600}
.tag{font:600 .72rem/1 ui-monospace,monospace;padding:.1rem .25rem;border:1px solid var(--line);border-radius:.2rem;background:var(--bg)}
thead th{background:var(--soft);font-weight:600;white-space:nowrap}
.badge{display:inline;font-size:.78rem;padding:0 .45rem;border-radius:.7rem;background:var(--soft);color:var(--muted);box-decoration-break:clone;-webkit-box-decoration-break:clone}
.badge.multi{background:#e3edf8;color:#174a84}
.badge.single{background:#fff1d6;color:#7a4b00}
.kind{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
ul.items{padding-left:1.1rem}
ul.items li{margin:.35rem 0}
.quote{font-style:italic}
.claims{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:.6rem;margin:.4rem 0 1rem}
.claim{border:1px solid var(--line);border-radius:.4rem;padding:.5rem .6rem;background:var(--soft)}
.claim .who{font-weight:600;font-size:.9rem}
.explain{margin:.2rem 0}
.stance{font-size:.85rem;font-weight:600}
.stance.support,.stance.offer{color:#1d6b34}.stance.oppose{color:#a1261b}.stance.demand{color:#7a4b00}.stance.conditional{color:#5a3c8a}
td.neg{background:var(--neg)}td.pos{background:var(--pos)}
.cues{display:block;font-size:.8rem;color:var(--muted)}
.date{white-space:nowrap;font-weight:600}
details.uncertain{margin:.8rem 0;padding:.3rem .6rem;border:1px dashed var(--line);border-radius:.4rem;color:var(--muted)}
details.uncertain summary{cursor:pointer;font-size:.9rem}
#passage{position:fixed;left:0;right:0;bottom:0;height:55vh;background:var(--bg);border-top:2px solid var(--accent);box-shadow:0 -4px 16px rgba(0,0,0,.12);display:flex;flex-direction:column;z-index:5}
#passage[hidden]{display:none}
.passage-bar{display:flex;gap:.6rem;align-items:flex-start;justify-content:space-between;padding:.5rem .8rem;border-bottom:1px solid var(--line);background:var(--soft)}
.passage-head{font-size:.9rem}
.passage-head .meta{display:block;color:var(--muted);font-size:.82rem}
#close{font:inherit;font-size:.85rem;padding:.25rem .7rem;border:1px solid var(--line);border-radius:.3rem;background:var(--bg);cursor:pointer}
.passage-body{overflow:auto;padding:.8rem 1rem 2rem;white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;line-height:1.6}
mark#hl{background:var(--mark);padding:.05rem 0;outline:2px solid #e0b000}
body.reading main{padding-bottom:58vh}
@media (min-width:1100px){
 body.reading .layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(360px,42%)}
 body.reading main{padding-bottom:4rem;margin:0;max-width:none}
 #passage{position:sticky;top:0;height:100vh;border-top:none;border-left:2px solid var(--accent);box-shadow:none}
}
@media print{#passage{display:none}a.ref{border:none;color:inherit}}
`;

/** The page's only script: open a passage from a link or the URL's hash, with textContent only. */
const SCRIPT = `(function(){
var data=JSON.parse(document.getElementById('parley-data').textContent);
var panel=document.getElementById('passage');
var head=panel.querySelector('.passage-head');
var body=panel.querySelector('.passage-body');
var active=null;
function parse(hash){var m=/^#a=([^&]*)&s=(\\d+)&e=(\\d+)$/.exec(hash||'');if(!m)return null;try{return{a:decodeURIComponent(m[1]),s:+m[2],e:+m[3]};}catch(err){return null;}}
function show(p,link){
var art=Object.prototype.hasOwnProperty.call(data.articles,p.a)?data.articles[p.a]:null;if(!art)return;
var t=art.text;var s=Math.max(0,Math.min(p.s,t.length));var e=Math.max(s,Math.min(p.e,t.length));
head.textContent='';var h=document.createElement('strong');h.textContent=art.label;head.appendChild(h);
var meta=document.createElement('span');meta.className='meta';meta.textContent=[art.title,art.published,art.kind].filter(Boolean).join(' \\u00b7 ');head.appendChild(meta);
body.textContent='';body.appendChild(document.createTextNode(t.slice(0,s)));
var mark=null;if(e>s){mark=document.createElement('mark');mark.id='hl';mark.textContent=t.slice(s,e);body.appendChild(mark);}
body.appendChild(document.createTextNode(t.slice(e)));
panel.hidden=false;panel.setAttribute('data-article',p.a);document.body.classList.add('reading');
if(active)active.classList.remove('active');active=link||null;if(active)active.classList.add('active');
if(mark){mark.scrollIntoView({block:'center'});}else{body.scrollTop=0;}
}
document.addEventListener('click',function(ev){
var el=ev.target;while(el&&el!==document&&!(el.classList&&el.classList.contains('ref')))el=el.parentNode;
if(!el||el===document)return;var p=parse(el.getAttribute('href'));if(!p)return;
ev.preventDefault();try{history.replaceState(null,'',el.getAttribute('href'));}catch(err){}show(p,el);});
window.addEventListener('hashchange',function(){var p=parse(location.hash);if(p)show(p,null);});
document.getElementById('close').addEventListener('click',function(){panel.hidden=true;document.body.classList.remove('reading');if(active)active.classList.remove('active');active=null;
try{history.replaceState(null,'',location.pathname+location.search);}catch(err){}});
var first=parse(location.hash);if(first)show(first,null);
})();`;

/** Items under the confidence threshold: after the section, collapsed by default. */
function uncertainBlock(story: Story, id: string): string[] {
  const items = story.uncertain.get(id);
  if (!items?.length) return [];
  return [
    `<details class="uncertain"><summary>Uncertain (${items.length}): below the confidence threshold — check the passage before using</summary><ul class="items">`,
    ...between(
      items.map(
        (u) =>
          `<li>${u.evidence[0] ? ref(u.evidence[0], escapeHtml(clip(u.text, 40))) : escapeHtml(clip(u.text, 40))} <span class="badge">confidence ${u.confidence.toFixed(2)}</span>${u.evidence.length > 1 ? ` ${refs(u.evidence.slice(1))}` : ''}</li>`,
      ),
      '\n',
    ),
    '</ul></details>',
  ];
}

function articlesSection(story: Story, brief: Brief): string[] {
  if (brief.articles.length === 0) return ['<p>No article could be analysed.</p>'];
  const rows = story.articles.map((s) => {
    const a = s.article;
    const source = s.copyOf
      ? `copy of ${escapeHtml(story.labels.get(s.copyOf) ?? s.copyOf)}`
      : s.wire
        ? `${escapeHtml(s.wire)} wire`
        : s.sameSourceAs.length
          ? `same source as ${escapeHtml(s.sameSourceAs.map((id) => story.labels.get(id) ?? id).join(', '))}`
          : 'own reporting';
    const published = a.published ? `${escapeHtml(a.published)}${a.publishedBasis && a.publishedBasis !== 'metadata' ? ` <span class="kind">${escapeHtml(a.publishedBasis)}</span>` : ''}` : '—';
    return [
      `${ref({ article: a.id, start: 0, end: 0, label: s.label }, escapeHtml(s.label))} <span class="tag">${escapeHtml(story.tags.get(a.id) ?? '')}</span>`,
      escapeHtml(a.title ?? '—'),
      published,
      a.kind ? `<span class="kind">${a.kind}</span>` : '—',
      escapeHtml(a.authors.join(', ') || '—'),
      source,
    ];
  });
  const n = brief.articles.length;
  return [`<p>${n} article${n === 1 ? '' : 's'} from ${story.independentSources} independent source${story.independentSources === 1 ? '' : 's'}.</p>`, ...table(['outlet', 'title', 'published', 'kind', 'authors', 'source'], rows)];
}

export function renderHtml(brief: Brief, story: Story = buildStory(brief)): string {
  return [...htmlChunks(brief, story)].join('');
}

/** brief.html in pieces (see stream.ts), one section at a time: each section's pieces are made when
 * it is written. Joined, they are renderHtml's text. */
export function* htmlChunks(brief: Brief, story: Story = buildStory(brief)): Generator<string> {
  const parts: [string, string, () => string[]][] = [];
  parts.push(['articles', 'Articles', () => articlesSection(story, brief)]);

  if (story.actors) {
    const actors = story.actors;
    parts.push(['actors', 'Actors', () => {
      const rows = actors
        .slice(0, 40)
        .map((a) => [
          a.first ? ref(a.first, escapeHtml(a.entity.name)) : escapeHtml(a.entity.name),
          escapeHtml(a.entity.type),
          escapeHtml(a.entity.roles.join(', ') || '—'),
          escapeHtml(a.entity.aliases.slice(0, 5).join(', ') || '—'),
          String(a.articles),
          String(a.mentions),
        ]);
      return rows.length ? table(['actor', 'type', 'roles', 'also called', 'articles', 'mentions'], rows) : ['<p>No actor was identified.</p>'];
    }]);
  }

  if (story.matrix) {
    const matrix = story.matrix;
    parts.push(['positions', 'What each side wants', () => {
      const issues = story.issues.slice(0, 10);
      const rows = [...matrix].map(([actor, row]) => [
        escapeHtml(actor),
        ...issues.map((i) => {
          const c = row.get(i);
          if (!c) return '';
          return `${c.stances.map((s) => `<span class="stance ${s}">${s}</span>`).join(' / ')}<br>${c.evidence.map((p) => ref(p, `<span class="tag" title="${escapeHtml(p.label)}">${escapeHtml(story.tags.get(p.article) ?? p.label)}</span>`)).join(' ')}`;
        }),
      ]);
      return rows.length ? table(['actor', ...issues.map(escapeHtml)], rows, 'matrix') : ['<p>No position on an issue was found.</p>'];
    }]);
  }

  if (story.conditions) {
    const conditions = story.conditions;
    parts.push(['conditions', 'Conditions', () => {
      const items = conditions.map(
        (c) =>
          `<li><strong>${escapeHtml(c.actor)}</strong>: ${escapeHtml(c.commitment)} — <em>condition:</em> ${escapeHtml(c.condition)} ${sourcesBadge(c.sources, c.evidence.length, null)}<br>${refs(c.evidence)}</li>`,
      );
      return list(items, '<p>No conditional commitment was found.</p>');
    }]);
  }

  if (story.timeline) {
    const timeline = story.timeline;
    parts.push(['timeline', 'Timeline', () => {
      const items = timeline.map(
        (t) => `<li><span class="date">${escapeHtml(readableDate(t.date))}</span> — ${ref(t.evidence[0], escapeHtml(clip(t.text, 30)))} ${t.evidence.length > 1 ? `(${refs(t.evidence)})` : `<span class="badge">${escapeHtml(t.evidence[0].label)}</span>`}</li>`,
      );
      return list(items, '<p>No dated event was found.</p>');
    }]);
  }

  if (story.speakers) {
    const speakers = story.speakers;
    parts.push(['quotes', 'Who said what', () => {
      const blocks = speakers.map((s) => {
        const items = s.statements.map((st) => {
          const who = s.id === null ? [...new Set(st.quotes.map((q) => q.speakerText).filter((x): x is string => !!x))].join('; ') : '';
          const others = st.otherSpeakers.map((o) => `<br><span class="badge single">${escapeHtml(o.outlets.join(', '))} attribute${o.outlets.length === 1 ? 's' : ''} it to ${escapeHtml(o.name)}</span>`).join('');
          return `<li>${ref(st.quotes[0].passage, `<span class="quote">“${escapeHtml(clip(st.text))}”</span>`, 'q')}${who ? ` — ${escapeHtml(who)}` : ''} ${sourcesBadge(st.sources, st.articles, st.onlySource)}${others}${st.quotes.length > 1 ? `<br>quoted by ${st.quotes.map((q) => ref(q.passage, escapeHtml(q.passage.label))).join(', ')}` : ''}</li>`;
        });
        return [`<h3>${escapeHtml(s.name)}${s.roles.length ? ` <span class="kind">${escapeHtml(s.roles.slice(0, 2).join(', '))}</span>` : ''}</h3><ul class="items">`, ...between(items, '\n'), '</ul>'];
      });
      return blocks.length ? blocks.flatMap((b, i) => (i > 0 ? ['\n', ...b] : b)) : ['<p>No quotation was found.</p>'];
    }]);
  }

  if (story.events) {
    const events = story.events;
    parts.push(['events', 'Events', () => {
      const items = events
        .slice(0, 60)
        .map(
          (e) =>
            `<li>${e.date ? `<span class="date">${escapeHtml(readableDate(e.date))}</span> ` : ''}<span class="kind">${escapeHtml(e.type)}</span> ${e.evidence[0] ? ref(e.evidence[0], escapeHtml(clip(e.text, 30))) : escapeHtml(clip(e.text, 30))} ${sourcesBadge(e.sources, e.evidence.length, e.onlySource)}</li>`,
        );
      return list(items, '<p>No event was found.</p>');
    }]);
  }

  if (story.discrepancies) {
    const discrepancies = story.discrepancies;
    parts.push(['discrepancies', 'Where the sources disagree', () => {
      const blocks = discrepancies.map(
        (d) =>
          `<article class="discrepancy"><h3>${escapeHtml(d.topic)}</h3><p class="explain">${escapeHtml(d.explanation)}</p><div class="claims">${d.passages
            .map((p, i) => `<div class="claim"><div class="who">${escapeHtml(p.label)}</div>${ref(p, escapeHtml(clip(d.claims[i].text, 60)))}</div>`)
            .join('')}</div></article>`,
      );
      return blocks.length ? between(blocks, '\n') : ['<p>No disagreement between the outlets was found.</p>'];
    }]);
  }

  if (story.framing) {
    const framing = story.framing;
    parts.push(['framing', 'Framing', () => {
      const framed = new Set(framing.flatMap((r) => [...r.cells.keys()]));
      const ids = brief.articles.map((a) => a.id).filter((id) => framed.has(id));
      const rows = framing.map((r) => {
        const cells = ids.map((id) => {
          const c = r.cells.get(id);
          if (!c) return '' as Cell;
          const t = c.tone > 0 ? `+${c.tone.toFixed(2)}` : c.tone.toFixed(2);
          const label = c.passage ? ref(c.passage, t) : t;
          return {
            cls: toneClass(c.tone),
            html: `${label} <span class="cues">${escapeHtml([...new Set(c.cues)].slice(0, 4).join(', '))}${c.cues.length ? '<br>' : ''}${c.mentions} mention${c.mentions === 1 ? '' : 's'} · ${c.quotes} quote${c.quotes === 1 ? '' : 's'}</span>`,
          };
        });
        return [escapeHtml(r.name), ...cells] as Cell[];
      });
      const tableHtml = table(['actor', ...ids.map((id) => `<span title="${escapeHtml(story.labels.get(id) ?? id)}">${escapeHtml(story.tags.get(id) ?? id)}</span>`)], rows, 'framing');
      return [
        '<p>Tone of each outlet’s own words toward each actor, from −1 (hostile) to +1 (favourable): the reporting verbs it chose for the actor (“claimed”, “insisted” vs “said”) and judging words next to its name — never words inside quotations. “quotes” counts the actor’s quotations the outlet chose to carry.</p>',
        ...(rows.length ? tableHtml : ['<p>No actor is framed by more than a passing mention.</p>']),
        story.framingLeftOut > 0 ? `<p>${story.framingLeftOut} less mentioned actor${story.framingLeftOut === 1 ? ' is' : 's are'} left out of this table; brief.json has them.</p>` : '',
      ];
    }]);
  }

  if (brief.problems.length > 0) {
    parts.push(['problems', 'Problems', () => ['<ul class="items">', ...between(brief.problems.map((p) => `<li><strong>${escapeHtml(p.source)}</strong>: ${escapeHtml(p.message)}</li>`), '\n'), '</ul>']]);
  }

  const scriptHash = createHash('sha256').update(SCRIPT, 'utf8').digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`;
  const toc = parts.map(([id, title]) => `<a href="#${id}">${escapeHtml(title)}</a>`).join('');
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Parley brief${story.title ? ` — ${escapeHtml(story.title)}` : ''}</title>
<style>${CSS}</style>
</head>
<body>
<div class="layout">
<main>
<header><h1>Parley brief</h1>${story.title ? `<p class="sub">${escapeHtml(story.title)}</p>` : ''}<p class="sub">Click any underlined item to read the passage it comes from.</p><nav class="toc">${toc}</nav></header>
`;
  for (let k = 0; k < parts.length; k++) {
    const [id, title, body] = parts[k];
    yield `${k > 0 ? '\n' : ''}<section id="${id}"><h2>${escapeHtml(title)}</h2>\n`;
    yield* body();
    yield* uncertainBlock(story, id);
    yield '\n</section>';
  }
  yield `
</main>
<aside id="passage" hidden aria-label="Source passage"><div class="passage-bar"><div class="passage-head"></div><button id="close" type="button">Close</button></div><div class="passage-body" tabindex="0"></div></aside>
</div>
<script type="application/json" id="parley-data">`;
  // The article texts, one article at a time (the JSON of { articles: { id: {...} } }, as
  // jsonForScript writes it).
  const articles = Object.fromEntries(
    brief.articles.map((a) => [a.id, { label: story.labels.get(a.id) ?? a.id, title: a.title, published: a.published, kind: a.kind, text: a.text }]),
  );
  yield '{"articles":{';
  let first = true;
  for (const [id, value] of Object.entries(articles)) {
    yield `${first ? '' : ','}${jsonForScript(id)}:${jsonForScript(value)}`;
    first = false;
  }
  yield `}}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
