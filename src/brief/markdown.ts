// brief.md: the story in one page of Markdown. Sections appear only when the brief computed them;
// every item links to its passage in brief.html (same folder), which opens the article there with
// the passage highlighted.
import type { Brief } from '../types.js';
import { buildStory, readableDate, type Passage, type Story } from '../compare/story.js';

/** Escape text so Markdown shows it literally (article text may contain any character). */
export function escapeMarkdown(text: string): string {
  // Inline characters that start emphasis, code, links, HTML, entities or table cells are escaped
  // everywhere; block markers (#, -, +, "1.") only where they would start a line, so that dates
  // and hyphenated names stay readable in the raw file.
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_\[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^([#+\-=]|\d+(?=[.)]))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** The link that opens a passage in brief.html. */
export function passageHref(p: { article: string; start: number; end: number }): string {
  // Parentheses too: a ")" in an article id would end the Markdown link.
  const id = encodeURIComponent(p.article).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `brief.html#a=${id}&s=${p.start}&e=${p.end}`;
}

function link(p: Passage, text = p.label): string {
  return `[${escapeMarkdown(text)}](${passageHref(p)})`;
}

function links(ps: Passage[]): string {
  return ps.map((p) => link(p)).join(', ');
}

function sourcesNote(sources: number, articles: number, only: string | null): string {
  if (only) return `only ${escapeMarkdown(only)}`;
  const copies = articles > sources ? ` (${articles} articles)` : '';
  return `${sources} independent source${sources === 1 ? '' : 's'}${copies}`;
}

function clip(text: string, words = 40): string {
  const w = text.trim().split(/\s+/);
  return w.length <= words ? text.trim() : `${w.slice(0, words).join(' ')}…`;
}

/** Items under the confidence threshold: after the section, collapsed, each with its confidence. */
function uncertainBlock(story: Story, section: string): string[] {
  const items = story.uncertain.get(section);
  if (!items?.length) return [];
  return [
    '<details><summary>Uncertain (' + items.length + '): below the confidence threshold — check the passage before using</summary>',
    '',
    ...items.map((u) => `- ${escapeMarkdown(clip(u.text, 40))} — confidence ${u.confidence.toFixed(2)} (${links(u.evidence)})`),
    '',
    '</details>',
    '',
  ];
}

function tone(t: number): string {
  return t > 0 ? `+${t.toFixed(2)}` : t.toFixed(2);
}

export function renderMarkdown(brief: Brief, story: Story = buildStory(brief)): string {
  return [...markdownChunks(brief, story)].join('');
}

/** brief.md in chunks of lines (see stream.ts); joined, they are renderMarkdown's text. */
export function* markdownChunks(brief: Brief, story: Story = buildStory(brief)): Generator<string> {
  let out: string[] = ['# Parley brief', ''];
  // Hands over the lines so far once there are enough of them (`force`: whatever there is).
  function* flush(force = false): Generator<string> {
    if (out.length === 0 || (!force && out.length < 2000)) return;
    yield `${out.join('\n')}\n`;
    out = [];
  }
  if (story.title) out.push(`_${escapeMarkdown(story.title)}_`, '');
  out.push('Every link opens the passage it comes from in `brief.html` (same folder).', '');

  out.push('## Articles', '');
  if (brief.articles.length === 0) out.push('No article could be analysed.', '');
  else {
    out.push(`${brief.articles.length} article${brief.articles.length === 1 ? '' : 's'} from ${story.independentSources} independent source${story.independentSources === 1 ? '' : 's'}.`, '');
    out.push('| outlet | tag | title | published | kind | authors | source |', '|---|---|---|---|---|---|---|');
    for (const s of story.articles) {
      const a = s.article;
      const published = a.published ? `${a.published}${a.publishedBasis && a.publishedBasis !== 'metadata' ? ` (${a.publishedBasis})` : ''}` : '—';
      const source = s.copyOf
        ? `copy of ${story.labels.get(s.copyOf) ?? s.copyOf}`
        : s.wire
          ? `${s.wire} wire`
          : s.sameSourceAs.length
            ? `same source as ${s.sameSourceAs.map((id) => story.labels.get(id) ?? id).join(', ')}`
            : 'own reporting';
      out.push(
        `| ${link({ article: a.id, start: 0, end: 0, label: s.label })} | ${escapeMarkdown(story.tags.get(a.id) ?? '')} | ${escapeMarkdown(a.title ?? '—')} | ${escapeMarkdown(published)} | ${a.kind ?? '—'} | ${escapeMarkdown(a.authors.join(', ') || '—')} | ${escapeMarkdown(source)} |`,
      );
      yield* flush();
    }
    out.push('');
  }

  if (story.actors) {
    out.push('## Actors', '');
    if (story.actors.length === 0) out.push('No actor was identified.', '');
    else {
      out.push('| actor | type | roles | also called | articles | mentions |', '|---|---|---|---|---|---|');
      for (const a of story.actors.slice(0, 40)) {
        const nameCell = a.first ? link(a.first, a.entity.name) : escapeMarkdown(a.entity.name);
        out.push(
          `| ${nameCell} | ${a.entity.type} | ${escapeMarkdown(a.entity.roles.join(', ') || '—')} | ${escapeMarkdown(a.entity.aliases.slice(0, 5).join(', ') || '—')} | ${a.articles} | ${a.mentions} |`,
        );
      }
      out.push('');
    }
  }

  if (story.matrix) {
    out.push('## What each side wants', '');
    if (story.matrix.size === 0) out.push('No position on an issue was found.', '');
    else {
      const issues = story.issues.slice(0, 10);
      out.push(`| actor | ${issues.map(escapeMarkdown).join(' | ')} |`, `|---|${issues.map(() => '---').join('|')}|`);
      for (const [actor, row] of story.matrix) {
        const cells = issues.map((i) => {
          const c = row.get(i);
          return c ? `${c.stances.join(' / ')} ${c.evidence.map((p) => link(p, story.tags.get(p.article) ?? p.label)).join(' ')}` : '';
        });
        out.push(`| ${escapeMarkdown(actor)} | ${cells.join(' | ')} |`);
        yield* flush();
      }
      out.push('');
    }
    for (const line of uncertainBlock(story, 'positions')) out.push(line);
    yield* flush();
  }

  if (story.conditions) {
    out.push('## Conditions', '');
    if (story.conditions.length === 0) out.push('No conditional commitment was found.', '');
    for (const c of story.conditions) {
      out.push(`- **${escapeMarkdown(c.actor)}**: ${escapeMarkdown(c.commitment)} — _condition:_ ${escapeMarkdown(c.condition)} (${links(c.evidence)}; ${sourcesNote(c.sources, c.evidence.length, null)})`);
      yield* flush();
    }
    out.push('');
    for (const line of uncertainBlock(story, 'conditions')) out.push(line);
    yield* flush();
  }

  if (story.timeline) {
    out.push('## Timeline', '');
    if (story.timeline.length === 0) out.push('No dated event was found.', '');
    for (const t of story.timeline) {
      out.push(`- **${escapeMarkdown(readableDate(t.date))}** — ${escapeMarkdown(clip(t.text, 30))} (${links(t.evidence)})`);
      yield* flush();
    }
    out.push('');
  }

  if (story.speakers) {
    out.push('## Who said what', '');
    if (story.speakers.length === 0) out.push('No quotation was found.', '');
    for (const s of story.speakers) {
      out.push(`### ${escapeMarkdown(s.name)}${s.roles.length ? ` — ${escapeMarkdown(s.roles.slice(0, 2).join(', '))}` : ''}`, '');
      for (const st of s.statements) {
        const who = s.id === null ? [...new Set(st.quotes.map((q) => q.speakerText).filter(Boolean))].join('; ') : '';
        const others = st.otherSpeakers.map((o) => ` (${escapeMarkdown(o.outlets.join(', '))} attribute${o.outlets.length === 1 ? 's' : ''} it to ${escapeMarkdown(o.name)})`).join('');
        out.push(
          `- “${escapeMarkdown(clip(st.text))}”${who ? ` — ${escapeMarkdown(who)}` : ''} — ${sourcesNote(st.sources, st.articles, st.onlySource)}: ${st.quotes.map((q) => link(q.passage)).join(', ')}${others}`,
        );
        yield* flush();
      }
      out.push('');
    }
    for (const line of uncertainBlock(story, 'quotes')) out.push(line);
    yield* flush();
  }

  if (story.events) {
    out.push('## Events', '');
    if (story.events.length === 0) out.push('No event was found.', '');
    for (const e of story.events.slice(0, 60)) {
      out.push(`- ${e.date ? `**${escapeMarkdown(readableDate(e.date))}** ` : ''}_${escapeMarkdown(e.type)}_: ${escapeMarkdown(clip(e.text, 30))} — ${sourcesNote(e.sources, e.evidence.length, e.onlySource)} (${links(e.evidence)})`);
    }
    out.push('');
  }

  if (story.discrepancies) {
    out.push('## Where the sources disagree', '');
    if (story.discrepancies.length === 0) out.push('No disagreement between the outlets was found.', '');
    for (const d of story.discrepancies) {
      out.push(`### ${escapeMarkdown(d.topic)}`, '', escapeMarkdown(d.explanation), '');
      d.passages.forEach((p, i) => out.push(`> **${escapeMarkdown(p.label)}** (${link(p, 'passage')}): ${escapeMarkdown(clip(d.claims[i].text, 60))}`, '>'));
      if (out[out.length - 1] === '>') out.pop();
      out.push('');
      yield* flush();
    }
    for (const line of uncertainBlock(story, 'discrepancies')) out.push(line);
    yield* flush();
  }

  if (story.framing) {
    out.push('## Framing', '');
    out.push('Tone of each outlet’s own words toward each actor, from −1 (hostile) to +1 (favourable): the reporting verbs it chose for the actor and judging words next to its name, never words inside quotations. “quotes” is how many of the actor’s quotations the outlet chose to carry.', '');
    if (story.framing.length === 0) out.push('No actor is framed by more than a passing mention.', '');
    else {
      const framed = new Set(story.framing.flatMap((r) => [...r.cells.keys()]));
      const ids = brief.articles.map((a) => a.id).filter((id) => framed.has(id));
      out.push(`| actor | ${ids.map((id) => escapeMarkdown(story.tags.get(id) ?? id)).join(' | ')} |`, `|---|${ids.map(() => '---').join('|')}|`);
      for (const r of story.framing) {
        const cells = ids.map((id) => {
          const c = r.cells.get(id);
          if (!c) return '';
          const cues = c.cues.length ? ` (${escapeMarkdown([...new Set(c.cues)].slice(0, 4).join(', '))})` : '';
          return `${tone(c.tone)}${cues}; ${c.mentions} mention${c.mentions === 1 ? '' : 's'}, ${c.quotes} quote${c.quotes === 1 ? '' : 's'}`;
        });
        out.push(`| ${escapeMarkdown(r.name)} | ${cells.join(' | ')} |`);
        yield* flush();
      }
      out.push('');
      if (story.framingLeftOut > 0) out.push(`${story.framingLeftOut} less mentioned actor${story.framingLeftOut === 1 ? ' is' : 's are'} left out of this table; brief.json has them.`, '');
    }
    for (const line of uncertainBlock(story, 'framing')) out.push(line);
    yield* flush();
  }

  if (brief.problems.length > 0) {
    out.push('## Problems', '');
    for (const p of brief.problems) {
      out.push(`- **${escapeMarkdown(p.source)}**: ${escapeMarkdown(p.message)}`);
      yield* flush();
    }
    out.push('');
  }
  yield* flush(true);
}
