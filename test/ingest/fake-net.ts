// A pretend Internet for URL tests, installed from outside Parley's code: made-up host names
// resolve (through the real node:dns/promises that src/ingest/hosts.ts imports) to public-looking
// addresses, and sockets opened to those addresses are carried to a local server. Nothing in
// src/ knows about it, so the host policy under test is exactly the production one.
//
// Use in-process with installFakeNetwork(), or as a preload for the real CLI:
//   PARLEY_FAKE_NET='{"names":{"news.example":"93.184.215.14"},"route":{"93.184.215.14":"127.0.0.1"}}'
//   node --import tsx --import ./test/ingest/fake-net.ts src/cli.ts brief http://news.example:PORT/
import dns from 'node:dns';
import http from 'node:http';
import { syncBuiltinESMExports } from 'node:module';

export interface FakeNetwork {
  /** Host name → the address the fake resolver gives. */
  names: Record<string, string>;
  /** Address a socket is opened to (as the resolver or the URL spells it) → the address it
   * really reaches. */
  route: Record<string, string>;
}

type LookupCallback = (err: Error | null, address: string | { address: string; family: number }[], family?: number) => void;
type LookupFn = (host: string, opts: { all?: boolean }, cb: LookupCallback) => void;

export function installFakeNetwork(net: FakeNetwork): void {
  const realLookup = dns.promises.lookup;
  const fakeLookup = (async (host: string, opts?: unknown) => {
    const address = net.names[host.toLowerCase()];
    if (!address) return (realLookup as (h: string, o?: unknown) => Promise<unknown>)(host, opts);
    const entry = { address, family: address.includes(':') ? 6 : 4 };
    return (opts as { all?: boolean })?.all ? [entry] : entry;
  }) as typeof dns.promises.lookup;
  dns.promises.lookup = fakeLookup;
  syncBuiltinESMExports();

  // Every http.request with `agent: false` gets a fresh Agent, whose createConnection this is.
  // The socket still asks the request's own lookup (fetch.ts pins it to the checked address);
  // only the answer it gets is carried on to the local server.
  const realCreate = http.Agent.prototype.createConnection;
  http.Agent.prototype.createConnection = function (this: http.Agent, options: Record<string, unknown>, ...rest: unknown[]) {
    const pinned = options.lookup as LookupFn | undefined;
    const routed: LookupFn | undefined = pinned
      ? (host, opts, cb) =>
          pinned(host, opts, (err, address, family) => {
            if (err) return cb(err, address, family);
            if (Array.isArray(address)) return cb(null, address.map((a) => ({ ...a, address: net.route[a.address] ?? a.address })));
            cb(null, net.route[address] ?? address, family);
          })
      : undefined;
    // A literal IP host opens its socket without a lookup: carry it on by its own address.
    const host = typeof options.host === 'string' ? options.host.replace(/^\[|\]$/g, '') : options.host;
    const carried = typeof host === 'string' && net.route[host] ? { host: net.route[host] } : {};
    return (realCreate as (...a: unknown[]) => unknown).call(this, { ...options, lookup: routed, ...carried }, ...rest);
  } as typeof realCreate;
}

if (process.env.PARLEY_FAKE_NET) installFakeNetwork(JSON.parse(process.env.PARLEY_FAKE_NET) as FakeNetwork);
