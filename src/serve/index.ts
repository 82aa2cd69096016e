// Starting and stopping the workspace: the data folder (and its lock), the database, the job
// runner with its analysis worker, and the HTTP server.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from '../ingest/index.js';
import { PARLEY_VERSION, pipelineAnalyzer } from './analyzer.js';
import { isLoopbackHost } from './guard.js';
import { JobRunner } from './jobs.js';
import { createApp } from './server.js';
import { SqliteStore } from './store.js';

export interface ServeOptions {
  /** Where stories are kept (default ~/.parley). */
  dataDir?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** A token every request must carry; generated when the server listens beyond loopback. */
  token?: string | null;
  allowPrivateHosts?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

export interface Workspace {
  /** The address to open (with the token in it when there is one). */
  url: string;
  /** http://host:port, without a path or the token. */
  origin: string;
  dataDir: string;
  token: string | null;
  /** How many interrupted jobs were queued again at start. */
  resumed: number;
  store: SqliteStore;
  jobs: JobRunner;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4747;
export const DEFAULT_HOST = '127.0.0.1';

export function defaultDataDir(): string {
  return join(homedir(), '.parley');
}

/** A usage problem the command line reports as such (exit status 2). */
export class ServeUsageError extends Error {}

export async function startWorkspace(options: ServeOptions = {}): Promise<Workspace> {
  const host = options.host ?? DEFAULT_HOST;
  const loopback = isLoopbackHost(host);
  if (options.token !== undefined && options.token !== null && options.token.length < 16) {
    throw new ServeUsageError('--token must be at least 16 characters long; or leave it out to have one generated');
  }
  const token = options.token ?? (loopback ? null : randomBytes(24).toString('base64url'));
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const releaseLock = lock(dataDir);
  let store: SqliteStore | null = null;
  let jobs: JobRunner | null = null;
  try {
    store = new SqliteStore(join(dataDir, 'parley.db'));
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    jobs = new JobRunner(store, join(dataDir, 'parley.db'), {
      tmpDir: join(dataDir, 'tmp'),
      allowPrivateHosts: options.allowPrivateHosts ?? false,
      maxBytes,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    const { server } = createApp({ store, jobs, dataDir, version: PARLEY_VERSION, token, maxBytes });
    await new Promise<void>((done, fail) => {
      server.once('error', (e: NodeJS.ErrnoException) =>
        fail(
          e.code === 'EADDRINUSE'
            ? new ServeUsageError(`port ${options.port ?? DEFAULT_PORT} on ${host} is in use (another parley serve?); pass --port with another number, or --port 0 for any free port`)
            : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND'
              ? new ServeUsageError(`cannot listen on ${host}: this machine has no such address`)
              : e,
        ),
      );
      server.listen(options.port ?? DEFAULT_PORT, host, () => done());
    });
    const port = (server.address() as AddressInfo).port;
    // A wildcard address is not one a browser can open; this machine's loopback is.
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    const origin = `http://${shownHost}:${port}`;
    const resumed = await jobs.start();
    const runner = jobs;
    const opened = store;
    let closed = false;
    return {
      url: token ? `${origin}/?token=${token}` : `${origin}/`,
      origin,
      dataDir,
      token,
      resumed,
      store: opened,
      jobs: runner,
      close: async () => {
        if (closed) return;
        closed = true;
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await runner.stop();
        await opened.close();
        releaseLock();
      },
    };
  } catch (e) {
    await jobs?.stop();
    await store?.close();
    releaseLock();
    throw e;
  }
}

/** One server per data folder: a second would run the same jobs. A lock whose process is gone
 * (killed) is taken over. */
function lock(dataDir: string): () => void {
  const path = join(dataDir, 'serve.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) rmSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new ServeUsageError(
          `another parley serve (process ${pid}) is using ${dataDir}; stop it, or pass --data with another folder (if no such server runs, delete ${path})`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new ServeUsageError(`could not lock ${dataDir}; is another parley serve starting there?`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export { pipelineAnalyzer };
