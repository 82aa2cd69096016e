// Site chrome in a page copy, line by line: navigation, prompts, share buttons, comment widgets,
// ads, teaser headers, and the markers of the page's tail (tags, copyright, contact lines).
import { loadJson } from '../../util/data.js';
import { listKey, wordCount } from './lines.js';

export type ChromeKind = 'navigation' | 'prompt' | 'share' | 'comments' | 'ads' | 'teaserHeader' | 'inlineTeaser' | 'tail';

interface ChromeList {
  lines?: string[];
  patterns?: string[];
}
type ChromeData = Record<ChromeKind, ChromeList>;

const KINDS: ChromeKind[] = ['ads', 'share', 'comments', 'prompt', 'tail', 'teaserHeader', 'inlineTeaser', 'navigation'];

let compiled: { kind: ChromeKind; lines: Set<string>; patterns: RegExp[] }[] | null = null;

function rules() {
  if (!compiled) {
    const data = loadJson<ChromeData>('ingest/chrome.json');
    compiled = KINDS.map((kind) => ({
      kind,
      lines: new Set((data[kind]?.lines ?? []).map(listKey)),
      patterns: (data[kind]?.patterns ?? []).map((p) => new RegExp(p, 'iu')),
    }));
  }
  return compiled;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const HANDLE = /(?:^|\s)@[A-Za-z0-9_]{2,}\b/;

/** What kind of chrome a line is, or null for a line that may belong to the article. */
export function chromeKind(line: string): ChromeKind | null {
  const key = listKey(line);
  const words = wordCount(line);
  for (const rule of rules()) {
    if (rule.lines.has(key) && words <= 8) return rule.kind;
  }
  // Patterns are for short lines only: a long paragraph that mentions a newsletter is article text.
  if (words <= 40) {
    for (const rule of rules()) {
      if (rule.patterns.some((p) => p.test(line))) return rule.kind;
    }
  }
  if (isContactLine(line)) return 'tail';
  if (isShareRow(line)) return 'share';
  return null;
}

/** An author contact line: a short line carrying an e-mail address or a social handle. */
export function isContactLine(line: string): boolean {
  const words = wordCount(line);
  // "— Jane Doe (@jdoe) June 3, 2025" closes an embedded post, which is article content.
  if (/^[—–-]/.test(line.trim()) || /\(@[A-Za-z0-9_]+\)/.test(line)) return false;
  return words <= 20 && (EMAIL.test(line) || (HANDLE.test(line) && words <= 8));
}

const SHARE_WORDS = new Set([
  'share', 'tweet', 'facebook', 'twitter', 'x', 'whatsapp', 'linkedin', 'pinterest', 'pint', 'pin', 'reddit', 'email', 'e-mail', 'mail',
  'print', 'copy', 'link', 'telegram', 'messenger', 'flipboard', 'bluesky', 'threads', 'save', 'download', 'baixar', 'sms', 'comment', 'comments',
]);

/** "Whatsapp Facebook Pint Baixar", "Facebook Twitter Email": a row of share buttons copied as one line. */
export function isShareRow(line: string): boolean {
  const words = line.toLowerCase().split(/[\s|•·,/]+/).filter(Boolean);
  return words.length >= 2 && words.length <= 12 && words.every((w) => SHARE_WORDS.has(w.replace(/[^a-z-]/g, '')));
}
