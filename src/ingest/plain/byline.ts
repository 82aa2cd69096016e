// Bylines: "By Jane Doe and John Roe", "…, writes Jane Doe", a closing "Jane Doe is a fellow at …".
import { loadJson } from '../../util/data.js';
import { knownOutlet } from '../outlets.js';

const NAME_WORD = "(?:[A-Z\\u00C0-\\u024F][\\p{L}'’.-]*|de|da|van|von|der|al|bin|el|la|le|du|di|y)";
const NAME = `[A-Z\\u00C0-\\u024F][\\p{L}'’.-]*(?:\\s+${NAME_WORD}){1,4}`;

const BY_LINE = new RegExp(`^(?:written\\s+)?(?:by|words\\s+by|von|par|por)\\s*:?\\s+(.+)$`, 'iu');
const WRITES = new RegExp(`(?:^|[,;:.—–-]\\s*|\\s)(?:writes|argues|reports|says)\\s+(${NAME})\\s*\\.?$`, 'u');
const BIO = new RegExp(
  `^(${NAME})\\s+(?:is|was|has been|serves as)\\s+(?:an?|the|a former|the former|former|senior|chief|associate|assistant|deputy)\\b[^\\n]{0,200}?\\b(?:fellow|professor|correspondent|editor|author|writer|researcher|analyst|columnist|reporter|journalist|contributor|lecturer|scholar|commentator|economist|historian|director of (?:the )?[\\p{Lu}][\\p{L}]+ (?:programme|program|centre|center|institute|project))\\b`,
  'u',
);

