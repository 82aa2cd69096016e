// Candidate name runs: maximal stretches of capitalised tokens, joined across name particles
// ("von der", "bin"), hyphens ("al-Assad"), organisation connectors ("Bank of America") and a single
// line break inside a name; headlines and sentence-initial words are held to a stricter test.
import type { Doc, Token } from '../../../src/text/doc.js';
import { lexicon } from './lexicon.js';
import { appositiveAfter } from './titles.js';
import { localNames } from './local.js';
import { fold, foldedTokens, isAcronym, isCapitalised } from './text.js';

export interface Run {
  /** First and last token index (inclusive). */
  first: number;
  last: number;
  /** The run is followed by a possessive "'s". */
  possessive: boolean;
}

/** Parts of speech that never start or continue a name even when capitalised ("The", "I", "And"). */
const FUNCTION_POS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'SYM', 'INTJ']);
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'bin', 'ibn', 'bint', 'al', 'el', 'la', 'le', 'du', 'des', 'dos', 'do', 'y', 'ter', 'ten', 'zu', 'abu', 'bou']);
const CALENDAR = /^(?:spring|summer|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/;
const HAS_LETTER = /\p{L}/u;
const OPENERS = new Set(['"', '“', '‘', "'", '``', "''", '(', '[', '—', '–', '-', ':', '•', '*']);
/** "Lisbon-based", "Norvik-led", "army-backed": a name with an adjective suffix is a modifier. */
const COMPOUND_TAIL = /^(?:based|led|owned|backed|born|style|era|made|run|linked|controlled|occupied|held|brokered|affiliated|aligned|allied|funded|sponsored|related|like|type|wide|bound|friendly|speaking|centric|focused|dominated|installed|sanctioned|imposed|appointed|funded|built|designed|headquartered|listed|registered|flagged|area|level|class|wide)$/i;
/** Words that stay lower case in a title-case headline. */
const TITLE_CASE_LOWER = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to', 'up', 'via', 'vs', 'with', 'from', 'into', 'onto', 'over', 'amid', 'than', 'upon', 'after', 'about', 'de', 'von', 'van', 'al', 'bin', 'el', 'la', 'le', 'der', 'du', 'da']);
const MONTH_CONTEXT = new Set(['in', 'on', 'since', 'until', 'by', 'last', 'next', 'early', 'late', 'mid', 'from', 'through', 'of', 'during', 'before', 'after', 'this']);

export interface DocContext {
  doc: Doc;
  /** Folded words seen capitalised in the middle of a sentence outside headlines. */
  capitalisedMidSentence: Set<string>;
  /** Words seen in lower case: a sentence-initial "Stock" is the word, not a name. */
  lowerCase: Set<string>;
  /** How often each folded word appears capitalised. */
  capitalisedCount: Map<string, number>;
  /** Paragraph indices written in title case (headlines, section heads). */
  titleCase: Set<number>;
  /** Token index → index of its paragraph. */
  paragraphOf: Int32Array;
  /** Token index → 1 when the token can be part of a name (see nameToken). */
  canName: Uint8Array;
  /** Token index → 1 inside the names of a byline ("By Gemma Platt and Jo Lee, Reuters"). */
  byline: Uint8Array;
  bylineParagraphs: Set<number>;
}

export function docContext(doc: Doc): DocContext {
  const paragraphOf = new Int32Array(doc.tokens.length);
  doc.tokens.forEach((t, i) => {
    paragraphOf[i] = doc.sentences[t.sentence]?.paragraph ?? 0;
  });
  // A paragraph is in title case when every lower-case word in it is a short function word
  // ("Putin and Zelensky to Meet in Istanbul"); any other lower-case word ("met") makes it prose.
  const titleCase = new Set<number>();
  const words = new Map<number, { cap: number; prose: boolean }>();
  doc.tokens.forEach((t, i) => {
    if (!/^\p{L}+$/u.test(t.text)) return;
    const p = paragraphOf[i];
    const w = words.get(p) ?? { cap: 0, prose: false };
    words.set(p, w);
    if (isCapitalised(t.text)) {
      if (t.text.length >= 3) w.cap++;
    } else if (!TITLE_CASE_LOWER.has(t.text)) w.prose = true;
  });
  for (const [p, w] of words) if (w.cap >= 3 && !w.prose) titleCase.add(p);
  const capitalisedMidSentence = new Set<string>();
  const lowerCase = new Set<string>();
  const capitalisedCount = new Map<string, number>();
  doc.tokens.forEach((t, i) => {
    if (/^\p{Ll}/u.test(t.text)) lowerCase.add(t.text);
    else if (isCapitalised(t.text)) capitalisedCount.set(foldedTokens(doc)[i], (capitalisedCount.get(foldedTokens(doc)[i]) ?? 0) + 1);
    if (titleCase.has(paragraphOf[i]) || isSentenceInitial(doc, i)) return;
    if (isCapitalised(t.text) && HAS_LETTER.test(t.text)) capitalisedMidSentence.add(fold(t.text));
  });
  const byline = new Uint8Array(doc.tokens.length);
  const bylineParagraphs = new Set<number>();
  for (const [pi, para] of doc.paragraphs.entries()) {
    if (!/^(?:by|reporting by|written by)\s+\p{Lu}/iu.test(doc.text.slice(para.start, para.end))) continue;
    bylineParagraphs.add(pi);
    let i = doc.tokens.findIndex((t) => t.start >= para.start);
    while (i >= 0 && i < doc.tokens.length && doc.tokens[i].end <= para.end && /^(?:by|reporting|written)$/i.test(doc.tokens[i].text)) i++;
    for (; i >= 0 && i < doc.tokens.length && doc.tokens[i].end <= para.end; i++) {
      const text = doc.tokens[i].text;
      if (text === ',' || text === '|' || text === '—' || text === '-') break;
      if (/^(?:and|&)$/i.test(text)) continue;
      byline[i] = 1;
    }
  }
  const ctx: DocContext = { doc, capitalisedMidSentence, lowerCase, capitalisedCount, titleCase, paragraphOf, canName: new Uint8Array(doc.tokens.length), byline, bylineParagraphs };
  for (let i = 0; i < doc.tokens.length; i++) ctx.canName[i] = tokenCanName(ctx, i) ? 1 : 0;
  return ctx;
}

export function isSentenceInitial(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  const s = doc.sentences[t.sentence];
  // Right after an opening quote mark, a colon or a dash, a capital says nothing either.
  if (i > s.firstToken && OPENERS.has(doc.tokens[i - 1].text) && doc.tokens[i - 1].text !== '(') return true;
  for (let k = s.firstToken; k < i; k++) if (!OPENERS.has(doc.tokens[k].text)) return false;
  return !continuesWrappedLine(doc, s.firstToken);
}

/** The first token of a line that continues a hard-wrapped sentence from the line before. */
function continuesWrappedLine(doc: Doc, i: number): boolean {
  const prev = doc.tokens[i - 1];
  if (!prev || !/[\p{L},]$/u.test(prev.text) || !/^[ \t]*\n[ \t]*$/.test(doc.text.slice(prev.end, doc.tokens[i].start))) return false;
  const p = doc.sentences[prev.sentence].paragraph;
  const para = doc.paragraphs[p];
  return para.end - para.start >= (p > 0 ? 40 : 60);
}

/** Whether token i can be part of a name by itself. */
export function nameToken(ctx: DocContext, i: number): boolean {
  return ctx.canName[i] === 1;
}

function tokenCanName(ctx: DocContext, i: number): boolean {
  const t: Token = ctx.doc.tokens[i];
  // "iPhone", "iTunes Music Store": a lower-case letter before a capital is a brand's own spelling.
  if (/^\p{Ll}{1,2}\p{Lu}\p{L}/u.test(t.text)) return true;
  if (!isCapitalised(t.text) || !HAS_LETTER.test(t.text) || /[$€£¥#@]/.test(t.text)) return false;
  const f = foldedTokens(ctx.doc)[i];
  const lex = lexicon();
  if (ctx.byline[i]) return true;
  // The rest of a byline ("World Affairs Reporter") names a desk, not an entity, unless it is a known place.
  if (ctx.bylineParagraphs.has(ctx.paragraphOf[i])) return lex.places.has(f) || isAcronym(t.text);
  if (CALENDAR.test(f) || lex.notNames.has(f)) return false;
  // "3G", "K-300XR", "3D": letters glued to a number are part of a code, not a name.
  const prev = ctx.doc.tokens[i - 1];
  // "AU$ 52.5", "HK$": letters glued to a currency sign are a currency code.
  const glued = ctx.doc.tokens[i + 1];
  if (glued && glued.start === t.end && /^[$€£¥]/.test(glued.text) && /^\p{Lu}{1,3}$/u.test(t.text)) return false;
  if (prev && prev.end === t.start && /\d$/.test(prev.text)) return false;
  if (f === 'may') {
    const after = ctx.doc.tokens[i + 1];
    if ((after && /^\d/.test(after.text)) || (prev && MONTH_CONTEXT.has(prev.text.toLowerCase()))) return false;
  }
  const strict = ctx.titleCase.has(ctx.paragraphOf[i]) || isSentenceInitial(ctx.doc, i);
  if (!strict) return !FUNCTION_POS.has(t.pos) || t.pos === 'PROPN' || isAcronym(t.text);
  // A capitalised word at the start of a sentence or in a headline is a name only with support.
  if (FUNCTION_POS.has(t.pos)) return false;
  if (lex.stopCapitalized.has(f)) {
    // "Air Canada", "Foreign Minister Lavrov": an ordinary word that starts a longer name.
    const nx = ctx.doc.tokens[i + 1];
    const nf = nx ? foldedTokens(ctx.doc)[i + 1] : '';
    return !!nx && nx.sentence === t.sentence && (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ') && isCapitalised(nx.text) && !ctx.titleCase.has(ctx.paragraphOf[i]) && (lex.places.has(nf) || ctx.capitalisedMidSentence.has(nf) || lex.roles.has(nf));
  }
  if (isAcronym(t.text) || lex.places.has(f) || lex.seats.has(f) || lex.demonyms.has(f)) return true;
  const local = localNames(ctx.doc);
  if (local.countries.has(f) || local.demonyms.has(f)) return true;
  if (ctx.capitalisedMidSentence.has(f)) return true;
  const lowerWord = t.text.toLowerCase();
  // The word, its plural or its singular in lower case elsewhere: "Talk is cheap" beside "talks".
  if (ctx.lowerCase.has(lowerWord) || ctx.lowerCase.has(`${lowerWord}s`) || ctx.lowerCase.has(`${lowerWord}es`) || (/[^su]s$/.test(lowerWord) && ctx.lowerCase.has(lowerWord.slice(0, -1)))) return false;
  // The first word of a longer name: "Ford Motor Company said".
  const following = ctx.doc.tokens[i + 1];
  if (following && following.sentence === t.sentence && isCapitalised(following.text) && ctx.capitalisedMidSentence.has(foldedTokens(ctx.doc)[i + 1])) return true;
  // "Stock markets fell": an unknown capitalised word opening a sentence before a common noun.
  const next = ctx.doc.tokens[i + 1];
  if (next && next.sentence === t.sentence && /^\p{Ll}/u.test(next.text) && (next.pos === 'NOUN' || next.pos === 'ADJ')) return false;
  if (lex.givenNames.has(f) && i + 1 < ctx.doc.tokens.length && isCapitalised(ctx.doc.tokens[i + 1].text)) return t.pos === 'PROPN';
  // In a title-case headline, a proper noun that the article never writes in lower case.
  if (ctx.titleCase.has(ctx.paragraphOf[i])) return t.pos === 'PROPN' && !ctx.lowerCase.has(t.text.toLowerCase()) && !ctx.lowerCase.has(`${t.text.toLowerCase()}s`) && !lex.stopCapitalized.has(f);
  // A lone unknown word opening a sentence ("Averaging", "Reports") must recur to count as a name.
  const nextIsVerb = following && following.sentence === t.sentence && (following.pos === 'VERB' || following.pos === 'AUX');
  // "Kadhafi, the Libyan leader, left": an appositive title vouches for it.
  if (following?.text === ',') {
    const app = appositiveAfter(ctx.doc, i);
    if (app.personCue || app.thingCue) return t.pos === 'PROPN';
  }
  // "Negotiators shook hands": a plural-looking word opening a sentence is a common noun.
  const pluralLooking = /[^su']s$/.test(lowerWord) && (ctx.capitalisedCount.get(f) ?? 0) < 2;
  if (pluralLooking && !(following && following.sentence === t.sentence && isCapitalised(following.text))) return false;
  if (!nextIsVerb && !(following && following.sentence === t.sentence && isCapitalised(following.text)) && (ctx.capitalisedCount.get(f) ?? 0) < 2) return false;
  return t.pos === 'PROPN';
}

const adjacent = (a: Token, b: Token) => a.end === b.start;

/** Find the candidate runs of a document, in text order. */
export function findRuns(ctx: DocContext): Run[] {
  const { doc } = ctx;
  const toks = doc.tokens;
  const lex = lexicon();
  const runs: Run[] = [];
  const n = toks.length;
  const canName = ctx.canName;
  for (let i = 0; i < n; i++) {
    if (!canName[i]) continue;
    let j = i;
    for (;;) {
      const k = j + 1;
      if (k >= n) break;
      const a = toks[j];
      const b = toks[k];
      const bf = b.text.toLowerCase();
      // Hyphenated name parts: "al-Assad", "Jong-un", "Ivano-Frankivsk".
      if ((b.text === '-' || b.text === '‐') && adjacent(a, b) && k + 1 < n && adjacent(b, toks[k + 1]) && /^\p{L}/u.test(toks[k + 1].text) && !bothPlaces(ctx, j, k + 1) && !COMPOUND_TAIL.test(toks[k + 1].text) && !(/^\p{Ll}/u.test(toks[k + 1].text) && toks[k + 1].text.length > 3) && !twoNames(ctx, j, k + 1)) {
        j = k + 1;
        continue;
      }
      if (b.sentence === a.sentence) {
        if (canName[k]) {
          j = k;
          continue;
        }
        // "People's Republic of China", "People's Bank": a possessive that belongs to a body's name.
        if ((b.text === "'s" || b.text === '’s') && adjacent(a, b) && lex.connectorHeads.has(`${fold(a.text)}'s`) && k + 1 < n && toks[k + 1].sentence === a.sentence && canName[k + 1]) {
          j = k + 1;
          continue;
        }
        // "Niamh O'Dowd" written "O' Dowd": an Irish patronymic split off by the apostrophe.
        if ((b.text === "'" || b.text === '’') && adjacent(a, b) && /^[OD]$/.test(a.text) && k + 1 < n && toks[k + 1].sentence === a.sentence && canName[k + 1]) {
          j = k + 1;
          continue;
        }
        // Lower-case name particles between capitalised parts: "Ursula von der Leyen", "bin Salman".
        if (PARTICLES.has(bf)) {
          let m = k;
          while (m < n && PARTICLES.has(toks[m].text.toLowerCase()) && toks[m].sentence === a.sentence) m++;
          if (m < n && toks[m].sentence === a.sentence && canName[m] && m - k <= 3) {
            j = m;
            continue;
          }
          if (m < n && (toks[m].text === '-' || toks[m].text === '‐') && adjacent(toks[m - 1], toks[m]) && m + 1 < n && canName[m + 1]) {
            j = m + 1;
            continue;
          }
        }
        // Organisation connectors after a head word: "Bank of America", "Council on Foreign Relations".
        if ((bf === 'of' || bf === 'for' || bf === 'on' || bf === '&') && lex.connectorHeads.has(fold(a.text))) {
          let m = k + 1;
          if (m < n && toks[m].text.toLowerCase() === 'the') m++;
          if (m < n && toks[m].sentence === a.sentence && canName[m] && !startsPlaceList(ctx, m, /s$/.test(bf === 'of' ? a.text : ''))) {
            j = m;
            continue;
          }
        }
        // "Peace and Security Council", "Department of Health and Human Services": "and" inside a
        // body's name, when what follows is a modified head noun and what precedes is no name of its own.
        if (bf === 'and') {
          const end = andContinuation(ctx, i, j, k + 1);
          if (end > 0) {
            j = end;
            continue;
          }
        }
        if (bf === '&' && k + 1 < n && canName[k + 1]) {
          j = k + 1;
          continue;
        }
        break;
      }
      // A name broken by a single line break (hard-wrapped text): "Emmanuel\nMacron".
      const gap = doc.text.slice(a.end, b.start);
      if (canName[k] && /^[ \t]*\n[ \t]*$/.test(gap) && /\p{L}$/u.test(a.text) && wrappedLine(ctx, j) && !ctx.titleCase.has(ctx.paragraphOf[k])) {
        j = k;
        continue;
      }
      break;
    }
    // A name with a model or series number is a product or document: "Boeing 787 Dreamliner", "Chapter 11".
    const code = toks[j + 1];
    if (code && code.sentence === toks[j].sentence && /^[A-Z]?\d[\dA-Za-z]*$/.test(code.text) && !/^(?:1[89]|20)\d\d$/.test(code.text)) {
      j++;
      while (j + 1 < n && toks[j + 1].sentence === toks[j].sentence && canName[j + 1]) j++;
    }
    const next = toks[j + 1];
    const possessive = !!next && (next.text === "'s" || next.text === '’s' || next.text === "'" || next.text === '’') && adjacent(toks[j], next);
    runs.push({ first: i, last: j, possessive });
    i = j;
  }
  return runs;
}

/** Company endings that also close each name of a list ("Halvex and Brightcore Group"). */
const LISTY_SUFFIXES = new Set(['group', 'holdings', 'holding', 'partners', 'associates', 'international', 'enterprises']);

/** "Ministers of Canada, France, Germany": a list of places after "of" is what the office holders
 * come from, not part of one name. Three places, or two after a plural head, make a list. */
function startsPlaceList(ctx: DocContext, m: number, pluralHead: boolean): boolean {
  const toks = ctx.doc.tokens;
  const words = foldedTokens(ctx.doc);
  const lex = lexicon();
  const placeAt = (i: number) => {
    let e = i;
    // Multi-word places ("United Kingdom"): extend while the longer form is still a known place.
    for (let q = i + 1; q < toks.length && q - i < 4 && ctx.canName[q]; q++) if (lex.places.has(fold(ctx.doc.text.slice(toks[i].start, toks[q].end)))) e = q;
    return lex.places.has(words[i]) || e > i ? e : -1;
  };
  let count = 0;
  let i = m;
  while (i < toks.length && toks[i].sentence === toks[m].sentence) {
    const e = placeAt(i);
    if (e < 0) break;
    count++;
    i = e + 1;
    if (i < toks.length && toks[i].text === ',') i++;
    if (i < toks.length && /^(?:and|or)$/.test(words[i])) i++;
    if (i < toks.length && words[i] === 'the') i++;
    if (i >= toks.length || i === e + 1) break;
  }
  return count >= 3 || (pluralHead && count >= 2);
}

/** The last token of a name continued after "and" at token `k` ("Peace and Security Council"), or -1. */
function andContinuation(ctx: DocContext, first: number, last: number, k: number): number {
  const toks = ctx.doc.tokens;
  const words = foldedTokens(ctx.doc);
  const lex = lexicon();
  if (last - first > 3) return -1;
  const leftLast = words[last];
  if (lex.connectorHeads.has(leftLast) || lex.places.has(leftLast) || lex.givenNames.has(words[first]) || isAcronym(toks[last].text)) return -1;
  if (lex.places.has(fold(ctx.doc.text.slice(toks[first].start, toks[last].end)))) return -1;
  // "President Jonas Abeid and Liberty Alliance": a person's name or title on the left ends the name.
  for (let q = first; q <= last; q++) if (lex.givenNames.has(words[q]) || lex.roles.has(words[q]) || lex.honorifics.has(words[q])) return -1;
  if (lex.places.has(words[k]) || lex.givenNames.has(words[k])) return -1;
  // At least a modifier and a head: "and Security Council", not "and Government".
  for (let e = k + 1; e < toks.length && e - k < 3 && toks[e].sentence === toks[k].sentence && ctx.canName[e - 1] && ctx.canName[e]; e++) {
    if (isBodyHead(lex, words[e])) return e;
  }
  return -1;
}

function isBodyHead(lex: ReturnType<typeof lexicon>, head: string): boolean {
  // Bodies only, not legal forms: "Halvex and Brightcore Inc." lists two companies, while
  // "Northern Rail and Port Authority" is one name.
  return !LISTY_SUFFIXES.has(head) && (lex.connectorHeads.has(head) || (lex.orgSuffixes.has(head) && /^\p{L}{4,}$/u.test(head)));
}

/** A body line that looks hard-wrapped rather than a headline or a paragraph of its own: long
 * (longer still for the first line, which may be a headline), not in title case. */
function wrappedLine(ctx: DocContext, i: number): boolean {
  const p = ctx.paragraphOf[i];
  const para = ctx.doc.paragraphs[p];
  return !ctx.titleCase.has(p) && para.end - para.start >= (p > 0 ? 40 : 60);
}

/** "Russia-Ukraine", "Paris-Berlin": two places joined by a hyphen stay two names. */
function bothPlaces(ctx: DocContext, a: number, b: number): boolean {
  const words = foldedTokens(ctx.doc);
  const lex = lexicon();
  return lex.places.has(words[a]) && lex.places.has(words[b]);
}

/** "Norvik-Coast Guard": two names that each stand alone elsewhere in the article, joined by a hyphen. */
function twoNames(ctx: DocContext, a: number, b: number): boolean {
  const words = foldedTokens(ctx.doc);
  const t = ctx.doc.tokens;
  if (!isCapitalised(t[a].text) || !isCapitalised(t[b].text)) return false;
  return (ctx.capitalisedCount.get(words[a]) ?? 0) >= 2 && (ctx.capitalisedCount.get(words[b]) ?? 0) >= 2;
}
