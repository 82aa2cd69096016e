#!/usr/bin/env node
// The command line: `parley brief <input...> [--out DIR] [--json]` as ../shared/BRIEF.md gives it,
// and `parley serve`, the workspace (src/serve/).
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { brief } from './pipeline.js';
import { writeBrief } from './brief/write.js';

const USAGE = `Usage: parley brief <input...> [--out DIR] [--json] [--allow-private-hosts]
                    [--max-bytes N] [--timeout SECONDS] [--workers N]
       parley serve [--data DIR] [--port N] [--host H] [--token T]
                    [--allow-private-hosts] [--max-bytes N] [--timeout SECONDS]

brief: reads news articles about one negotiation and writes a brief whose every
item links back to the passage it came from.
serve: a workspace in the browser that keeps stories, takes articles as they
come (link, pasted text, file) and keeps each story's brief up to date.

Inputs:
  a file (.txt, .html, .htm), a directory (its .txt/.html/.htm files, recursively),
  an http(s) URL, or - for standard input.

Options:
  --out DIR               where to write brief.json, brief.md and brief.html
                          (default ./parley-brief)
  --json                  print brief.json to standard output (and nothing else there);
                          files are then written only if --out is given too
  --allow-private-hosts   let URLs reach loopback, private and link-local addresses
                          (refused by default)
  --max-bytes N           largest file or page read, in bytes (default 10000000)
  --timeout SECONDS       how long to wait for one URL (default 20)
  --workers N             threads analysing articles (default: one per core, or the
                          PARLEY_WORKERS environment variable; 1 = no extra thread)
  -h, --help              show this help

Options of serve:
  --data DIR              where stories are kept (default ~/.parley)
  --port N                port to listen on (default 4747; 0 for any free port)
  --host H                address to listen on (default 127.0.0.1). Any address
                          that is not loopback needs a token: --token, or one is
                          generated and printed
  --token T               a secret of 16+ characters every request must carry
                          (the printed address sets it as a cookie)
  --allow-private-hosts   let article links reach loopback, private and link-local
                          addresses (refused by default; for local test servers)

Exit status: 0 when at least one article was analysed, 1 when none could be,
2 for a usage error.`;

function usageError(message: string): never {
  process.stderr.write(`parley: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) usageError(`${flag} needs a positive number, not "${value}"`);
  return n;
}

/** A one-line progress indicator, only when standard error is a terminal. */
function progress(): ((done: number, total: number, phase: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total, phase) => {
    process.stderr.write(`\r\x1b[K${phase} ${done}/${total}`);
    if (done === total) process.stderr.write('\r\x1b[K');
  };
}

/** Heap growth allowed after each full collection, in percent: see boundHeapGrowth. */
const HEAP_GROWING_PERCENT = 20;

/**
 * A brief makes far more garbage than it keeps (each stage builds and drops its working data),
 * and V8, given a machine with memory to spare, lets the heap grow up to 4× its live size before
 * the next full collection. At 1,000 real pages that was most of a 2.4 GB peak. Growing the heap
 * by 20% at a time instead halves the peak for a few per cent more CPU time (`npm run
 * bench:speed`). The flag is read at each collection, so setting it here works; it is V8's, so
 * it holds for the worker threads too. Left alone when the user chose a value.
 */
function boundHeapGrowth(): void {
  const chosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => /heap[-_]growing[-_]percent/.test(a));
  if (!chosen) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        'allow-private-hosts': { type: 'boolean', default: false },
        'max-bytes': { type: 'string' },
        timeout: { type: 'string' },
        data: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    usageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, ...inputs] = positionals;
  if (command === 'serve') {
    if (inputs.length) usageError(`serve takes no inputs (add articles in the browser); got "${inputs[0]}"`);
    if (values.out || values.json) usageError('--out and --json belong to parley brief, not serve');
    if (values.workers !== undefined) usageError('--workers belongs to parley brief, not serve');
    return serve(values);
  }
  if (command !== 'brief') usageError(command ? `unknown command "${command}"` : 'no command given');
  for (const flag of ['data', 'port', 'host', 'token'] as const) if (values[flag] !== undefined) usageError(`--${flag} belongs to parley serve, not brief`);
  if (inputs.length === 0) usageError('no input given');

  const maxBytes = positiveNumber(values['max-bytes'], '--max-bytes');
  const timeout = positiveNumber(values.timeout, '--timeout');
  const workers = positiveNumber(values.workers, '--workers');
  if (workers !== undefined && !Number.isInteger(workers)) usageError(`--workers needs a whole number, not "${values.workers}"`);
  boundHeapGrowth();
  const result = await brief(inputs, {
    allowPrivateHosts: values['allow-private-hosts'],
    maxBytes,
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    workers,
    onProgress: progress(),
  });
  for (const p of result.problems) process.stderr.write(`parley: ${p.source}: ${p.message}\n`);

  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (!values.json || values.out) {
    const dir = values.out ?? './parley-brief';
    const written = await writeBrief(result, dir);
    process.stderr.write(`parley: ${result.articles.length} article(s) analysed; wrote ${written.join(', ')}\n`);
  }
  if (result.articles.length === 0) {
    process.stderr.write('parley: no article could be analysed\n');
    return 1;
  }
  return 0;
}

async function serve(values: {
  data?: string;
  port?: string;
  host?: string;
  token?: string;
  'allow-private-hosts'?: boolean;
  'max-bytes'?: string;
  timeout?: string;
}): Promise<number> {
  const { startWorkspace, ServeUsageError, DEFAULT_PORT } = await import('./serve/index.js');
  let port = DEFAULT_PORT;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) usageError(`--port needs a number from 0 to 65535, not "${values.port}"`);
  }
  const maxBytes = positiveNumber(values['max-bytes'], '--max-bytes');
  const timeout = positiveNumber(values.timeout, '--timeout');
  let workspace;
  try {
    workspace = await startWorkspace({
      dataDir: values.data,
      host: values.host,
      port,
      token: values.token ?? null,
      allowPrivateHosts: values['allow-private-hosts'],
      maxBytes,
      timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    });
  } catch (err) {
    if (err instanceof ServeUsageError) {
      process.stderr.write(`parley: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const lines = [`Parley workspace: ${workspace.url}`, `Data folder: ${workspace.dataDir}`];
  if (workspace.token) lines.push('Every request needs the token: open the address above once in each browser (it sets a cookie), or send "Authorization: Bearer <token>".');
  if (workspace.resumed) lines.push(`Resuming ${workspace.resumed} interrupted analysis job${workspace.resumed === 1 ? '' : 's'}.`);
  if (values['allow-private-hosts']) lines.push('Article links may reach loopback and private addresses (--allow-private-hosts).');
  lines.push('Press Ctrl+C to stop.');
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.stderr.write('parley: stopping the workspace\n');
      workspace.close().then(done, done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`parley: internal error: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  },
);
