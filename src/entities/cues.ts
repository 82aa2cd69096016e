// Context cues that tell companies from the places they are named after, and market indices and
// products from the companies that make them. Each looks only at the words around one name, so a
// name keeps the evidence of every mention when the mentions are linked into one entity.
import type { Doc } from '../text/doc.js';
import { lexicon } from './lexicon.js';
import { fold } from './text.js';

// Word lists: data/entities/words.json (determiners, launchFillers, percentWords, …; see data/README.md).
const words = () => lexicon().words;

const word = (doc: Doc, i: number) => (i >= 0 && i < doc.tokens.length ? fold(doc.tokens[i].text) : '');
const same = (doc: Doc, a: number, b: number) => b >= 0 && b < doc.tokens.length && doc.tokens[a].sentence === doc.tokens[b].sentence;
const lowerWord = (doc: Doc, i: number) => /^\p{Ll}/u.test(doc.tokens[i]?.text ?? '');

/** How strongly the context says the name is a market index (0 when it does not):
 * "the Nikkei stock index", "Standard & Poor's 500 index", "the main Karsian index, the KSX 40",
 * "the Dow Jones fell 340 points". */
export function indexCue(doc: Doc, first: number, last: number, possessive: boolean): number {
  const lex = lexicon();
  let k = last + 1;
  if (possessive) k++;
  if (same(doc, last, k) && /^\d[\d,.]*$/.test(doc.tokens[k].text)) k++;
  for (let n = 0; n < 2 && same(doc, last, k) && lowerWord(doc, k) && lex.indexModifiers.has(word(doc, k)); n++) k++;
  if (same(doc, last, k) && lowerWord(doc, k) && lex.indexNouns.has(word(doc, k))) return 3;
  // "the Karsian index, the KSX 40": a name in apposition to "index".
  let b = first - 1;
  if (word(doc, b) === 'the') b--;
  if (same(doc, first, b - 1) && doc.tokens[b]?.text === ',' && lex.indexNouns.has(word(doc, b - 1))) return 3;
  // A move measured in points is a move of an index; a move in percent is weaker evidence, since
  // a company's shares are also said to fall by a percentage.
  if (possessive) return 0;
  k = last + 1;
  // "The KSX 40, rose 2.4%": a stray comma before the verb.
  if (doc.tokens[k]?.text === ',' && same(doc, last, k + 1) && (doc.tokens[k + 1].pos === 'VERB' || doc.tokens[k + 1].pos === 'AUX')) k++;
  let moved = false;
  for (let n = 0; n < 4 && same(doc, last, k); n++, k++) {
    const t = doc.tokens[k];
    if (lex.marketMoves.has(t.lemma.toLowerCase()) || lex.marketMoves.has(fold(t.text))) moved = true;
    else if (!words().indexMoveFillers.has(fold(t.text))) break;
  }
  if (!moved) return 0;
  let percent = false;
  for (let n = 0; n < 8 && same(doc, last, k); n++, k++) {
    const w = word(doc, k);
    if (w === 'points' || w === 'point') return 3;
    // "falls below 9,000", "closed at 7,162.90": a level without a currency is an index level.
    if (n === 0 && words().indexLevelPrepositions.has(w) && same(doc, last, k + 1) && /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d{4,}(?:\.\d+)?$/.test(doc.tokens[k + 1].text)) return 3;
    if (words().percentWords.has(w)) percent = true;
    if (/^[$€£¥]/.test(w) || words().moneyWords.has(w)) return 0;
  }
  return percent ? 1.5 : 0;
}

/** How strongly the context says the name is a product: "Norvik unveiled Falcon", "the next model Falcon",
 * "the new MacBook line". */
