// Country names across outlets: "US", "U.S.", "United States", "America" are one place. Uses the
// world-countries package directly (resolve/ reads annotations, not entities/ internals).
import { createRequire } from 'node:module';
import { foldName } from './names.js';

const require = createRequire(import.meta.url);

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
}

let table: Map<string, string> | null = null;

function countries(): Map<string, string> {
  if (table) return table;
  table = new Map();
  // Short forms cut from official names ("Republic of China" → "China") come second and never
  // displace a name a country is actually called: "China" is the PRC, not Taiwan.
  const shorts: [string, string][] = [];
  for (const c of require('world-countries') as WorldCountry[]) {
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
      if (/^[A-Z]{2,3}$/.test(n) && !['US', 'UK', 'UAE', 'USA'].includes(n)) continue;
      table.set(key(n), c.cca2);
      const short = /^(?:the )?(?:[\w' -]+ )?(?:republic|kingdom|federation|state|states) of (?:the )?(.+)$/i.exec(n);
      if (short) shorts.push([key(short[1]), c.cca2]);
    }
  }
  for (const [k, cc] of shorts) if (!table.has(k)) table.set(k, cc);
  for (const [n, cc] of [
    ['America', 'US'],
    ['U.S.', 'US'],
    ['U.S.A.', 'US'],
    ['Britain', 'GB'],
    ['Great Britain', 'GB'],
    ['U.K.', 'GB'],
    ['Turkey', 'TR'],
    ['Russia', 'RU'],
  ]) {
    table.set(key(n), cc);
  }
  return table;
}

const key = (s: string) => foldName(s).replace(/^the /, '').replace(/\./g, '');

/** The country code that one of these forms names, if any. */
export function placeKey(forms: string[]): string | null {
  const t = countries();
  for (const f of forms) {
    const cc = t.get(key(f));
    if (cc) return cc;
  }
  return null;
}
