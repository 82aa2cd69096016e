// Fetching a URL safely: only http(s), a time limit on the whole exchange, a size cap enforced
// while streaming, redirects followed by hand so that every hop's host is checked, and only
// HTML or plain-text answers. linkedom never loads a page's scripts or resources afterwards.
import { checkHost } from './hosts.js';
import { decodeText } from './decode.js';

export interface FetchOptions {
  allowPrivateHosts: boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  /** The host policy (default: refuse non-public addresses); replaceable so tests can check every hop. */
  checkHost?: (hostname: string) => Promise<string | null>;
}

export interface Fetched {
  /** The URL the page was finally read from (after redirects). */
  url: string;
  contentType: 'html' | 'text';
  text: string;
}

/** A failure the user can act on; the message names what to do. */
export class FetchProblem extends Error {}

const USER_AGENT = 'Parley/0.1 (news brief tool; +https://www.npmjs.com/package/parley)';

export async function fetchPage(input: string, options: FetchOptions): Promise<Fetched> {
  const maxRedirects = options.maxRedirects ?? 5;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    let url = parseHttpUrl(input);
    for (let hop = 0; ; hop++) {
      if (!options.allowPrivateHosts) {
        let why: string | null;
        try {
          why = await (options.checkHost ?? checkHost)(url.hostname);
        } catch {
          throw new FetchProblem(`cannot resolve the host ${url.hostname}; check the address and your connection`);
        }
        if (why) {
          throw new FetchProblem(
            `refused to fetch: ${why}. Parley does not fetch local or private-network addresses by default; if you trust this address, rerun with --allow-private-hosts (library: allowPrivateHosts: true), or save the page to a file and pass that`,
          );
        }
      }
      let response: Response;
      try {
        response = await fetch(url, {
          redirect: 'manual',
          signal: controller.signal,
          headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,text/plain;q=0.9' },
        });
      } catch (err) {
        if (controller.signal.aborted) throw timeoutProblem(options.timeoutMs);
        throw new FetchProblem(`could not connect to ${url.host} (${causeOf(err)}); check the address, or save the page to a file`);
      }
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        await response.body?.cancel();
        if (hop >= maxRedirects) {
          throw new FetchProblem(`gave up after ${maxRedirects} redirects; open the URL in a browser and pass the final address`);
        }
        url = parseHttpUrl(new URL(response.headers.get('location')!, url).href, 'redirected to');
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new FetchProblem(`the server answered ${response.status} ${response.statusText}; check the URL or save the page to a file`);
      }
      const type = (response.headers.get('content-type') ?? '').toLowerCase();
      const mime = type.split(';')[0].trim();
      const contentType = mime === 'text/html' || mime === 'application/xhtml+xml' ? 'html' : mime === 'text/plain' ? 'text' : null;
      if (!contentType) {
        await response.body?.cancel();
        throw new FetchProblem(typeMessage(mime));
      }
      const length = Number(response.headers.get('content-length') ?? NaN);
      if (length > options.maxBytes) {
        await response.body?.cancel();
        throw new FetchProblem(sizeMessage(length, options.maxBytes));
      }
      const bytes = await readCapped(response, options.maxBytes, controller);
      const charset = /charset\s*=\s*"?([\w-]+)/.exec(type)?.[1] ?? null;
      return { url: url.href, contentType, text: decodeText(bytes, charset) };
    }
  } catch (err) {
    if (err instanceof FetchProblem) throw err;
    if (controller.signal.aborted) throw timeoutProblem(options.timeoutMs);
    throw new FetchProblem(`could not fetch the page (${causeOf(err)}); save it to a file and pass that instead`);
  } finally {
    clearTimeout(timer);
  }
}

function parseHttpUrl(raw: string, how = 'the address'): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchProblem(`${how} ${raw} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const scheme = url.protocol.replace(':', '');
    const advice =
      scheme === 'file'
        ? `pass the file's path itself (${decodeURIComponent(url.pathname)})`
        : `download the page (in a browser or with a ${scheme} client), save it as .html or .txt and pass the saved file, or pass its http(s) address if it has one`;
    throw new FetchProblem(`${how} uses ${scheme}; Parley fetches only http and https URLs. To read it, ${advice}`);
  }
  return url;
}

async function readCapped(response: Response, maxBytes: number, controller: AbortController): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      throw new FetchProblem(sizeMessage(total, maxBytes, true));
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** What to do about an answer that is not a page: the advice depends on what was served instead. */
export function typeMessage(mime: string): string {
  const what = mime || 'of no stated type';
  const major = mime.split('/')[0];
  const advice =
    major === 'image' || major === 'video' || major === 'audio'
      ? `pass the URL of the article page that shows this ${major}, not the ${major} itself`
      : mime === 'application/pdf'
        ? 'download the PDF, convert it to text (for example with pdftotext) and pass the .txt'
        : /json|xml|rss|atom/.test(mime)
          ? "pass the URL of one article page, not a feed or an API address"
          : "pass the article page's URL, or save the article as .html or .txt and pass that file";
  return `the page is ${what}, not HTML or plain text; ${advice}`;
}

/** The advice names the flag that raises the limit, with a value that would let this input through. */
export function sizeMessage(size: number, maxBytes: number, atLeast = false): string {
  const mb = (n: number) => (n < 1e4 ? `${n} bytes` : n < 1e6 ? `${Math.round(n / 1e3)} KB` : `${(n / 1e6).toFixed(1)} MB`);
  // Double an unknown total (streams stop at the cap); round up to two significant figures.
  const needed = atLeast ? Math.max(size, maxBytes) * 2 : size;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(needed)) - 1);
  const suggestion = Math.ceil(needed / step) * step;
  return `is ${atLeast ? 'more than ' : ''}${mb(size)}, over the ${mb(maxBytes)} limit; pass the article alone (not a whole site dump), or rerun with --max-bytes ${suggestion} (library: maxBytes) to read it`;
}

function timeoutProblem(ms: number): FetchProblem {
  const suggestion = Math.max(1, Math.ceil((ms * 3) / 1000));
  return new FetchProblem(
    `timed out after ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`}; try again later, rerun with --timeout ${suggestion} (seconds) for a slow server, or save the page to a file and pass that`,
  );
}

function causeOf(err: unknown): string {
  const e = err as { cause?: { code?: string; message?: string }; message?: string };
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}
