// Shared checks for the whole-pipeline robustness tests: the brief's offset and reference
// integrity (BRIEF.md: every item points back into its article), the bad-input batch, and
// the inertness of brief.html.
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync, openSync, closeSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseHTML } from 'linkedom';
import type { Brief, Span } from '../../src/types.js';
import { failedStage } from '../../src/pipeline.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'robustness');

/** Every violation of the brief's span and reference contract, as readable lines (empty = sound). */
export function integrityViolations(brief: Brief): string[] {
  const out: string[] = [];
  const texts = new Map<string, string>();
  const oneOf = (where: string, value: unknown, allowed: readonly unknown[]) => {
    if (!allowed.includes(value)) out.push(`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(allowed)}`);
  };
  if (brief.schema !== 'parley/brief@1') out.push(`schema: ${JSON.stringify(brief.schema)}`);
  for (const a of brief.articles) {
    if (texts.has(a.id)) out.push(`articles: duplicate id "${a.id}"`);
    if (typeof a.text !== 'string') out.push(`articles: "${a.id}" has no text`);
    texts.set(a.id, a.text);
    oneOf(`articles ${a.id} publishedBasis`, a.publishedBasis, ['metadata', 'dateline', 'inferred', null]);
    oneOf(`articles ${a.id} kind`, a.kind, ['news', 'analysis', 'opinion', null]);
    if ((a.published === null) !== (a.publishedBasis === null)) out.push(`articles ${a.id}: published ${JSON.stringify(a.published)} with basis ${JSON.stringify(a.publishedBasis)}`);
    if (a.published !== null && !/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(a.published)) {
      out.push(`articles ${a.id}: published ${JSON.stringify(a.published)} is not ISO 8601`);
    }
    if (!/^[a-z]{2,3}$/.test(a.language)) out.push(`articles ${a.id}: language ${JSON.stringify(a.language)} is not an ISO 639 code`);
    if (!Array.isArray(a.authors)) out.push(`articles ${a.id}: authors is not an array`);
  }
  const entityIds = new Set<string>();
  for (const e of brief.entities ?? []) {
    if (entityIds.has(e.id)) out.push(`entities: duplicate id "${e.id}"`);
    entityIds.add(e.id);
  }

  const span = (where: string, s: Span | undefined): string | null => {
    if (!s || typeof s !== 'object') {
      out.push(`${where}: not a span`);
      return null;
    }
    const text = texts.get(s.article);
    if (text === undefined) {
      out.push(`${where}: names article "${s.article}", which is not in articles`);
      return null;
    }
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > text.length || s.start >= s.end) {
      out.push(`${where}: [${s.start}, ${s.end}) is not a non-empty range inside "${s.article}" (length ${text.length})`);
      return null;
    }
    // A boundary between the two halves of a surrogate pair means offsets were counted in code points.
    for (const i of [s.start, s.end]) {
      if (i > 0 && i < text.length && /[\uD800-\uDBFF]/.test(text[i - 1]) && /[\uDC00-\uDFFF]/.test(text[i])) {
        out.push(`${where}: offset ${i} in "${s.article}" splits a surrogate pair`);
      }
    }
    return text.slice(s.start, s.end);
  };
  const sameText = (where: string, s: Span & { text: string }) => {
    const slice = span(where, s);
    if (slice !== null && slice !== s.text) out.push(`${where}: text ${JSON.stringify(s.text)} ≠ slice ${JSON.stringify(slice)}`);
  };
  const entityRef = (where: string, id: string | null | undefined, nullable: boolean) => {
    if (id === null || id === undefined) {
      if (!nullable) out.push(`${where}: missing entity id`);
      return;
    }
    if (!entityIds.has(id)) out.push(`${where}: entity "${id}" is not in entities`);
  };

  (brief.entities ?? []).forEach((e) => {
    if (!e.name) out.push(`entities ${e.id}: empty name`);
    oneOf(`entities ${e.id} type`, e.type, ['person', 'organization', 'place', 'group', 'other']);
    if (!Array.isArray(e.mentions) || e.mentions.length === 0) out.push(`entities ${e.id} (${e.name}): no mentions`);
    e.mentions?.forEach((m, i) => span(`entities ${e.id} (${e.name}) mention ${i}`, m));
  });
  (brief.quotes ?? []).forEach((q) => {
    sameText(`quotes ${q.id}`, q);
    entityRef(`quotes ${q.id} speaker`, q.speaker, true);
  });
  (brief.times ?? []).forEach((t, i) => {
    sameText(`times ${i} (${JSON.stringify(t.text)})`, t);
    oneOf(`times ${i} anchor`, t.anchor, ['published', 'text', 'absolute', null]);
  });
  (brief.events ?? []).forEach((e) => {
    if (!e.evidence?.length) out.push(`events ${e.id}: no evidence`);
    const slices = (e.evidence ?? []).map((s, i) => span(`events ${e.id} evidence ${i}`, s));
    if (e.evidence?.length && !slices.includes(e.text)) out.push(`events ${e.id}: text ${JSON.stringify(e.text)} is the slice of none of its evidence spans`);
    entityRef(`events ${e.id} source`, e.source, true);
    entityRef(`events ${e.id} target`, e.target, true);
    entityRef(`events ${e.id} location`, e.location, true);
  });
  (brief.positions ?? []).forEach((p, i) => {
    entityRef(`positions ${i} actor`, p.actor, false);
    oneOf(`positions ${i} stance`, p.stance, ['support', 'oppose', 'demand', 'offer', 'conditional']);
    if (!p.evidence?.length) out.push(`positions ${i}: no evidence`);
    p.evidence?.forEach((s, j) => span(`positions ${i} (${p.issue}) evidence ${j}`, s));
  });
  (brief.conditions ?? []).forEach((c, i) => {
    entityRef(`conditions ${i} actor`, c.actor, false);
    if (!c.evidence?.length) out.push(`conditions ${i}: no evidence`);
    c.evidence?.forEach((s, j) => span(`conditions ${i} evidence ${j}`, s));
  });
  (brief.discrepancies ?? []).forEach((d, i) => {
    d.claims.forEach((c, j) => sameText(`discrepancies ${i} (${d.topic}) claim ${j}`, c));
    if (new Set(d.claims.map((c) => c.article)).size < 2) out.push(`discrepancies ${i} (${d.topic}): claims from fewer than two articles`);
  });
  (brief.framing ?? []).forEach((f, i) => {
    if (!texts.has(f.article)) out.push(`framing ${i}: article "${f.article}" is not in articles`);
    entityRef(`framing ${i} entity`, f.entity, false);
    if (!(f.tone >= -1 && f.tone <= 1)) out.push(`framing ${i}: tone ${f.tone} outside −1..1`);
  });
  brief.problems.forEach((p, i) => {
    if (!p.source || !p.message) out.push(`problems ${i}: empty source or message`);
    // A stage that threw is isolated into a problem so the batch goes on; for these checks it is
    // still a crash.
    if (failedStage(p)) out.push(`problems ${i}: stage failed: ${p.message}`);
  });
  return out;
}

