// `parley serve`: the HTTP server. One route table serves the pages, the JSON API (validated with
// the zod schemas in schemas.ts, described by /api/openapi.json) and the exports. Every request
// passes the guard first (guard.ts); every answer carries security headers; JSON errors are
// {error: message} with a 4xx or 5xx status.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Brief } from '../types.js';
import { renderHtml } from '../brief/html.js';
import { renderMarkdown } from '../brief/markdown.js';
import { slugify } from '../ingest/ids.js';
import { APP_CSS, APP_JS } from './assets.js';
import { conditionsCsv, discrepanciesCsv, positionsCsv, quotesCsv } from './csv.js';
import { crossSiteRefusal, loopbackHostHeaders, presentedToken, sameSecret, TOKEN_COOKIE } from './guard.js';
import type { JobRunner } from './jobs.js';
import { openApiDocument, type ApiResponse, type ApiRouteDoc } from './openapi.js';
import { errorPage, placeholderBrief, statusMessage, storiesPage, storyPage, storyStatus, type StoryStatus } from './pages.js';
import * as S from './schemas.js';
import type { ArticleInput, StoryRecord, WorkspaceStore } from './store.js';
import type { Progress } from './work.js';

export interface AppOptions {
  store: WorkspaceStore;
  jobs: JobRunner;
  dataDir: string;
  version: string;
  /** Required on every request when set. */
  token: string | null;
  /** Largest article accepted (bytes of text or of a file). */
  maxBytes: number;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Reply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; body: string | Buffer; type: string; headers?: Record<string, string> }
  | { status: 204 }
  | { status: 303; location: string; headers?: Record<string, string> }
  | 'streaming';

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, unknown>;
  query: URLSearchParams;
  body: unknown;
}

interface Route extends ApiRouteDoc {
  /** Pages are left out of the OpenAPI document. */
  api: boolean;
  /** Largest request body, in bytes. */
  maxBody?: number;
  handler: (ctx: Ctx) => Promise<Reply>;
}

const SMALL_BODY = 64 * 1024;

/** Pages of the workspace: only its own script and stylesheet, frames only of itself. */
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** brief.html's own policy (its script by hash, no network), sandboxed: it runs in an origin of
 * its own, so even a flaw in its escaping could not reach the workspace's API or cookie. */
function briefCsp(html: string): string {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  if (!meta) throw new Error('brief.html has no Content-Security-Policy');
  const own = meta.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return `${own}; frame-ancestors 'self'; sandbox allow-scripts`;
}

const StoryParam = { storyId: { schema: S.Id, description: 'The story.' } };
const ArticleParam = { ...StoryParam, articleId: { schema: S.Id, description: 'The article (its number in the workspace).' } };

const err = (description: string): ApiResponse => ({ description, schema: S.ErrorBody });

