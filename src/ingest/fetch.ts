// Fetching a URL safely: only http(s), a time limit on the whole exchange, a size cap enforced
// while streaming (after decompression), redirects followed by hand so that every hop's host is
// checked, and only HTML or plain-text answers. Each hop's host is resolved once and the
// connection goes to that checked address (a second lookup could answer differently: DNS
// rebinding). linkedom never loads a page's scripts or resources afterwards.
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { connectAddress, isLocalhostName, refusalFor, resolveHost, type Resolved } from './hosts.js';
import { decodeText } from './decode.js';

export interface FetchOptions {
  allowPrivateHosts: boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  /** Name resolution (default: the system resolver); replaceable so tests can play a rebinding
   * resolver. The host policy applies to whatever it answers, and there is no way to replace the
   * policy itself. */
  resolve?: (hostname: string) => Promise<Resolved[]>;
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
      const pinned = await pinAddress(url, options);
      let response: IncomingMessage;
      try {
        response = await request(url, pinned, controller.signal);
      } catch (err) {
        if (controller.signal.aborted) throw timeoutProblem(options.timeoutMs);
        throw new FetchProblem(`could not connect to ${url.host} (${causeOf(err)}); check the address, or save the page to a file`);
      }
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.destroy();
        if (hop >= maxRedirects) {
          throw new FetchProblem(`gave up after ${maxRedirects} redirects; open the URL in a browser and pass the final address`);
        }
        url = parseHttpUrl(new URL(location, url).href, 'redirected to');
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        throw new FetchProblem(`the server answered ${status} ${response.statusMessage ?? ''}`.trimEnd() + '; check the URL or save the page to a file');
      }
      const type = String(response.headers['content-type'] ?? '').toLowerCase();
      const mime = type.split(';')[0].trim();
      const contentType = mime === 'text/html' || mime === 'application/xhtml+xml' ? 'html' : mime === 'text/plain' ? 'text' : null;
      if (!contentType) {
        response.destroy();
        throw new FetchProblem(typeMessage(mime));
      }
      const length = Number(response.headers['content-length'] ?? NaN);
      if (length > options.maxBytes) {
        response.destroy();
        throw new FetchProblem(sizeMessage(length, options.maxBytes));
      }
      const bytes = await readCapped(decoded(response), options.maxBytes, controller);
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

/** Resolve the hop's host once, apply the host policy to every address it gave, and return the
 * address to connect to. The same lookup answers both, so the policy judges where the socket goes. */
async function pinAddress(url: URL, options: FetchOptions): Promise<Resolved> {
  const host = url.hostname;
  const refuse = (why: string) =>
    new FetchProblem(
      `refused to fetch: ${why}. Parley does not fetch local or private-network addresses by default; if you trust this address, rerun with --allow-private-hosts (library: allowPrivateHosts: true), or save the page to a file and pass that`,
    );
  // localhost is refused before any lookup: no need to ask DNS about this machine.
  if (!options.allowPrivateHosts && isLocalhostName(host)) throw refuse(refusalFor(host, []) ?? `${host} is this machine`);
  let addresses: Resolved[];
  try {
    addresses = await resolveHost(host, options.resolve);
  } catch {
    throw new FetchProblem(`cannot resolve the host ${host}; check the address and your connection`);
  }
  if (!addresses.length) throw new FetchProblem(`cannot resolve the host ${host}; check the address and your connection`);
  if (!options.allowPrivateHosts) {
    const why = refusalFor(host, addresses);
    if (why) throw refuse(why);
  }
  return connectAddress(addresses[0]);
}

/** One GET to the pinned address; TLS still verifies the certificate for the URL's host name. */
function request(url: URL, pinned: Resolved, signal: AbortSignal): Promise<IncomingMessage> {
  const lookup = ((_host: string, opts: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (opts?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as unknown as LookupFunction;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        signal,
        lookup,
        // No pooled socket: one kept alive for the same name could lead to another address.
        agent: false,
        headers: {
          'user-agent': USER_AGENT,
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.9',
          'accept-encoding': 'gzip, deflate, br',
        },
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

/** The body with its content coding undone; the size cap applies to what comes out. */
function decoded(response: IncomingMessage): Readable {
  const coding = String(response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const inflate = coding === 'gzip' || coding === 'x-gzip' ? createGunzip() : coding === 'deflate' ? createInflate() : coding === 'br' ? createBrotliDecompress() : null;
  return inflate ? pipeline(response, inflate, () => undefined) : response;
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

async function readCapped(body: Readable, maxBytes: number, controller: AbortController): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  const onAbort = () => body.destroy(new Error('aborted'));
  controller.signal.addEventListener('abort', onAbort);
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        body.destroy();
        throw new FetchProblem(sizeMessage(total, maxBytes, true));
      }
      chunks.push(chunk);
    }
  } finally {
    controller.signal.removeEventListener('abort', onAbort);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
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
  const e = err as { code?: string; cause?: { code?: string; message?: string }; message?: string };
  return e?.code ?? e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}