const ROLE_TAIL = /\s*(?:[,|–—(]|\s-\s)\s*(?:[^,|]*\b(?:correspondent|editor|reporter|writer|staff|columnist|contributor|bureau|chief|analyst|in\s+[A-Z][a-z]+|news|agency|press)\b.*)$/i;

const AGENCY = /^(?:the\s+)?(?:associated press|agence france[- ]presse|press association|pa media|news desk|web desk|staff (?:writer|reporter)s?|our (?:correspondent|reporter)s?|[\p{L} ]*\b(?:news agency|newsroom|staff|desk|bureau))$/iu;

const PARTICLE = /^(?:de|da|das|dos|del|della|di|du|van|von|der|den|ter|ten|al|el|bin|bint|ibn|la|le|y|e|zu|af)$/;

const HONORIFIC = /(^|\s|,|\band\s)(?:dr|prof|mr|mrs|ms|mx|sir|dame|amb|gen|col|rev)\.?\s+(?=\p{Lu})/giu;

function stripHonorifics(s: string): string {
  return s.replace(HONORIFIC, '$1');
}

/** "JANE DOE" → "Jane Doe"; names in mixed case stay as written. */
function fixCase(name: string): string {
  if (name !== name.toUpperCase() || !/[A-Z]{2}/.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

/** Split and tidy author strings: "By A and B", "A, B & C", drop roles and e-mail addresses. */
export function cleanAuthorList(raw: string[]): string[] {
  const out: string[] = [];
  for (const entry of raw) {
    let s = entry.replace(/\s+/g, ' ').trim();
    s = s.replace(/^(?:written\s+)?(?:by|words\s+by)\s*:?\s+/i, '');
    s = s.replace(/\S+@\S+/g, '').replace(/https?:\/\/\S+/g, '');
    s = stripHonorifics(s.replace(ROLE_TAIL, ''));
    s = s.replace(/\s+(?:in|from|at|reporting from)\s+\p{Lu}[\p{L} .'-]*$/u, '');
    for (let part of s.split(/\s*(?:,|&|\b(?:and|AND|And)\b|\bund\b|\bet\b|\by\b|\|)\s*/)) {
      part = part.replace(/^[\s,;:.—–-]+|[\s,;:—–-]+$/g, '').trim();
      if (!part || part.length > 60) continue;
      const words = part.split(/\s+/);
      // A name is capitalised words (with the usual particles): "the end of the week" is not one.
      if (!words.every((w) => /^\p{Lu}/u.test(w) || PARTICLE.test(w))) continue;
      if (words.length > 5) continue;
      // One word is an agency or a desk ("Reuters", "Staff"), not a person's byline.
      if (words.length === 1 || AGENCY.test(part)) continue;
      const name = fixCase(part);
      if (!out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** Authors named by a byline line ("By Jane Doe, Diplomatic Correspondent"), or null if it names none. */
export function parseByLine(line: string): string[] | null {
  const byline = readByline(line);
  return byline?.authors.length ? byline.authors : null;
}

/** "…, writes Jane Doe" at the end of a standfirst. */
export function parseWritesLine(line: string): string | null {
  const m = WRITES.exec(line.trim());
  return m ? cleanAuthorList([m[1]])[0] ?? null : null;
}

/** A closing biography line: "Jane Doe is a senior fellow at the Institute …". */
export function parseBioLine(line: string): string | null {
  const m = BIO.exec(line.trim());
  return m ? cleanAuthorList([m[1]])[0] ?? null : null;
}

const ROLE = /\b(?:correspondent|editor|reporter|writer|columnist|contributor|journalist|bureau chief|analyst|staff)\b/i;
const NAME_ONLY = new RegExp(`^${NAME}$`, 'u');

/**
 * A byline without "By": "Jane Doe, Diplomatic Correspondent", "Jane Doe | Europe editor", or a
 * bare name on a line next to a role or date line (`besideRoleOrDate`).
 */
export function parseNameLine(line: string, besideRoleOrDate: boolean): string | null {
  const t = line.trim();
  const split = /^(.+?)\s*(?:,|\||·|•|–|—)\s*(.+)$/.exec(t);
  if (split && NAME_ONLY.test(split[1]) && ROLE.test(split[2]) && split[2].split(/\s+/).length <= 6) {
    return cleanAuthorList([split[1]])[0] ?? null;
  }
  if (!besideRoleOrDate) return null;
  if (NAME_ONLY.test(t) && t.split(/\s+/).length <= 4) return cleanAuthorList([t])[0] ?? null;
  // "Jane Doe in Lisvaro", "Jane Doe reporting from Lisvaro".
  const placed = NAME_IN_PLACE.exec(t);
  return placed ? (cleanAuthorList([placed[1]])[0] ?? null) : null;
}

const NAME_IN_PLACE = new RegExp(`^(${NAME})\\s+(?:in|reporting from|from)\\s+\\p{Lu}[\\p{L}'-]+(?:\\s\\p{Lu}[\\p{L}'-]+)?$`, 'u');
/** A desk and place line under a byline: "BBC News, Lisvaro". */
const DESK = /^[\p{Lu}][\p{L}&]*(?:\s[\p{Lu}][\p{L}&]*)*\s+News,\s+\p{Lu}/u;

export function isRoleLine(line: string): boolean {
  return (ROLE.test(line) || DESK.test(line)) && line.split(/\s+/).length <= 6 && !/[.!?]$/.test(line);
}

// ── Bylines that name an outlet too: "By A, Continental Wire", "By A for The Times", "By Radio X newsroom" ──

interface OutletWords {
  words: string[];
  strong: string[];
  desk: string[];
}
let loaded: { words: Set<string>; strong: Set<string>; desk: RegExp } | null = null;
function outletWords(): { words: Set<string>; strong: Set<string>; desk: RegExp } {
  if (!loaded) {
    const data = loadJson<OutletWords>('ingest/outlet-words.json');
    loaded = { words: new Set(data.words), strong: new Set(data.strong), desk: new RegExp(`\\s+(?:${data.desk.join('|')})$`, 'i') };
  }
  return loaded;
}

/**
 * The organisation a segment of a byline or dateline names, or null when it looks like a person,
 * a role or a place. Organisation-looking: a capitalised phrase with an outlet word ("Wire",
 * "Radio", "Observer"…), a digit or an acronym ("TV9", "BBC"), or a desk word after a name ("Radio
 * Coastline newsroom" → "Radio Coastline").
 */
export function organisationOf(segment: string, strict = false): string | null {
  const known = knownOutlet(segment);
  if (known) return known;
  const { words, strong, desk } = outletWords();
  let s = segment.replace(/\s*\([^)]*\)\s*$/, '').replace(/\s+/g, ' ').replace(/^the\s+(?=\p{Lu})/u, 'The ').trim();
  const hadDesk = desk.test(s);
  s = s.replace(desk, '').trim();
  if (!s || s.length > 60) return null;
  const tokens = s.split(' ');
  if (tokens.length > 6) return null;
  if (!tokens.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && /^(?:of|the|and|for|on|&|de|du|la|le)$/.test(w)))) return null;
  if (/\bbureau\b/i.test(s)) return null;
  const lower = tokens.map((t) => t.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, ''));
  const marked =
    (strict ? lower.some((t) => strong.has(t)) || (tokens[0] === 'The' && lower.some((t) => words.has(t))) : lower.some((t) => words.has(t))) ||
    tokens.some((t) => /\p{L}\d|\d\p{L}/u.test(t)) ||
    // An acronym among ordinary words ("BBC News"); a name written in capitals is all capitals.
    (tokens.some((t) => /^\p{Lu}\p{Ll}/u.test(t)) && tokens.some((t) => /^\p{Lu}{2,6}$/u.test(t))) ||
    // "Diplomatic Desk" is a desk of an unnamed outlet; "Radio Coastline newsroom" names one.
    (hadDesk && tokens.length >= 2);
  return marked ? s : null;
}

/** Job titles that make a byline segment a role ("Chief Political Commentator"), not a name. */
const SEGMENT_ROLE = /\b(?:chief|commentator|producer|presenter|director|fellow|professor|lecturer|researcher|head of|secretary|minister|anchor|host)\b/i;

export interface Byline {
  authors: string[];
  /** The outlet the byline names beside or instead of its authors. */
  outlet: string | null;
}

/** Role words written before a name: "presenter Sam Okonedo", "correspondent Ilse Marr". */
const LEADING_ROLE = /^(?:(?:chief|senior|special|foreign|political|diplomatic|our)\s+)*(?:presenter|host|anchor|correspondent|reporter|editor|producer|interviewer|moderator)\s+(?=\p{Lu})/iu;

/**
 * A "By …" line read into authors and outlet, or null when the line is no byline. An
 * organisation-looking segment after ";", ",", "|", "for" or a dash is the outlet, not an author;
 * "reporting by X" in brackets or after "with" adds X; a desk alone ("By Staff Reporter") is a
 * byline with no author.
 */
export function readByline(line: string): Byline | null {
  const m = BY_LINE.exec(line.trim());
  if (!m) return null;
  // Copies of a page's source keep its tags: "By <a href=…>Jane Doe</a>". The names are the
  // text between them; a "By" line of markup alone still holds the byline's place, with no author.
  const tagged = /<\/?[a-z][^>]*>/i.test(m[1]);
  let rest = m[1].replace(/<\/?[a-z][^>]*>/gi, ' ').replace(/\s+/g, ' ').trim();
  if (tagged && !rest) return { authors: [], outlet: null };
  // Sentences are no byline; initials ("Sarah K. Lind", "J. R. Miller") and honorifics are not sentence ends.
  if (rest.split(/\s+/).length > 18 || /[.!?]\s+\p{Lu}/u.test(rest.replace(/\b(?:Dr|Prof|Mr|Mrs|Ms|St|Jr|Sr|\p{Lu})\.\s/gu, ''))) return null;
  if (/[.!?]["”’]?$/.test(rest) && rest.split(/\s+/).length >= 6) return null;
  const extra: string[] = [];
  // "(reporting by X)", "with additional reporting by X"
  rest = rest.replace(/[(,;]?\s*(?:with\s+)?(?:additional\s+)?reporting\s+by\s+([^)]*)\)?/i, (_, who: string) => {
    extra.push(who);
    return '';
  });
  let outlet: string | null = null;
  const authors: string[] = [];
  let deskOnly = false;
  const consider = (segment: string, afterName: boolean) => {
    const seg = segment.replace(/^[\s,;|·•–—-]+|[\s,;|·•–—-]+$/g, '').replace(LEADING_ROLE, '');
    if (!seg) return;
    // "Northern Today (Channel 4N)": a name glossed by an organisation is that organisation.
    const gloss = /^(.+?)\s*\(([^)]*)\)$/.exec(seg);
    if (gloss && organisationOf(gloss[2])) {
      outlet ??= gloss[1];
      return;
    }
    if (AGENCY.test(seg)) {
      const org = organisationOf(seg);
      if (org) outlet ??= org;
      deskOnly = true;
      return;
    }
    if (ROLE.test(seg) || SEGMENT_ROLE.test(seg)) return;
    // A surname can be an outlet word ("Jane Post"): a lone first segment needs a word no surname is.
    // "Tom Daily and Ann Sun" lists people, whatever their surnames.
    const org = !afterName && cleanAuthorList([seg]).length >= 2 ? null : organisationOf(seg, !afterName);
    if (org) {
      outlet ??= org;
      return;
    }
    authors.push(...cleanAuthorList([seg]));
  };
  const forSplit = /^(.+?)[,\s]+(?:writing\s+|reporting\s+)?for\s+((?:the\s+)?\p{Lu}.+)$/u.exec(rest);
  const main = forSplit ? forSplit[1] : rest;
  main
    .split(/\s*(?:[;|·•]|\s[–—-]\s|,(?!\s*(?:Jr|Sr)\b))\s*/)
    .forEach((seg, i) => consider(seg, i > 0));
  if (forSplit) consider(forSplit[2], true);
  for (const who of extra) authors.push(...cleanAuthorList([who]).filter((a) => !organisationOf(a)));
  const unique = [...new Set(authors)];
  if (!unique.length && !outlet && !deskOnly) return null;
  return { authors: unique, outlet };
}

/** A lower-case word naming a medium or a desk ("blog", "newsroom"), as written after an outlet's name. */
export function isDeskWord(word: string): boolean {
  return outletWords().desk.test(' ' + word.toLowerCase());
}
