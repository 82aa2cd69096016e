// Well-known news outlets (data/ingest/outlets.json): the name a reader knows an outlet by, from
// its web address or from the way a page copy names it ("CNN", "The Associated Press", "(AP)").
import { loadJson } from '../util/data.js';

interface OutletEntry {
  name: string;
  domains: string[];
  aliases: string[];
}

let index: { byName: Map<string, string>; byDomain: Map<string, string> } | null = null;

function key(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}&!'/.-]+/gu, ' ')
    .trim();
}

function outlets(): { byName: Map<string, string>; byDomain: Map<string, string> } {
  if (!index) {
    const { outlets: list } = loadJson<{ outlets: OutletEntry[] }>('ingest/outlets.json');
    const byName = new Map<string, string>();
    const byDomain = new Map<string, string>();
    for (const o of list) {
      for (const n of [o.name, ...o.aliases]) byName.set(key(n), o.name);
      for (const d of o.domains) byDomain.set(d.toLowerCase(), o.name);
    }
    index = { byName, byDomain };
  }
  return index;
}

/** The outlet's own name when the text is exactly one of its names ("BBC", "the Associated Press"). */
export function knownOutlet(text: string): string | null {
  const k = key(text.replace(/^[\s(\[—–-]+|[\s)\].,:;—–-]+$/g, ''));
  return k ? (outlets().byName.get(k) ?? null) : null;
}

/** The outlet that publishes on this address's host or one of its parent domains. */
export function outletForUrl(url: string | null): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '');
  } catch {
    return null;
  }
  const { byDomain } = outlets();
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const name = byDomain.get(h);
    if (name) return name;
  }
  return null;
}

/**
 * A known outlet that a page copy names in its own furniture: a line that is only the outlet's
 * name (a masthead, a source line), a dateline credit "(AP) —", or a closing "© 2026 Reuters".
 * Only the first and last lines are read: an outlet named in the body is a source, not the publisher.
 */
export function outletNamedIn(lines: string[], head = 8, tail = 6): string | null {
  const picks = [...lines.slice(0, head), ...lines.slice(Math.max(head, lines.length - tail))];
  for (const line of picks) {
    const t = line.trim();
    if (!t || t.length > 80) continue;
    const whole = knownOutlet(t.replace(/^(?:source|from|via|published (?:by|in))\s*:?\s*/i, '').replace(/\s+(?:[|–—-]\s*)?(?:politics|world|news|home|opinion|business|international|us|uk|europe|middle east)$/i, ''));
    if (whole) return whole;
    const copyright = /^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(.+?)(?:[.,]|\s+all rights.*)?$/i.exec(t);
    if (copyright) {
      const name = knownOutlet(copyright[1]);
      if (name) return name;
    }
  }
  // A wire-style dateline in the first lines of the body: "WASHINGTON (CNN) —", "GENEVA, March 3 (Reuters) -".
  for (const line of lines.slice(0, head + 6)) {
    const m = /^[\p{Lu}][\p{Lu}\p{L} .,'-]{1,60}?\(([^)]{2,40})\)\s*[—–-]/u.exec(line.trim());
    const name = m ? knownOutlet(m[1]) : null;
    if (name) return name;
  }
  return null;
}