export function createApp(o: AppOptions): { server: Server; routes: Route[]; broadcast: (storyId: number) => void } {
  const { store, jobs } = o;
  const subscribers = new Map<number, Set<ServerResponse>>();

  const statusOf = (s: StoryRecord): StoryStatus => storyStatus(s, jobs.isRunning(s.id));
  const storyJson = (s: StoryRecord) => {
    const status = statusOf(s);
    return { ...s, status, progress: status === 'analysing' ? jobs.progressOf(s.id) : null };
  };
  const liveState = (s: StoryRecord, progress: Progress | null = jobs.progressOf(s.id)) => {
    const status = statusOf(s);
    return { status, message: statusMessage(s, status, progress), progress: status === 'analysing' ? progress : null, revision: s.revision, briefRevision: s.briefRevision ?? 0 };
  };

  async function needStory(id: unknown): Promise<StoryRecord> {
    const story = await store.getStory(id as number);
    if (!story) throw new HttpError(404, `there is no story ${id}; it may have been deleted`);
    return story;
  }

  async function briefOf(story: StoryRecord): Promise<Brief | null> {
    const stored = await store.getBrief(story.id);
    return stored ? (JSON.parse(stored.json) as Brief) : null;
  }

  function send(res: ServerResponse, event: string, data: unknown): void {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Tell every open page of the story how it stands now. */
  async function broadcast(storyId: number, progress?: Progress): Promise<void> {
    const subs = subscribers.get(storyId);
    if (!subs?.size) return;
    const story = await store.getStory(storyId);
    if (!story) {
      for (const res of subs) res.end();
      subscribers.delete(storyId);
      return;
    }
    const state = liveState(story, progress ?? jobs.progressOf(storyId));
    for (const res of subs) send(res, progress ? 'progress' : 'state', state);
  }
  jobs.on('progress', (storyId, progress) => void broadcast(storyId, progress));
  jobs.on('finished', (storyId) => void broadcast(storyId));

  const download = (story: StoryRecord, file: string) => `attachment; filename="${slugify(story.name) || `story-${story.id}`}-${file}"`;

  const routes: Route[] = [
    // ── pages ──
    {
      api: false,
      method: 'GET',
      path: '/',
      summary: 'The list of stories',
      params: {},
      responses: {},
      handler: async () => ({ status: 200, body: storiesPage(await store.listStories(), statusOf, o.dataDir), type: 'text/html; charset=utf-8' }),
    },
    {
      api: false,
      method: 'GET',
      path: '/stories/{storyId}',
      summary: 'A story: its brief, its articles, adding and removing articles',
      params: StoryParam,
      responses: {},
      handler: async ({ params }) => {
        const story = await needStory(params.storyId);
        const status = statusOf(story);
        return { status: 200, body: storyPage(story, await store.listArticles(story.id), status, status === 'analysing' ? jobs.progressOf(story.id) : null, o.maxBytes), type: 'text/html; charset=utf-8' };
      },
    },
    {
      api: false,
      method: 'GET',
      path: '/stories/{storyId}/brief',
      summary: "The story's brief.html, for the story page's frame",
      params: StoryParam,
      responses: {},
      handler: async ({ params }) => {
        const story = await needStory(params.storyId);
        const brief = await briefOf(story);
        if (!brief) {
          const message = story.articleCount ? 'The brief is being made; it appears here when it is ready.' : 'No article yet: add one, and its brief appears here.';
          return { status: 200, body: placeholderBrief(message), type: 'text/html; charset=utf-8', headers: { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox", 'x-frame-options': 'SAMEORIGIN' } };
        }
        const html = renderHtml(brief);
        return { status: 200, body: html, type: 'text/html; charset=utf-8', headers: { 'content-security-policy': briefCsp(html), 'x-frame-options': 'SAMEORIGIN' } };
      },
    },
    {
      api: false,
      method: 'GET',
      path: '/static/app.js',
      summary: 'The pages’ script',
      params: {},
      responses: {},
      handler: async () => ({ status: 200, body: APP_JS, type: 'text/javascript; charset=utf-8' }),
    },
    {
      api: false,
      method: 'GET',
      path: '/static/app.css',
      summary: 'The pages’ stylesheet',
      params: {},
      responses: {},
      handler: async () => ({ status: 200, body: APP_CSS, type: 'text/css; charset=utf-8' }),
    },

    // ── API ──
    {
      api: true,
      method: 'GET',
      path: '/api/openapi.json',
      summary: 'This document',
      params: {},
      responses: { 200: { description: 'The OpenAPI 3.1 description of the API.', content: 'application/json' } },
      handler: async () => ({ status: 200, json: openapi }),
    },
    {
      api: true,
      method: 'GET',
      path: '/api/stories',
      summary: 'List the stories, most recently changed first',
      params: {},
      responses: { 200: { description: 'The stories.', schema: S.StoryList } },
      handler: async () => ({ status: 200, json: { stories: (await store.listStories()).map(storyJson) } }),
    },
    {
      api: true,
      method: 'POST',
      path: '/api/stories',
      summary: 'Create a story',
      params: {},
      body: S.CreateStory,
      responses: { 201: { description: 'The new story.', schema: S.Story }, 400: err('The body is not a valid CreateStory.') },
      handler: async ({ body }) => {
        const story = await store.createStory((body as z.infer<typeof S.CreateStory>).name);
        return { status: 201, json: storyJson(story), headers: { location: `/api/stories/${story.id}` } };
      },
    },
    {
      api: true,
      method: 'GET',
      path: '/api/stories/{storyId}',
      summary: 'A story and its articles (without their texts)',
      params: StoryParam,
      responses: { 200: { description: 'The story.', schema: S.StoryDetail }, 404: err('No such story.') },
      handler: async ({ params }) => {
        const story = await needStory(params.storyId);
        return { status: 200, json: { story: storyJson(story), articles: await store.listArticles(story.id) } };
      },
    },
    {
      api: true,
      method: 'PATCH',
      path: '/api/stories/{storyId}',
      summary: 'Rename a story',
      params: StoryParam,
      body: S.RenameStory,
      responses: { 200: { description: 'The renamed story.', schema: S.Story }, 400: err('The body is not a valid RenameStory.'), 404: err('No such story.') },
      handler: async ({ params, body }) => {
        const story = await store.renameStory(params.storyId as number, (body as z.infer<typeof S.RenameStory>).name);
        if (!story) throw new HttpError(404, `there is no story ${params.storyId}`);
        return { status: 200, json: storyJson(story) };
      },
    },
    {
      api: true,
      method: 'DELETE',
      path: '/api/stories/{storyId}',
      summary: 'Delete a story with its articles and brief',
      params: StoryParam,
      responses: { 204: { description: 'Deleted.' }, 404: err('No such story.') },
      handler: async ({ params }) => {
        if (!(await store.deleteStory(params.storyId as number))) throw new HttpError(404, `there is no story ${params.storyId}`);
        void broadcast(params.storyId as number);
        return { status: 204 };
      },
    },
    {
      api: true,
      method: 'POST',
      path: '/api/stories/{storyId}/articles',
      summary: 'Add an article by URL, pasted text or file',
      description:
        'The article is stored before anything else happens; the answer (202) comes at once, and the brief is brought up to date in the background (follow /events). What cannot be read (no article body, a refused or failing URL, a binary file) is reported on the article and in the brief\'s problems.',
      params: StoryParam,
      body: S.AddArticle,
      maxBody: 0, // set below from maxBytes
      responses: {
        202: { description: 'Stored; the brief is being updated.', schema: S.Added },
        400: err('The body is not a valid AddArticle.'),
        404: err('No such story.'),
        413: err('The article is larger than the server takes (--max-bytes).'),
      },
      handler: async ({ params, body }) => {
        const input = toInput(body as z.infer<typeof S.AddArticle>, o.maxBytes);
        const added = await store.addArticle(params.storyId as number, input);
        if (!added) throw new HttpError(404, `there is no story ${params.storyId}`);
        jobs.kick();
        void broadcast(params.storyId as number);
        return { status: 202, json: added, headers: { location: `/api/stories/${params.storyId}/articles/${added.article.id}` } };
      },
    },
    {
      api: true,
      method: 'GET',
      path: '/api/stories/{storyId}/articles/{articleId}',
      summary: 'One article, with its text once read',
      params: ArticleParam,
      responses: { 200: { description: 'The article.', schema: S.ArticleWithText }, 404: err('No such article in this story.') },
      handler: async ({ params }) => {
        const a = await store.getArticle(params.storyId as number, params.articleId as number);
        if (!a) throw new HttpError(404, `story ${params.storyId} has no article ${params.articleId}`);
        const { article, ...record } = a;
        return { status: 200, json: { ...record, text: article?.text ?? null } };
      },
    },
    {
      api: true,
      method: 'DELETE',
      path: '/api/stories/{storyId}/articles/{articleId}',
      summary: 'Remove an article; the brief is brought up to date without it',
      params: ArticleParam,
      responses: { 204: { description: 'Removed.' }, 404: err('No such article in this story.') },
      handler: async ({ params }) => {
        if (!(await store.removeArticle(params.storyId as number, params.articleId as number))) {
          throw new HttpError(404, `story ${params.storyId} has no article ${params.articleId}`);
        }
        jobs.kick();
        void broadcast(params.storyId as number);
        return { status: 204 };
      },
    },
    {
      api: true,
      method: 'POST',
      path: '/api/stories/{storyId}/analyse',
      summary: "Bring the story's brief up to date again (after a failed update)",
      params: StoryParam,
      body: S.Empty,
      responses: { 202: { description: 'Queued.', schema: S.Queued }, 404: err('No such story.') },
      handler: async ({ params }) => {
        const job = await store.queueAnalysis(params.storyId as number);
        if (!job) throw new HttpError(404, `there is no story ${params.storyId}`);
        jobs.kick();
        void broadcast(params.storyId as number);
        return { status: 202, json: { job } };
      },
    },
    {
      api: true,
      method: 'GET',
      path: '/api/stories/{storyId}/events',
      summary: 'Server-sent events: the story’s state now and whenever it changes, progress while its brief is made',
      description:
        'Events: "state" (on connecting and after every change) and "progress" (while a job runs), each with {status, message, progress, revision, briefRevision}. A page loads the brief again when briefRevision moves.',
      params: StoryParam,
      responses: { 200: { description: 'An event stream.', content: 'text/event-stream' }, 404: err('No such story.') },
      handler: async ({ params, req, res }) => {
        const story = await needStory(params.storyId);
        res.writeHead(200, { ...baseHeaders(), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write('retry: 2000\n\n');
        send(res, 'state', liveState(story));
        const subs = subscribers.get(story.id) ?? new Set();
        subscribers.set(story.id, subs);
        subs.add(res);
        const ping = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
        req.on('close', () => {
          clearInterval(ping);
          subs.delete(res);
        });
        return 'streaming';
      },
    },
    {
      api: true,
      method: 'GET',
      path: '/api/stories/{storyId}/export/{file}',
      summary: "Export the story's brief: brief.json, brief.md, brief.html, or a CSV of quotes, positions, conditions or discrepancies",
      description:
        'CSV follows RFC 4180 (CRLF, fields quoted when needed). A text cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) starts with an apostrophe.',
      params: { ...StoryParam, file: { schema: S.ExportFile, description: 'Which export.' } },
      responses: {
        200: { description: 'The file, as an attachment.', content: 'application/octet-stream' },
        404: err('No such story or export.'),
        409: err('The story has no brief yet.'),
      },
      handler: async ({ params }) => {
        const story = await needStory(params.storyId);
        const brief = await briefOf(story);
        if (!brief) throw new HttpError(409, 'this story has no brief yet; add an article and wait for the brief to be made');
        const file = params.file as S.ExportName;
        const body =
          file === 'brief.json'
            ? `${JSON.stringify(brief, null, 2)}\n`
            : file === 'brief.md'
              ? renderMarkdown(brief)
              : file === 'brief.html'
                ? renderHtml(brief)
                : file === 'quotes.csv'
                  ? quotesCsv(brief)
                  : file === 'positions.csv'
                    ? positionsCsv(brief)
                    : file === 'conditions.csv'
                      ? conditionsCsv(brief)
                      : discrepanciesCsv(brief);
        const headers: Record<string, string> = { 'content-disposition': download(story, file) };
        if (file === 'brief.html') headers['content-security-policy'] = briefCsp(body);
        return { status: 200, body, type: S.EXPORTS[file], headers };
      },
    },
  ];
  const addRoute = routes.find((r) => r.path === '/api/stories/{storyId}/articles' && r.method === 'POST')!;
  // A file travels base64-encoded in JSON: 4 bytes for every 3, plus the other fields.
  addRoute.maxBody = Math.ceil((o.maxBytes * 4) / 3) + SMALL_BODY;
  // JSON escapes can make pasted text longer than its bytes; the text's own size is checked after parsing.
  const openapi = openApiDocument(
    routes.filter((r) => r.api),
    { requests: S.requests, responses: S.responses },
    { version: o.version },
  );

  const matchers = routes.map((r) => {
    const names: string[] = [];
    const pattern = new RegExp(`^${r.path.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`);
    return { route: r, pattern, names };
  });

  const hostHeaders = (port: number) => loopbackHostHeaders(port);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://workspace.invalid');
    } catch {
      throw new HttpError(400, 'the request address cannot be read');
    }
    const isApi = url.pathname.startsWith('/api/');

    // DNS rebinding: without a token, only requests addressed to this machine's loopback names.
    if (!o.token && !hostHeaders(port).has((req.headers.host ?? '').toLowerCase())) {
      throw new HttpError(403, `this workspace answers only at http://127.0.0.1:${port}/ or http://localhost:${port}/ (the request was addressed to "${req.headers.host ?? ''}")`);
    }
    if (o.token) {
      const fromQuery = url.searchParams.get('token');
      if (fromQuery !== null && req.method === 'GET' && !isApi) {
        // The printed address carries the token once: it becomes a cookie, and the address bar
        // (and history) keep the page without it.
        if (!sameSecret(fromQuery, o.token)) throw new HttpError(401, 'the token in this address is not the one the server printed at start');
        url.searchParams.delete('token');
        return reply(res, {
          status: 303,
          location: `${url.pathname}${url.search}`,
          headers: { 'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(o.token)}; HttpOnly; SameSite=Strict; Path=/` },
        });
      }
      const given = presentedToken(req);
      if (given === null || !sameSecret(given, o.token)) {
        throw new HttpError(401, 'this workspace needs its token: open the address the server printed at start (it ends in ?token=…), or send "Authorization: Bearer <token>"');
      }
    }
    const refusal = crossSiteRefusal(req);
    if (refusal) throw new HttpError(403, refusal);

    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    let found: { route: Route; params: Record<string, string> } | null = null;
    let pathMatched = false;
    for (const m of matchers) {
      const hit = m.pattern.exec(url.pathname);
      if (!hit) continue;
      pathMatched = true;
      if (m.route.method !== method) continue;
      let params: Record<string, string>;
      try {
        params = Object.fromEntries(m.names.map((n, i) => [n, decodeURIComponent(hit[i + 1])]));
      } catch {
        throw new HttpError(400, 'the request address cannot be read');
      }
      found = { route: m.route, params };
      break;
    }
    if (!found) {
      if (pathMatched) throw new HttpError(405, `${req.method} is not allowed here`);
      throw new HttpError(404, isApi ? `no API at ${url.pathname}; see /api/openapi.json` : 'there is no page at this address');
    }
    const { route } = found;
    const params: Record<string, unknown> = {};
    for (const [name, p] of Object.entries(route.params)) {
      const parsed = p.schema.safeParse(found.params[name]);
      if (!parsed.success) throw new HttpError(404, `${name} "${found.params[name]}" does not exist${name === 'file' ? `; exports: ${Object.keys(S.EXPORTS).join(', ')}` : ''}`);
      params[name] = parsed.data;
    }
    let body: unknown;
    if (route.body) {
      const raw = await readBody(req, route.maxBody ?? SMALL_BODY);
      let json: unknown;
      try {
        json = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
      } catch (e) {
        throw new HttpError(400, `the body is not valid JSON (${(e as Error).message})`);
      }
      if (json === undefined) throw new HttpError(400, 'the request has no body; send JSON');
      const parsed = route.body.safeParse(json);
      if (!parsed.success) throw new HttpError(400, `invalid request body: ${S.describeIssues(parsed.error)}`);
      body = parsed.data;
    } else if (method !== 'GET') {
      // Nothing to read, but an oversized body is refused rather than drained.
      await readBody(req, SMALL_BODY);
    }
    const result = await route.handler({ req, res, params, query: url.searchParams, body });
    if (result !== 'streaming') reply(res, result, req.method === 'HEAD');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const isApi = (req.url ?? '').startsWith('/api/');
      const status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof HttpError ? e.message : `internal error: ${(e as Error)?.message ?? e}; please report it`;
      if (!(e instanceof HttpError)) process.stderr.write(`parley serve: ${req.method} ${req.url}: ${(e as Error)?.stack ?? e}\n`);
      if (res.headersSent) {
        res.end();
        return;
      }
      // A body left unread would otherwise keep the connection busy: close it after the answer.
      if (status === 413 || status === 415) res.setHeader('connection', 'close');
      reply(res, isApi ? { status, json: { error: message } } : { status, body: errorPage(status, message), type: 'text/html; charset=utf-8' });
    });
  });
  // Slow clients may not hold connections open for ever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  return { server, routes, broadcast: (id) => void broadcast(id) };
}

/** Headers every answer carries. */
function baseHeaders(): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}

