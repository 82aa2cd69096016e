// Which addresses a URL may reach. By default Parley refuses hosts that are, or resolve to, an
// address outside the public unicast Internet, so a link in someone else's article list cannot
// probe this machine, an intranet or a cloud metadata service.
//
// Addresses are classified by ipaddr.js (parse, then `range()` against the IANA special-purpose
// registries) rather than by hand: the same address has many spellings (::ffff:7f00:1 is
// 127.0.0.1), and a hand-written pattern only knows the spellings its author thought of.
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

const V4_LABELS: Record<string, string> = {
  unspecified: 'unspecified ("this network")',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'shared (carrier-grade NAT)',
  private: 'private',
  as112: 'AS112 (special-purpose DNS sink)',
  amt: 'AMT (special-purpose multicast relay)',
};

const V6_LABELS: Record<string, string> = {
  unspecified: 'unspecified',
  linkLocal: 'link-local',
  multicast: 'multicast',
  loopback: 'loopback',
  uniqueLocal: 'private (unique local)',
  deprecatedSiteLocal: 'site-local (deprecated, private)',
  discard: 'discard-only',
  rfc6145: 'IPv4-translated (SIIT)',
  rfc6052: 'NAT64 local-use',
  '6to4': '6to4',
  teredo: 'Teredo tunnel',
  benchmarking: 'benchmarking',
  amt: 'AMT (special-purpose multicast relay)',
  as112v6: 'AS112 (special-purpose DNS sink)',
  deprecatedOrchid: 'ORCHID (deprecated)',
  orchid2: 'ORCHIDv2',
  droneRemoteIdProtocolEntityTags: 'drone remote ID (DET)',
  segmentRouting: 'segment routing (SRv6)',
  reserved: 'reserved (IETF protocol assignments or documentation)',
  ipv4Mapped: 'IPv4-mapped',
};

// ipaddr.js files these IPv4 blocks under one "reserved" name; the message says which one.
const V4_RESERVED: [string, string][] = [
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation (TEST-NET-1)'],
  ['198.51.100.0/24', 'documentation (TEST-NET-2)'],
  ['203.0.113.0/24', 'documentation (TEST-NET-3)'],
  ['198.18.0.0/15', 'benchmarking'],
  ['192.88.99.0/24', '6to4 relay anycast (deprecated)'],
  ['240.0.0.0/4', 'reserved (future use)'],
];

const cidr = (s: string) => ipaddr.parseCIDR(s);
const NAT64_WELL_KNOWN = cidr('64:ff9b::/96');
const SIX_TO_FOUR = cidr('2002::/16');
const GLOBAL_UNICAST_V6 = cidr('2000::/3');