/** Spans of one article, per section, for tests that look at what one input produced. */
export function quotesOf(brief: Brief, article: string) {
  return (brief.quotes ?? []).filter((q) => q.article === article);
}

/** Words by which a problem message tells the user what to do next. */
export const ACTIONABLE = /\b(?:check|save|pass|convert|make|copy|split|add|paste|use|point|try|open|remove|shorten|cut)\b/i;

export interface BadBatch {
  dir: string;
  good: string;
  /** Bad inputs by case name; each must come back as a problem naming it. */
  bad: Record<string, string>;
  /** The bad inputs that are not files inside `dir` (passed to the CLI on their own). */
  outside: string[];
  /** Inputs that are odd but must still be analysed as articles. */
  analysed: Record<string, string>;
  /** Inputs that are analysed and also reported (non-English). */
  reported: Record<string, string>;
  /** True when chmod 000 does not stop this user (root) from reading the file. */
  unreadableIsReadable: boolean;
}

export const SIZE_CAP_TEST_BYTES = 50 * 1024 * 1024;

/** Write the bad-input batch into a fresh temporary folder. */
export function makeBadBatch(): BadBatch {
  const dir = mkdtempSync(join(tmpdir(), 'parley-robust-'));
  const copy = (name: string) => {
    const to = join(dir, name);
    copyFileSync(join(FIXTURES, name), to);
    return to;
  };
  const good = copy('good-article.txt');

  const unreadable = join(dir, 'locked.txt');
  writeFileSync(unreadable, readFileSync(join(FIXTURES, 'good-article.txt')));
  chmodSync(unreadable, 0o000);
  let unreadableIsReadable = false;
  try {
    readFileSync(unreadable);
    unreadableIsReadable = true;
  } catch {
    unreadableIsReadable = false;
  }

  const randomBin = join(dir, 'scan.txt');
  // Random bytes with a NUL early on (a binary no decoder should mistake for text).
  writeFileSync(randomBin, Buffer.concat([Buffer.from([0x00, 0x13, 0x37]), randomBytes(4096)]));
  const png = join(dir, 'photo.html');
  writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2048)]));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const blank = join(dir, 'blank.txt');
  writeFileSync(blank, '\n  \r\n\t\n');

  // Over the 10 MB default cap; written in chunks so the test does not hold 50 MB of string.
  const huge = join(dir, 'huge.txt');
  const fd = openSync(huge, 'w');
  const chunk = Buffer.from('The delegates met again on Tuesday and talked late into the night. '.repeat(16_000));
  for (let written = 0; written < SIZE_CAP_TEST_BYTES; written += chunk.length) writeSync(fd, chunk);
  closeSync(fd);

  const outside = {
    missing: join(dir, 'does-not-exist.txt'),
    // Fails to open even for root, unlike chmod 000.
    'path through a file': join(dir, 'good-article.txt', 'inside.txt'),
    'device file': '/dev/zero',
    'ftp URL': 'ftp://files.example.org/talks.html',
    // Refused before any connection: loopback hosts need --allow-private-hosts.
    'loopback URL': 'http://127.0.0.1:9/talks.html',
  };
  return {
    dir,
    good,
    outside: Object.values(outside),
    bad: {
      ...outside,
      unreadable,
      'random bytes': randomBin,
      'PNG header': png,
      'empty .txt': empty,
      'whitespace-only .txt': blank,
      'HTML with no article body': copy('no-body.html'),
      'over the size cap': huge,
    },
    analysed: {
      'broken HTML': copy('broken.html'),
      'unbalanced quote marks': copy('unbalanced-quotes.txt'),
      'script injection': copy('injection.html'),
    },
    reported: {
      German: copy('german-article.txt'),
      Spanish: copy('spanish-article.html'),
    },
    unreadableIsReadable,
  };
}

