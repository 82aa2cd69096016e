// The workspace's storage. WorkspaceStore is what the server and the analysis worker need, each
// method one atomic step, asynchronous so that an engine reached over the network (PostgreSQL,
// a queue on another engine) can implement it later; SqliteStore implements it on one SQLite file
// through better-sqlite3 (WAL, foreign keys, numbered migrations run at open).
import Database from 'better-sqlite3';
import type { Article, Problem } from '../types.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export type InputKind = 'url' | 'text' | 'file';
export type ArticleState = 'pending' | 'ready' | 'failed';
export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** Title, outlet and publication date typed in by the user, over what ingest reads. */
export interface Overrides {
  title?: string;
  outlet?: string;
  published?: string;
}

export type ArticleInput =
  | { kind: 'url'; url: string }
  | { kind: 'text'; text: string; overrides: Overrides }
  | { kind: 'file'; name: string; bytes: Uint8Array; overrides: Overrides };

export interface JobRecord {
  id: number;
  storyId: number;
  state: JobState;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export interface StoryRecord {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Raised by every change to the story's articles. */
  revision: number;
  /** The revision the stored brief was built from, or null before the first brief. */
  briefRevision: number | null;
  articleCount: number;
  /** The latest job of the story (queued, running, or how the last one ended). */
  job: JobRecord | null;
}

export interface ArticleRecord {
  id: number;
  storyId: number;
  inputKind: InputKind;
  /** The URL, or the uploaded file's name (shown, never used as a path); null for pasted text. */
  inputName: string | null;
  addedAt: string;
  state: ArticleState;
  /** The article's id in the brief, once read. */
  briefId: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  overrides: Overrides;
  problems: Problem[];
}

/** An article as the analysis worker needs it: the input while it is pending, the Article after. */
export interface ArticleForWork extends ArticleRecord {
  input: ArticleInput;
  article: Article | null;
}

export interface StoredBrief {
  revision: number;
  /** brief.json as stored. */
  json: string;
  parleyVersion: string;
  builtAt: string;
}

export interface WorkspaceStore {
  listStories(): Promise<StoryRecord[]>;
  getStory(id: number): Promise<StoryRecord | null>;
  createStory(name: string): Promise<StoryRecord>;
  renameStory(id: number, name: string): Promise<StoryRecord | null>;
  deleteStory(id: number): Promise<boolean>;

  listArticles(storyId: number): Promise<ArticleRecord[]>;
  getArticle(storyId: number, articleId: number): Promise<(ArticleRecord & { article: Article | null }) | null>;
  /** Commits the article and queues the story's analysis in one transaction; null if no such story. */
  addArticle(storyId: number, input: ArticleInput): Promise<{ article: ArticleRecord; job: JobRecord } | null>;
  /** Removes the article (and its annotations) and queues the story's analysis; false if absent. */
  removeArticle(storyId: number, articleId: number): Promise<boolean>;
  /** Queues the story's analysis (a retry after a failure); null if no such story. */
  queueAnalysis(storyId: number): Promise<JobRecord | null>;

  // ── for the analysis worker ──
  articlesForWork(storyId: number): Promise<ArticleForWork[]>;
  /** Records what reading a pending article gave; false when the article is gone or was read. */
  setIngested(articleId: number, result: { article: Article; problems: Problem[] } | { article: null; problems: Problem[] }): Promise<boolean>;
  getAnnotation(articleId: number, key: string): Promise<Uint8Array | null>;
  putAnnotation(articleId: number, key: string, data: Uint8Array): Promise<void>;
  getBrief(storyId: number): Promise<StoredBrief | null>;
  /** Stores the brief unless a brief of a later revision is there already; false if not stored. */
  putBrief(storyId: number, revision: number, json: string, parleyVersion: string): Promise<boolean>;

  // ── the job queue ──
  /** Jobs left 'running' by a process that stopped go back to the queue; returns how many. */
  requeueInterrupted(): Promise<number>;
  claimJob(): Promise<JobRecord | null>;
  finishJob(id: number, error: string | null): Promise<void>;