function parseAddress(ip: string): Address | null {
  const bare = ip.replace(/^\[|\]$/g, '');
  // IPv4 only in its strict form: a URL's host such as "0x7f.1" reaches here already rewritten
  // to dotted decimal by the URL parser, and any other string is a name for the resolver, whose
  // answers are then checked.
  if (ipaddr.IPv4.isValidFourPartDecimal(bare)) return ipaddr.IPv4.parse(bare);
  if (!bare.includes(':')) return null;
  // IPv6 goes through the WHATWG parser first, the one every URL host went through: ipaddr.js
  // reads the deprecated IPv4-compatible "::127.0.0.1" as the mapped ::ffff:127.0.0.1, the URL
  // parser (and the network) as ::7f00:1. A scope ("%eth0", from a resolver) does not change
  // the address's class.
  let canonical: string;
  try {
    canonical = new URL(`http://[${bare.replace(/%.*$/, '')}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  return ipaddr.IPv6.isValid(canonical) ? ipaddr.IPv6.parse(canonical) : null;
}

function v4Reason(a: ipaddr.IPv4): string | null {
  const range = a.range();
  if (range === 'unicast') return null;
  if (range === 'reserved') {
    for (const [block, label] of V4_RESERVED) if (a.match(cidr(block))) return label;
    return 'reserved';
  }
  return V4_LABELS[range] ?? range;
}

/** The IPv4 address in bits 32..63 of a 64:ff9b::/96 or bits 16..47 of a 2002::/16 address. */
function embeddedV4(a: ipaddr.IPv6, firstPart: number): ipaddr.IPv4 {
  const p = a.parts;
  return new ipaddr.IPv4([p[firstPart] >> 8, p[firstPart] & 0xff, p[firstPart + 1] >> 8, p[firstPart + 1] & 0xff]);
}

function v6Reason(a: ipaddr.IPv6): string | null {
  // NAT64 (well-known prefix) and 6to4 carry an IPv4 address and lead to it: they are as public
  // as that address. An IPv6-only network with DNS64 answers every IPv4-only site this way, so
  // refusing the prefix outright would refuse the whole IPv4 web there.
  for (const [block, part, label] of [[NAT64_WELL_KNOWN, 6, 'NAT64'], [SIX_TO_FOUR, 1, '6to4']] as const) {
    if (!a.match(block)) continue;
    const inner = embeddedV4(a, part);
    const why = v4Reason(inner);
    return why ? `${label} to ${inner.toString()}, ${why}` : null;
  }
  const range = a.range();
  if (range !== 'unicast') return V6_LABELS[range] ?? range;
  // Outside 2000::/3 nothing is allocated for global unicast: IPv4-compatible ::a.b.c.d, the
  // rest of ::/8 and 100::/8, and every other reserved block.
  if (!a.match(GLOBAL_UNICAST_V6)) {
    if (a.parts.slice(0, 6).every((x) => x === 0)) {
      const inner = embeddedV4(a, 6);
      const why = v4Reason(inner);
      return `deprecated IPv4-compatible form of ${inner.toString()}${why ? `, ${why}` : ''}`;
    }
    return 'reserved (outside global unicast 2000::/3)';
  }
  return null;
}

/** Why an IP address is not public ("loopback", "private", "NAT64 to 10.0.0.1, private"…), or
 * null for a public address.
 * An IPv4-mapped IPv6 address is judged as the IPv4 address it stands for. */
export function nonPublicReason(ip: string): string | null {
  const parsed = parseAddress(ip);
  if (!parsed) return 'not an IP address';
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    const inner = (parsed as ipaddr.IPv6).toIPv4Address();
    const why = v4Reason(inner);
    return why ? `${why}, IPv4-mapped ${inner.toString()}` : null;
  }
  return parsed.kind() === 'ipv4' ? v4Reason(parsed as ipaddr.IPv4) : v6Reason(parsed as ipaddr.IPv6);
}

export interface Resolved {
  address: string;
  family: number;
}

/** The address to open a socket to: an IPv4-mapped IPv6 address is connected to as IPv4, which
 * is where it leads anyway and works on hosts without IPv6. */
export function connectAddress(r: Resolved): Resolved {
  const parsed = parseAddress(r.address);
  if (parsed?.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return { address: (parsed as ipaddr.IPv6).toIPv4Address().toString(), family: 4 };
  }
  return { address: r.address.replace(/^\[|\]$/g, ''), family: r.family };
}

function ipLiteral(hostname: string): Resolved | null {
  const host = hostname.replace(/^\[|\]$/g, '');
  const parsed = parseAddress(host);
  return parsed ? { address: host, family: parsed.kind() === 'ipv4' ? 4 : 6 } : null;
}

/** The addresses a host name stands for: an IP literal is itself, a name is looked up once. */
export async function resolveHost(hostname: string, resolve: (host: string) => Promise<Resolved[]> = systemResolve): Promise<Resolved[]> {
  const literal = ipLiteral(hostname);
  return literal ? [literal] : await resolve(hostname);
}

async function systemResolve(host: string): Promise<Resolved[]> {
  return lookup(host, { all: true, verbatim: true });
}

/** localhost and every name under .localhost are this machine (RFC 6761), whatever DNS says. */
export function isLocalhostName(hostname: string): boolean {
  return /(?:^|\.)localhost\.?$/i.test(hostname);
}

/** Why a host and the addresses it resolved to may not be fetched by default, or null. Every
 * address must be public: the connection may go to any one of them. */
export function refusalFor(hostname: string, addresses: Resolved[]): string | null {
  const literal = ipLiteral(hostname);
  if (literal) {
    const why = nonPublicReason(literal.address);
    return why ? `${literal.address} is not a public address (${why})` : null;
  }
  if (isLocalhostName(hostname)) return `${hostname} is this machine (loopback)`;
  for (const { address } of addresses) {
    const why = nonPublicReason(address);
    if (why) return `${hostname} resolves to ${address}, not a public address (${why})`;
  }
  return null;
}

/** The production host policy on its own: refuse a host name that is, or resolves to, a
 * non-public address. Returns a reason or null. fetchPage applies the same refusalFor to the
 * addresses it then connects to. */
export async function checkHost(hostname: string, resolve?: (host: string) => Promise<Resolved[]>): Promise<string | null> {
  if (isLocalhostName(hostname) && !ipLiteral(hostname)) return refusalFor(hostname, []);
  return refusalFor(hostname, await resolveHost(hostname, resolve));
}
