// The outlet named in a page copy's chrome: "© 2025 The Harbour Courier", "More from The Harbour Courier",
// or beside the date: "The Marenka Observer — Sunday, June 7, 2026", "VELGRAD, Sept 2 (Aldovian News Agency)".
import { parseDateline } from './dateline.js';
import { organisationOf, parseBioLine } from './byline.js';

const COPYRIGHT = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*([\p{Lu}][\p{L}&'’. -]{1,60}?)(?:\s*[.,|]|\s+\d{4}\b|\s+all rights|\s+(?:ltd|inc|llc|limited|company|co|corporation|group|plc|gmbh)\b|$)/iu;
const MORE_FROM = /^[Mm]ore (?:from|stories from)\s+([\p{Lu}][\p{L}&'’. -]{1,60}?)\s*$/u;

export function findOutlet(lines: string[]): string | null {
  for (const line of lines) {
    const m = COPYRIGHT.exec(line.trim()) ?? MORE_FROM.exec(line.trim());
    if (m) {
      const name = m[1].trim().replace(/[.\s]+$/, '');
      if (name.split(/\s+/).length <= 6 && !/^(?:all|the author|the authors|author)$/i.test(name)) return name;
    }
  }
  return null;
}

/**
 * The site name at the top of a page copy, before the menu: the first short, capitalised line
 * no rule claims ("Daily Clarion", "THE POLICY REVIEW"), within the first few lines.
 */
export function mastheadOutlet(lines: string[], claimed: boolean[], headline: number): string | null {
  const end = Math.min(headline < 0 ? 5 : headline, 5, lines.length);
  for (let i = 0; i < end; i++) {
    if (claimed[i]) continue;
    const t = lines[i].trim();
    const words = t.split(/\s+/);
    if (words.length > 5 || /\d|[.!?:,;|]/.test(t)) return null;
    if (!words.every((w) => /^(?:\p{Lu}[\p{L}'’&-]*|of|the|and|on|for|&)$/u.test(w))) return null;
    return t === t.toUpperCase() ? t.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()).replace(/\b(Of|The|And|On|For)\b(?!$)/g, (w, _x, off: number) => (off === 0 ? w : w.toLowerCase())) : t;
  }
  return null;
}

/** The organisation named beside the date on a dateline; a place in capitals ("MIRNA") is not one. */
export function datelineOutlet(line: string): string | null {
  const d = parseDateline(line);
  if (!d) return null;
  const rest = line.slice(0, d.index) + ' | ' + line.slice(d.index + d.length);
  for (const raw of rest.split(/\s*(?:[|,;()•·]|\s[–—-]\s|^[–—-]\s|\s[–—-]$)\s*/)) {
    const seg = raw.trim();
    if (!seg || seg === seg.toUpperCase()) continue;
    const org = organisationOf(seg);
    if (org) return org;
  }
  return null;
}

/**
 * The institution a closing biography names: "Jane Doe is a senior fellow at the Halden
 * Institute" / "… in the Halden Institute's Conflict Programme" → "Halden Institute". A think
 * tank's commentary is published by the author's institution.
 */
export function bioOutlet(line: string): string | null {
  if (!parseBioLine(line)) return null;
  const re = /\b(?:at|in|with|of|for)\s+(?:the\s+)?(\p{Lu}[\p{L}-]*(?:\s+(?:for|of|on|and|\p{Lu}[\p{L}-]*))*)/gu;
  for (const m of line.matchAll(re)) {
    const org = organisationOf(m[1].replace(/\s+(?:for|of|on|and)$/, ''));
    if (org) return org;
  }
  return null;
}