function reply(res: ServerResponse, r: Exclude<Reply, 'streaming'>, head = false): void {
  const headers: Record<string, string> = { ...baseHeaders(), ...('headers' in r ? r.headers : {}) };
  if (r.status === 204) {
    res.writeHead(204, headers).end();
    return;
  }
  if ('location' in r) {
    res.writeHead(r.status, { ...headers, location: r.location }).end();
    return;
  }
  let body: string | Buffer;
  if ('json' in r) {
    body = JSON.stringify(r.json);
    headers['content-type'] = 'application/json; charset=utf-8';
  } else if ('body' in r) {
    body = r.body;
    headers['content-type'] = r.type;
    if (r.type.startsWith('text/html')) {
      headers['content-security-policy'] ??= PAGE_CSP;
      headers['x-frame-options'] ??= 'DENY';
    }
  } else {
    body = '';
  }
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(r.status, headers);
  res.end(head ? undefined : body);
}

/** The request body, refused with 413 past `limit` bytes and 415 when it is not JSON. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > 0 || req.headers['transfer-encoding'] !== undefined) {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') throw new HttpError(415, `send the body as application/json, not ${type || 'an untyped body'}`);
  }
  if (declared > limit) throw new HttpError(413, `the request is ${declared} bytes, over the ${limit}-byte limit${limit > SMALL_BODY ? ' (start the server with a larger --max-bytes to take bigger articles)' : ''}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `the request is over the ${limit}-byte limit${limit > SMALL_BODY ? ' (start the server with a larger --max-bytes to take bigger articles)' : ''}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** An API body as the store keeps it; the article's size is checked here, after decoding. */
function toInput(body: z.infer<typeof S.AddArticle>, maxBytes: number): ArticleInput {
  const tooBig = (n: number) => new HttpError(413, `the article is ${n} bytes, over the ${maxBytes}-byte limit; start the server with a larger --max-bytes to take it`);
  if (body.kind === 'url') return { kind: 'url', url: body.url };
  const overrides = { title: body.title, outlet: body.outlet, published: body.published };
  for (const k of Object.keys(overrides) as (keyof typeof overrides)[]) if (overrides[k] === undefined) delete overrides[k];
  if (body.kind === 'text') {
    const n = Buffer.byteLength(body.text);
    if (n > maxBytes) throw tooBig(n);
    return { kind: 'text', text: body.text, overrides };
  }
  const bytes = Buffer.from(body.contentBase64, 'base64');
  if (bytes.length > maxBytes) throw tooBig(bytes.length);
  if (bytes.length === 0) throw new HttpError(400, 'invalid request body: contentBase64: the file is empty');
  return { kind: 'file', name: body.name, bytes, overrides };
}