  close(): Promise<void>;
}

/** A database made by a newer Parley, whose schema this one does not know. */
export class SchemaTooNew extends Error {}

const now = () => new Date().toISOString();

interface StoryRow {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  revision: number;
  brief_revision: number | null;
  article_count: number;
}

interface ArticleRow {
  id: number;
  story_id: number;
  input_kind: InputKind;
  input_name: string | null;
  input_body: Buffer | null;
  overrides: string;
  added_at: string;
  state: ArticleState;
  brief_id: string | null;
  article: string | null;
  problems: string;
}

interface JobRow {
  id: number;
  story_id: number;
  state: JobState;
  attempts: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
}

const STORY_COLUMNS = `s.id, s.name, s.created_at, s.updated_at, s.revision,
  (SELECT b.revision FROM briefs b WHERE b.story_id = s.id) AS brief_revision,
  (SELECT count(*) FROM articles a WHERE a.story_id = s.id) AS article_count`;

const ARTICLE_COLUMNS = 'id, story_id, input_kind, input_name, overrides, added_at, state, brief_id, article, problems';

function toJob(r: JobRow | undefined): JobRecord | null {
  if (!r) return null;
  return {
    id: r.id,
    storyId: r.story_id,
    state: r.state,
    attempts: r.attempts,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    error: r.error,
  };
}

function toArticle(r: Omit<ArticleRow, 'input_body'>): ArticleRecord & { article: Article | null } {
  const article = r.article ? (JSON.parse(r.article) as Article) : null;
  return {
    id: r.id,
    storyId: r.story_id,
    inputKind: r.input_kind,
    inputName: r.input_name,
    addedAt: r.added_at,
    state: r.state,
    briefId: r.brief_id,
    title: article?.title ?? null,
    outlet: article?.outlet ?? null,
    published: article?.published ?? null,
    url: article?.url ?? (r.input_kind === 'url' ? r.input_name : null),
    overrides: JSON.parse(r.overrides) as Overrides,
    problems: JSON.parse(r.problems) as Problem[],
    article,
  };
}

function withoutArticle<T extends { article: unknown }>(r: T): Omit<T, 'article'> {
  const { article: _, ...rest } = r;
  return rest;
}

export class SqliteStore implements WorkspaceStore {
  readonly db: Database.Database;

