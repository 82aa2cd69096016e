// The JSON API's shapes, once: request bodies are validated with these schemas and the OpenAPI
// document at /api/openapi.json is generated from them (openapi.ts), so the two cannot drift.
import { z } from 'zod';
import { UPLOAD_EXTENSIONS } from './constants.js';

/** Schemas of request bodies and of responses, each under a name the OpenAPI document uses. */
export const requests = z.registry<{ id: string }>();
export const responses = z.registry<{ id: string }>();
const request = <T extends z.ZodType>(id: string, schema: T): T => {
  requests.add(schema, { id });
  return schema;
};
const response = <T extends z.ZodType>(id: string, schema: T): T => {
  responses.add(schema, { id });
  return schema;
};

export const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const CreateStory = request('CreateStory', z.strictObject({ name: name.describe('What the story is about, e.g. "Geneva prisoner-swap talks".') }));
export const RenameStory = request('RenameStory', z.strictObject({ name }));

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined))
    .describe(what);

const overrides = {
  title: optionalText(500, "The article's headline, over what Parley reads from the text."),
  outlet: optionalText(200, 'The outlet that published it.'),
  published: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .optional()
    .describe('Publication date (YYYY-MM-DD) or date-time with its offset (2026-03-14T09:30:00+01:00).'),
};

export const AddUrl = request('AddUrl', z
  .strictObject({
    kind: z.literal('url'),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http or https address' })
      .max(4000)
      .describe("The article page's address. It is fetched by the server through the same URL guard as the command line."),
  }));

export const AddText = request('AddText', z
  .strictObject({
    kind: z.literal('text'),
    text: z
      .string()
      .refine((s) => s.trim().length > 0, 'must not be empty')
      .describe("The article's text; a select-all copy of the page is fine. May start with front matter (title, outlet, published…)."),
    ...overrides,
  }));

export const AddFile = request('AddFile', z
  .strictObject({
    kind: z.literal('file'),
    name: z
      .string()
      .min(1)
      .max(255)
      .refine((n) => UPLOAD_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)), 'must end in .html, .htm or .txt')
      .describe("The file's name, shown in the brief; never used as a path on the server."),
    contentBase64: z.base64('must be base64').describe("The file's bytes, base64-encoded."),
    ...overrides,
  }));

export const AddArticle = request('AddArticle', z.discriminatedUnion('kind', [AddUrl, AddText, AddFile]));

export const Empty = request('Empty', z.strictObject({}));

export const ErrorBody = response('Error', z.object({ error: z.string().describe('What went wrong, in words a user can act on.') }));

const Problem = response('Problem', z.object({ source: z.string(), message: z.string() }));

export const Job = response('Job', z
  .object({
    id: z.number().int(),
    storyId: z.number().int(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    attempts: z.number().int(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
  }));

export const Progress = response('Progress', z
  .object({
    phase: z.enum(['reading', 'analysing', 'combining', 'saving']),
    done: z.number().int(),
    total: z.number().int(),
    cached: z.number().int().describe('Articles whose analysis came from the cache.'),
  }));

export const Story = response('Story', z
  .object({
    id: z.number().int(),
    name: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    revision: z.number().int().describe('Raised by every change to the articles.'),
    briefRevision: z.number().int().nullable().describe('The revision the current brief was built from.'),
    articleCount: z.number().int(),
    status: z.enum(['empty', 'current', 'queued', 'analysing', 'failed']),
    job: Job.nullable(),
    progress: Progress.nullable(),
  }));

export const Article = response('Article', z
  .object({
    id: z.number().int(),
    storyId: z.number().int(),
    inputKind: z.enum(['url', 'text', 'file']),
    inputName: z.string().nullable(),
    addedAt: z.string(),
    state: z.enum(['pending', 'ready', 'failed']),
    briefId: z.string().nullable().describe("The article's id in brief.json, once read."),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    url: z.string().nullable(),
    overrides: z.object({ title: z.string().optional(), outlet: z.string().optional(), published: z.string().optional() }),
    problems: z.array(Problem),
  }));

export const ArticleWithText = response('ArticleWithText', Article.extend({ text: z.string().nullable() }));

export const StoryList = response('StoryList', z.object({ stories: z.array(Story) }));
export const StoryDetail = response('StoryDetail', z.object({ story: Story, articles: z.array(Article) }));
export const Added = response('Added', z.object({ article: Article, job: Job }));
export const Queued = response('Queued', z.object({ job: Job }));

/** The exports of a story's brief, by file name. */
export const EXPORTS = {
  'brief.json': 'application/json; charset=utf-8',
  'brief.md': 'text/markdown; charset=utf-8',
  'brief.html': 'text/html; charset=utf-8',
  'quotes.csv': 'text/csv; charset=utf-8; header=present',
  'positions.csv': 'text/csv; charset=utf-8; header=present',
  'conditions.csv': 'text/csv; charset=utf-8; header=present',
  'discrepancies.csv': 'text/csv; charset=utf-8; header=present',
} as const;
export type ExportName = keyof typeof EXPORTS;
export const ExportFile = z.enum(Object.keys(EXPORTS) as [ExportName, ...ExportName[]]);

/** The first few things wrong with a body, as one sentence. */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((i) => {
    const path = i.path.join('.');
    if (i.code === 'invalid_union' && 'note' in i && i.note === 'No matching discriminator') return `${path || 'kind'}: must be one of "url", "text" or "file"`;
    if (i.code === 'unrecognized_keys') return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}${path ? ` in ${path}` : ''}`;
    return `${path ? `${path}: ` : ''}${i.message}`;
  });
  return parts.join('; ') + (error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : '');
}
