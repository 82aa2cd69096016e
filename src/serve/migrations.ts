// The workspace database's schema, as numbered migrations. A migration is never edited once
// released: a change is a new migration at the end. Each runs in one transaction with its row in
// `migrations`, so a database is always at one numbered version.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'stories, articles, per-article annotations, briefs, jobs',
    sql: `
CREATE TABLE stories (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  -- Raised by every change to the story's articles; a brief records the revision it was built from.
  revision    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
  id          INTEGER PRIMARY KEY,
  story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  -- What the user gave: a URL, pasted text, or an uploaded file (its bytes; its name for display only).
  input_kind  TEXT NOT NULL CHECK (input_kind IN ('url', 'text', 'file')),
  input_name  TEXT,
  input_body  BLOB,
  -- Title, outlet and publication date the user typed in, over what ingest reads (JSON).
  overrides   TEXT NOT NULL DEFAULT '{}',
  added_at    TEXT NOT NULL,
  -- pending: committed, not read yet; ready: read into an Article; failed: could not be read.
  state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'ready', 'failed')),
  -- The Article as ingested (JSON) and its id in the brief; fixed once read, as spans point into it.
  brief_id    TEXT,
  article     TEXT,
  problems    TEXT NOT NULL DEFAULT '[]',
  UNIQUE (story_id, brief_id)
);
CREATE INDEX articles_by_story ON articles(story_id, id);

-- What the per-article stages found in one article, reused while the key matches: a hash of the
-- Parley version and the Article (id, text, metadata).
CREATE TABLE annotations (
  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  key         TEXT NOT NULL,
  data        BLOB NOT NULL,
  created_at  TEXT NOT NULL
);

CREATE TABLE briefs (
  story_id        INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
  revision        INTEGER NOT NULL,
  brief           TEXT NOT NULL,
  parley_version  TEXT NOT NULL,
  built_at        TEXT NOT NULL
);

-- One job brings one story's brief up to date. A job still 'running' at start was interrupted
-- and runs again; at most one job per story waits in the queue.
CREATE TABLE jobs (
  id           INTEGER PRIMARY KEY,
  story_id     INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  state        TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  created_at   TEXT NOT NULL,
  started_at   TEXT,
  finished_at  TEXT,
  error        TEXT
);
CREATE INDEX jobs_by_state ON jobs(state, id);
CREATE UNIQUE INDEX jobs_one_queued_per_story ON jobs(story_id) WHERE state = 'queued';
`,
  },
];