export function productCue(doc: Doc, first: number, last: number, possessive: boolean): number {
  const lex = lexicon();
  let score = 0;
  let b = first - 1;
  while (same(doc, first, b) && words().launchFillers.has(word(doc, b)) && first - b <= 3) b--;
  const verb = same(doc, first, b) ? doc.tokens[b] : undefined;
  if (verb && verb.pos === 'VERB' && lex.launchVerbs.has(verb.lemma.toLowerCase())) score += 1.5;
  const lead = first - 1;
  // "the next model Falcon", but not "In the update Norvik has …", where the name opens a clause.
  const after = doc.tokens[last + 1];
  const opensClause = !!after && same(doc, last, last + 1) && (after.pos === 'VERB' || after.pos === 'AUX');
  if (same(doc, first, lead) && lowerWord(doc, lead) && lex.productLeads.has(word(doc, lead)) && !opensClause) score += 2;
  const next = last + 1;
  if (!possessive && same(doc, last, next) && lowerWord(doc, next) && lex.productLeads.has(word(doc, next)) && word(doc, next) !== 'model') score += 1.5;
  // "web browser Safari", "the operating system Mac OS X": a product noun right before the name.
  if (same(doc, first, lead) && lowerWord(doc, lead) && lex.productNouns.has(word(doc, lead)) && !opensClause) score += 2;
  // "The Norvik Tern first went on sale in 1994", "the Go was launched": launched in the passive.
  if (!possessive) {
    let k = last + 1;
    let aux = 0;
    let be = false;
    while (aux < 4 && same(doc, last, k) && words().passiveAuxiliaries.has(word(doc, k))) {
      if (words().beForms.has(word(doc, k))) be = true;
      k++;
      aux++;
    }
    const v = doc.tokens[k];
    if (be && v && same(doc, last, k) && /(?:ed|wn)$/.test(v.text) && lex.launchVerbs.has(v.lemma.toLowerCase())) score += 1.5;
  }
  // "Two models would be dropped, the Orla and Vesta": a name in apposition after a product noun.
  // The name must not open a clause: "to win the tender, Halvex contested the result".
  const a = first - 2;
  if (word(doc, first - 1) === 'the' && !opensClause && same(doc, first, a - 1) && doc.tokens[a]?.text === ',' && (lex.productNouns.has(word(doc, a - 1)) || lex.productLeads.has(word(doc, a - 1)))) score += 2;
  // "Falcon, the next release of TernOS", "the Tern, a mid-size sedan": a product in apposition.
  if (!possessive && doc.tokens[next]?.text === ',' && same(doc, last, next + 1) && words().determiners.has(word(doc, next + 1))) {
    for (let k = next + 2; k < Math.min(doc.tokens.length, next + 6) && same(doc, last, k) && lowerWord(doc, k); k++) {
      const w = word(doc, k);
      if (lex.productLeads.has(w) || lex.productNouns.has(w) || w === 'successor') {
        score += 2;
        break;
      }
    }
  }
  return score;
}

/** How strongly the context says the name is a company or other organisation: "automaker Toyota",
 * "automakers Toyota and GM" (not "rival", which countries have too), "Toyota, the carmaker,", "shares of Toyota", "Toyota's profits",
 * "a Toyota spokesman", "Toyota said in a statement". */
export function organizationCue(doc: Doc, first: number, last: number, possessive: boolean): number {
  const lex = lexicon();
  const toks = doc.tokens;
  let score = 0;
  const prev = first - 1;
  // A sector noun right before the name, or before a list the name is in ("rivals Toyota and GM").
  let p = prev;
  if (same(doc, first, p) && (word(doc, p) === 'and' || word(doc, p) === ',') && same(doc, first, p - 1)) {
    // Walk back over one earlier capitalised list member.
    let q = p - 1;
    while (same(doc, first, q) && /^\p{Lu}/u.test(toks[q].text)) q--;
    if (q < p - 1) p = q;
  }
  if (same(doc, first, p) && lowerWord(doc, p) && lex.sectorNouns.has(word(doc, p))) score += 3;
  // "shares of Halvik", "a stake in Norvik", "bid for Corvane".
  // Not "what is at stake in Castello".
  if (same(doc, first, prev - 1) && words().stakePrepositions.has(word(doc, prev)) && words().stakeNouns.has(word(doc, prev - 1)) && word(doc, prev - 2) !== 'at') score += 3;
  // "Toyota, the Japanese carmaker," / "Ford, the automobile manufacturing firm".
  const next = last + 1;
  if (!possessive && toks[next]?.text === ',' && same(doc, last, next + 1) && words().determiners.has(word(doc, next + 1))) {
    for (let k = next + 2; k < Math.min(toks.length, next + 7) && same(doc, last, k); k++) {
      if (!lowerWord(doc, k) && !/^\p{Lu}\p{Ll}+$/u.test(toks[k].text)) break;
      const head = !same(doc, last, k + 1) || /^[,.;:)]$/.test(toks[k + 1].text) || toks[k + 1].pos === 'VERB' || toks[k + 1].pos === 'AUX' || words().clauseAfterHead.has(word(doc, k + 1));
      if (head && lex.sectorNouns.has(word(doc, k))) {
        score += 3;
        break;
      }
      if (/^[,.;:]$/.test(toks[k].text)) break;
    }
  }
  if (possessive) {
    const k = last + 2;
    if (same(doc, last, k) && lowerWord(doc, k) && lex.corporatePossessed.has(word(doc, k))) score += 3;
    // "Ford's chief executive", but not "Kestria's chief negotiator": only a company has a chief executive.
    else if (word(doc, k) === 'chief' && words().chiefTitles.has(word(doc, k + 1))) score += 3;
    return score;
  }
  if (same(doc, last, next) && lex.corporateNouns.has(word(doc, next)) && (lowerWord(doc, next) || word(doc, next) === 'ceo')) score += 3;
  // "Toyota said in a statement", "Ford announced in a press release".
  if (same(doc, last, next) && (toks[next].pos === 'VERB' || toks[next].pos === 'AUX') && lex.reportingVerbs.has(toks[next].lemma.toLowerCase())) {
    const after = toks.slice(next + 1, next + 6).map((t) => fold(t.text)).join(' ');
    const m = /^(?:on \S+ )?in (?:a|an) (?:\S+ )?/.exec(after);
    if (m && [...words().statementNouns].some((noun) => after.slice(m[0].length).startsWith(noun))) score += 2;
  }
  return score;
}
