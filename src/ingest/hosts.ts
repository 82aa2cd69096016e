// Which addresses a URL may reach. By default Parley refuses hosts that resolve to this machine or
// a private network, so a link in someone else's article list cannot probe an intranet.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

const V4_BLOCKS: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

/** Why an IP address is not public ("loopback", "private"…), or null for a public address. */
export function nonPublicReason(ip: string): string | null {
  const family = isIP(ip);
  if (family === 4) {
    const n = v4ToInt(ip);
    for (const [base, bits, why] of V4_BLOCKS) {
      const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
      if (((n & mask) >>> 0) === ((v4ToInt(base) & mask) >>> 0)) return why;
    }
    return null;
  }
  if (family === 6) {
    const a = ip.toLowerCase().replace(/^\[|\]$/g, '');
    const mapped = /^(?:0{0,4}:){0,5}(?::|0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(a);
    if (mapped) return nonPublicReason(mapped[1]) ?? null;
    if (a === '::' ) return 'unspecified';
    if (a === '::1' || /^(?:0{1,4}:){7}0{0,3}1$/.test(a)) return 'loopback';
    const first = parseInt(a.split(':')[0] || '0', 16);
    if ((first & 0xfe00) === 0xfc00) return 'private (unique local)';
    if ((first & 0xffc0) === 0xfe80) return 'link-local';
    if ((first & 0xff00) === 0xff00) return 'multicast';
    return null;
  }
  return 'not an IP address';
}

export interface Resolved {
  address: string;
  family: number;
}

/** The addresses a host name stands for: an IP literal is itself, a name is looked up once. */
export async function resolveHost(hostname: string, resolve: (host: string) => Promise<Resolved[]> = systemResolve): Promise<Resolved[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  return family ? [{ address: host, family }] : await resolve(host);
}

async function systemResolve(host: string): Promise<Resolved[]> {
  return lookup(host, { all: true, verbatim: true });
}

/** Why a host and the addresses it resolved to may not be fetched by default, or null. */
export function refusalFor(hostname: string, addresses: Resolved[]): string | null {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const why = nonPublicReason(host);
    return why ? `${host} is a ${why} address` : null;
  }
  if (/^localhost$|\.localhost$/i.test(host)) return `${host} is this machine (loopback)`;
  for (const { address } of addresses) {
    const why = nonPublicReason(address);
    if (why) return `${host} resolves to ${address}, a ${why} address`;
  }
  return null;
}

/** Refuse a host name that is, or resolves to, a non-public address. Returns a reason or null. */
export async function checkHost(hostname: string): Promise<string | null> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (/^localhost$|\.localhost$/i.test(host) && !isIP(host)) return refusalFor(host, []);
  return refusalFor(host, await resolveHost(host));
}