  constructor(path: string, migrations: Migration[] = MIGRATIONS) {
    this.db = new Database(path);
    try {
      // WAL lets the server read while the worker writes; FULL makes a commit survive a power cut,
      // not only a killed process; the busy timeout lets the two connections take turns.
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 10000');
      migrate(this.db, migrations);
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  private story(id: number): StoryRecord | null {
    const r = this.db.prepare(`SELECT ${STORY_COLUMNS} FROM stories s WHERE s.id = ?`).get(id) as StoryRow | undefined;
    return r ? this.toStory(r) : null;
  }

  private toStory(r: StoryRow): StoryRecord {
    const job = this.db.prepare('SELECT * FROM jobs WHERE story_id = ? ORDER BY id DESC LIMIT 1').get(r.id) as JobRow | undefined;
    return {
      id: r.id,
      name: r.name,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      revision: r.revision,
      briefRevision: r.brief_revision,
      articleCount: r.article_count,
      job: toJob(job),
    };
  }

  /** Raise the story's revision and make sure a job will bring its brief up to it. */
  private touch(storyId: number): JobRecord {
    const at = now();
    this.db.prepare('UPDATE stories SET revision = revision + 1, updated_at = ? WHERE id = ?').run(at, storyId);
    this.db.prepare("INSERT INTO jobs (story_id, state, created_at) VALUES (?, 'queued', ?) ON CONFLICT DO NOTHING").run(storyId, at);
    return toJob(this.db.prepare("SELECT * FROM jobs WHERE story_id = ? AND state = 'queued'").get(storyId) as JobRow)!;
  }

  async listStories(): Promise<StoryRecord[]> {
    const rows = this.db.prepare(`SELECT ${STORY_COLUMNS} FROM stories s ORDER BY s.updated_at DESC, s.id DESC`).all() as StoryRow[];
    return rows.map((r) => this.toStory(r));
  }

  async getStory(id: number): Promise<StoryRecord | null> {
    return this.story(id);
  }

  async createStory(name: string): Promise<StoryRecord> {
    const at = now();
    const { lastInsertRowid } = this.db.prepare('INSERT INTO stories (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, at, at);
    return this.story(Number(lastInsertRowid))!;
  }

  async renameStory(id: number, name: string): Promise<StoryRecord | null> {
    const { changes } = this.db.prepare('UPDATE stories SET name = ?, updated_at = ? WHERE id = ?').run(name, now(), id);
    return changes ? this.story(id) : null;
  }

  async deleteStory(id: number): Promise<boolean> {
    return this.db.prepare('DELETE FROM stories WHERE id = ?').run(id).changes > 0;
  }

  async listArticles(storyId: number): Promise<ArticleRecord[]> {
    const rows = this.db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE story_id = ? ORDER BY id`).all(storyId) as ArticleRow[];
    return rows.map((r) => withoutArticle(toArticle(r)));
  }

  async getArticle(storyId: number, articleId: number): Promise<(ArticleRecord & { article: Article | null }) | null> {
    const r = this.db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE story_id = ? AND id = ?`).get(storyId, articleId) as ArticleRow | undefined;
    return r ? toArticle(r) : null;
  }

  async addArticle(storyId: number, input: ArticleInput): Promise<{ article: ArticleRecord; job: JobRecord } | null> {
    const add = this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM stories WHERE id = ?').get(storyId)) return null;
      const body = input.kind === 'text' ? Buffer.from(input.text, 'utf8') : input.kind === 'file' ? Buffer.from(input.bytes) : null;
      const name = input.kind === 'url' ? input.url : input.kind === 'file' ? input.name : null;
      const overrides = input.kind === 'url' ? {} : input.overrides;
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO articles (story_id, input_kind, input_name, input_body, overrides, added_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(storyId, input.kind, name, body, JSON.stringify(overrides), now());
      const job = this.touch(storyId);
      const row = this.db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`).get(lastInsertRowid) as ArticleRow;
      return { article: withoutArticle(toArticle(row)), job };
    });
    // IMMEDIATE: take the write lock first, so two additions never interleave their reads.
    return add.immediate();
  }

  async removeArticle(storyId: number, articleId: number): Promise<boolean> {
    const remove = this.db.transaction(() => {
      const { changes } = this.db.prepare('DELETE FROM articles WHERE story_id = ? AND id = ?').run(storyId, articleId);
      if (changes) this.touch(storyId);
      return changes > 0;
    });
    return remove.immediate();
  }

  async queueAnalysis(storyId: number): Promise<JobRecord | null> {
    const queue = this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM stories WHERE id = ?').get(storyId)) return null;
      this.db.prepare("INSERT INTO jobs (story_id, state, created_at) VALUES (?, 'queued', ?) ON CONFLICT DO NOTHING").run(storyId, now());
      return toJob(this.db.prepare("SELECT * FROM jobs WHERE story_id = ? AND state = 'queued'").get(storyId) as JobRow);
    });
    return queue.immediate();
  }

  async articlesForWork(storyId: number): Promise<ArticleForWork[]> {
    const rows = this.db.prepare(`SELECT ${ARTICLE_COLUMNS}, input_body FROM articles WHERE story_id = ? ORDER BY id`).all(storyId) as ArticleRow[];
    return rows.map((r) => {
      const record = toArticle(r);
      const input: ArticleInput =
        r.input_kind === 'url'
          ? { kind: 'url', url: r.input_name ?? '' }
          : r.input_kind === 'text'
            ? { kind: 'text', text: (r.input_body ?? Buffer.alloc(0)).toString('utf8'), overrides: record.overrides }
            : { kind: 'file', name: r.input_name ?? '', bytes: new Uint8Array(r.input_body ?? Buffer.alloc(0)), overrides: record.overrides };
      return { ...record, input };
    });
  }

  async setIngested(articleId: number, result: { article: Article | null; problems: Problem[] }): Promise<boolean> {
    const { changes } = this.db
      .prepare("UPDATE articles SET state = ?, brief_id = ?, article = ?, problems = ? WHERE id = ? AND state = 'pending'")
      .run(
        result.article ? 'ready' : 'failed',
        result.article?.id ?? null,
        result.article ? JSON.stringify(result.article) : null,
        JSON.stringify(result.problems),
        articleId,
      );
    return changes > 0;
  }

  async getAnnotation(articleId: number, key: string): Promise<Uint8Array | null> {
    const r = this.db.prepare('SELECT data FROM annotations WHERE article_id = ? AND key = ?').get(articleId, key) as { data: Buffer } | undefined;
    return r ? r.data : null;
  }

  async putAnnotation(articleId: number, key: string, data: Uint8Array): Promise<void> {
    // The article may have been removed while it was being analysed: then there is nothing to keep.
    this.db
      .prepare(
        `INSERT INTO annotations (article_id, key, data, created_at) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)
         ON CONFLICT (article_id) DO UPDATE SET key = excluded.key, data = excluded.data, created_at = excluded.created_at`,
      )
      .run(articleId, key, Buffer.from(data), now(), articleId);
  }

  async getBrief(storyId: number): Promise<StoredBrief | null> {
    const r = this.db.prepare('SELECT revision, brief, parley_version, built_at FROM briefs WHERE story_id = ?').get(storyId) as
      | { revision: number; brief: string; parley_version: string; built_at: string }
      | undefined;
    return r ? { revision: r.revision, json: r.brief, parleyVersion: r.parley_version, builtAt: r.built_at } : null;
  }

  async putBrief(storyId: number, revision: number, json: string, parleyVersion: string): Promise<boolean> {
    const { changes } = this.db
      .prepare(
        `INSERT INTO briefs (story_id, revision, brief, parley_version, built_at) SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?)
         ON CONFLICT (story_id) DO UPDATE SET revision = excluded.revision, brief = excluded.brief, parley_version = excluded.parley_version, built_at = excluded.built_at
         WHERE excluded.revision >= briefs.revision`,
      )
      .run(storyId, revision, json, parleyVersion, now(), storyId);
    return changes > 0;
  }

  async requeueInterrupted(): Promise<number> {
    const requeue = this.db.transaction(() => {
      let n = 0;
      for (const job of this.db.prepare("SELECT id, story_id FROM jobs WHERE state = 'running' ORDER BY id").all() as JobRow[]) {
        // A story has at most one queued job: an interrupted one folds into a job already waiting.
        const waiting = this.db.prepare("SELECT 1 FROM jobs WHERE story_id = ? AND state = 'queued'").get(job.story_id);
        if (waiting) this.db.prepare("UPDATE jobs SET state = 'failed', finished_at = ?, error = 'interrupted; a later job redoes it' WHERE id = ?").run(now(), job.id);
        else this.db.prepare("UPDATE jobs SET state = 'queued', started_at = NULL WHERE id = ?").run(job.id);
        n++;
      }
      return n;
    });
    return requeue.immediate();
  }

  async claimJob(): Promise<JobRecord | null> {
    const claim = this.db.transaction(() => {
      const next = this.db.prepare("SELECT id FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1").get() as { id: number } | undefined;
      if (!next) return null;
      return toJob(
        this.db.prepare("UPDATE jobs SET state = 'running', attempts = attempts + 1, started_at = ? WHERE id = ? RETURNING *").get(now(), next.id) as JobRow,
      );
    });
    return claim.immediate();
  }

  async finishJob(id: number, error: string | null): Promise<void> {
    this.db.prepare('UPDATE jobs SET state = ?, finished_at = ?, error = ? WHERE id = ?').run(error === null ? 'done' : 'failed', now(), error, id);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Apply the migrations the database has not had, each in its own transaction. */
export function migrate(db: Database.Database, migrations: Migration[]): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied: number[] = [];
  const known = Math.max(0, ...migrations.map((m) => m.version));
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const step = db.transaction(() => {
      // Read inside the write transaction: two processes opening one database apply each step once.
      const current = (db.prepare('SELECT max(version) AS v FROM migrations').get() as { v: number | null }).v ?? 0;
      if (current > known) {
        throw new SchemaTooNew(
          `this workspace was last opened by a newer Parley (database schema ${current}; this Parley knows up to ${known}); upgrade Parley, or pass --data with another folder`,
        );
      }
      if (current >= m.version) return false;
      db.exec(m.sql);
      db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now());
      return true;
    });
    if (step.immediate()) applied.push(m.version);
  }
  if (migrations.length === 0) {
    const current = (db.prepare('SELECT max(version) AS v FROM migrations').get() as { v: number | null }).v ?? 0;
    if (current > known) throw new SchemaTooNew(`this workspace was last opened by a newer Parley (database schema ${current}); upgrade Parley`);
  }
  return applied;
}
