// Shared by the workspace tests: HTTP calls with full control of headers, waiting for a story's
// brief, texts that ingest accepts as articles, and `parley serve` as a real child process.
import { request } from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** One request; `body` objects are sent as JSON. Host and Origin are whatever `headers` say. */
export function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const h: Record<string, string> = { ...headers };
  if (payload !== undefined && !Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['content-type'] = 'application/json';
  if (payload !== undefined) h['content-length'] = String(Buffer.byteLength(payload));
  return new Promise((done, fail) => {
    const req = request(url, { method, headers: h }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = undefined;
        try {
          json = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        done({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', fail);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 150): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Wait until the story's brief is built from its latest revision (and no job waits). */
export async function briefCurrent(base: string, storyId: number, headers: Record<string, string> = {}, timeoutMs = 90_000): Promise<any> {
  return waitFor(
    `story ${storyId}'s brief`,
    async () => {
      const r = await call(base, 'GET', `/api/stories/${storyId}`, undefined, headers);
      if (r.status !== 200) throw new Error(`GET story ${storyId}: ${r.status} ${r.text}`);
      const s = r.json.story;
      if (s.status === 'failed') throw new Error(`the analysis failed: ${s.job?.error}`);
      return s.status === 'current' ? r.json : null;
    },
    timeoutMs,
  );
}

/** A short article that ingest takes (a headline, a dateline, sentences), different for each n. */
export function articleText(n: number, outlet = `Outlet ${n}`): string {
  return `---
title: Talks in Orsava, report ${n}
outlet: ${outlet}
published: 2026-03-${String(10 + (n % 18)).padStart(2, '0')}
---
Negotiators from Valdoria and Kesmet met in Orsava on Tuesday for round ${n} of the talks, the mediator said.

"We are close to a deal on the prisoners," Foreign Minister Ayse Demirag told reporters after the session. "Kesmet must release all ${100 + n} detainees first."

Kesmet's chief negotiator, Tomas Sebestik, said his side would agree to the exchange only if the ceasefire held for ${n + 2} more days.
`;
}

export interface Child {
  proc: ChildProcess;
  /** The printed address. */
  url: string;
  base: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `parley serve` in a child process, from the sources through tsx; resolves once it has printed
 * its address. */
export function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli.ts'), 'serve', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  proc.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<number | null>((done) => proc.on('exit', (code) => done(code)));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`parley serve printed no address in 60 s:\n${out}\n${err}`)), 60_000);
    const check = () => {
      const m = /Parley workspace: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const url = m[1];
        done({ proc, url, base: new URL(url).origin, stdout: () => out, stderr: () => err, exited });
      }
    };
    proc.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`parley serve exited (${code}) before printing its address:\n${out}\n${err}`));
    });
  });
}