export function articleIdOf(brief: Brief, path: string): string | undefined {
  return brief.articles.find((a) => a.source === path)?.id;
}

/** Anything in brief.html that a browser would run or that came through as live article markup. */
export function liveMarkup(html: string): string[] {
  const out: string[] = [];
  // Article payloads are alert(…) calls; the brief's own scripts, if any, never call alert.
  if (/<script[^>]*>\s*alert\(/i.test(html)) out.push('a <script>alert(…) element in the raw HTML');
  const { document } = parseHTML(html);
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes) as { name: string; value: string }[]) {
      // The brief may wire its own handlers; only the article payloads (all alert calls) are foreign.
      if (/^on/i.test(attr.name) && /alert\(/.test(attr.value)) out.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
      if (/^(?:href|src|action|formaction|xlink:href)$/i.test(attr.name) && /^\s*javascript:/i.test(attr.value)) {
        out.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
      }
    }
  }
  for (const s of Array.from(document.querySelectorAll('script'))) {
    // A script whose body IS a payload broke out of wherever the brief embedded the text.
    if (/^\s*alert\(/.test(s.textContent ?? '')) out.push(`<script> containing ${JSON.stringify((s.textContent ?? '').slice(0, 80))}`);
  }
  for (const tag of ['iframe', 'object', 'embed', 'img[src="x"]']) {
    for (const el of Array.from(document.querySelectorAll(tag))) out.push(`live <${el.tagName.toLowerCase()}> from article text`);
  }
  return out;
}

export function runCli(args: string[], input?: string | Buffer) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}
