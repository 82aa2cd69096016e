// Who may talk to the workspace. Without a token the server listens on loopback only and answers
// only requests addressed to a loopback name: a page on another site that points its own domain at
// 127.0.0.1 (DNS rebinding) sends its own name as Host and is refused. With a token every request
// must carry it (header or cookie), which a rebinding page cannot. A request that changes
// anything must come from the workspace's own pages (Origin, else Sec-Fetch-Site): no other
// site's form or script can add, rename or delete (CSRF).
import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export const TOKEN_COOKIE = 'parley_token';

/** Is this bind address loopback-only? */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1';
  return false;
}

/** The Host header values a token-less server answers to: loopback names with its port. */
export function loopbackHostHeaders(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The token a request carries: `Authorization: Bearer …`, `X-Parley-Token` or the cookie. */
export function presentedToken(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim();
  const header = req.headers['x-parley-token'];
  if (typeof header === 'string') return header;
  return cookie(req, TOKEN_COOKIE);
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Why a state-changing request is refused as cross-site, or null. Browsers send Origin with
 * every POST, PATCH and DELETE they make from a page; clients that are not browsers (curl, scripts)
 * send neither header and cannot be driven by another site. */
export function crossSiteRefusal(req: IncomingMessage): string | null {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return null;
  const host = req.headers.host ?? '';
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (origin !== `http://${host}`) return `a request from ${origin} may not change this workspace; use the workspace's own pages`;
    return null;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'a request from another site may not change this workspace';
  return null;
}
