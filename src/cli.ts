#!/usr/bin/env node
// The command line: `parley brief <input...> [--out DIR] [--json]` as ../shared/BRIEF.md gives it.
import { parseArgs } from 'node:util';
import { brief } from './pipeline.js';
import { writeBrief } from './brief/write.js';

const USAGE = `Usage: parley brief <input...> [--out DIR] [--json] [--allow-private-hosts]
                    [--max-bytes N] [--timeout SECONDS]

Reads news articles about one negotiation and writes a brief whose every item
links back to the passage it came from.

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
  -h, --help              show this help

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
  if (command !== 'brief') usageError(command ? `unknown command "${command}"` : 'no command given');
  if (inputs.length === 0) usageError('no input given');

  const maxBytes = positiveNumber(values['max-bytes'], '--max-bytes');
  const timeout = positiveNumber(values.timeout, '--timeout');
  const result = await brief(inputs, {
    allowPrivateHosts: values['allow-private-hosts'],
    maxBytes,
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`parley: internal error: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  },
);
