// Group mentions: a collective actor named by nationality, country or organisation and a plural
// noun ("the G7 foreign ministers", "the Ukrainian delegation", "Russia's negotiators", "Ukrainians").
import { vocabularyWords, type Doc } from '../text/doc.js';
import { lexicon } from './lexicon.js';
import { demonymOf } from './local.js';
import { fold, foldedTokens, isCapitalised } from './text.js';

export interface GroupMention {
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
  /** Country of a nationality or country modifier, if any. */
  country: string | null;
  /** The proper-name modifier as written ("G7", "Ukrainian"). */
  modifier: string;
  /** The plural noun phrase ("foreign ministers", "delegation"). */
  noun: string;
}

/** Find group mentions; `isNameToken` tells which tokens the name finder would take as names. */
export function findGroups(doc: Doc, isNameToken: (i: number) => boolean): GroupMention[] {
  const lex = lexicon();
  const toks = doc.tokens;
  const out: GroupMention[] = [];
  const folded = foldedTokens(doc);
  const w = (i: number) => folded[i];
  for (let i = 0; i < toks.length; i++) {
    const sentence = toks[i].sentence;
    let k = i;
    const start = i;
    if (w(k) === 'the') k++;
    // Proper modifiers: demonyms, capitalised names (possibly possessive), e.g. "G7", "EU", "Russia's".
    let country: string | null = null;
    let proper = false;
    const modStart = k;
    while (k < toks.length && toks[k].sentence === sentence && k - start < 6) {
      const word = w(k);
      const dem = isCapitalised(toks[k].text) ? demonymOf(doc, word) : undefined;
      if (dem && !dem.plural) {
        country = dem.country;
        proper = true;
        k++;
        continue;
      }
      if (dem?.plural) break;
      // A title or a person's given name makes this a person's name, not a group's modifier
      // ("Karsian President Oleg Varin's government").
      // Not the first word of a listed place ("San Diego officials").
      if (lex.roles.has(word) || lex.honorifics.has(word) || (lex.givenNames.has(word) && k + 1 < toks.length && isCapitalised(toks[k + 1].text) && !lex.places.has(word) && !lex.places.has(`${word} ${w(k + 1)}`))) {
        proper = false;
        break;
      }
      // "the hardline Qasrani delegation": an unlisted word shaped like a nationality (-i, -ian,
      // -ese, -ish, -an; no English word, no given name), right before a group
      // noun names the group's country even where the article never names the country itself.
      if (isCapitalised(toks[k].text) && !isNameToken(k) && /^\p{L}{3,}(?:i|ian|ese|ish|an)$/u.test(word) && !lex.givenNames.has(word) && !lex.groupNouns.has(word) && k + 1 < toks.length && toks[k + 1].sentence === sentence && lex.groupNouns.has(w(k + 1)) && !vocabularyWords([word])[0]) {
        proper = true;
        k++;
        continue;
      }
      if (isCapitalised(toks[k].text) && isNameToken(k) && !lex.groupNouns.has(word)) {
        const place = lex.places.get(word);
        if (place?.kind === 'country') country = place.country;
        proper = true;
        k++;
        if (k < toks.length && (toks[k].text === "'s" || toks[k].text === '’s')) k++;
        continue;
      }
      break;
    }
    if (!proper) {
      // A plural demonym alone is a group: "Ukrainians", "the Russians".
      const dem = k < toks.length ? demonymOf(doc, w(k)) : undefined;
      if (k < toks.length && dem?.plural && isCapitalised(toks[k].text) && toks[k].sentence === sentence) {
        out.push({ start: toks[start].start, end: toks[k].end, firstToken: start, lastToken: k, country: dem.country, modifier: toks[k].text, noun: '' });
        i = k;
      }
      continue;
    }
    const modEnd = k;
    // Lower-case modifiers ("foreign", "senior", "top").
    while (k < toks.length && toks[k].sentence === sentence && lex.roleModifiers.has(w(k)) && !lex.groupNouns.has(w(k)) && k - modEnd < 3) k++;
    let nounEnd = -1;
    for (let len = 3; len >= 1; len--) {
      if (k + len - 1 >= toks.length || toks[k + len - 1].sentence !== sentence) continue;
      const phrase = fold(doc.text.slice(toks[k].start, toks[k + len - 1].end));
      if (lex.groupNouns.has(phrase)) {
        nounEnd = k + len - 1;
        break;
      }
    }
    // A capitalised noun belongs to a name ("United Auto Workers"), not to a group phrase, unless it
    // is the plural of a role and no name follows ("the G7 Foreign Ministers of Canada, France").
    if (nounEnd < 0) continue;
    if (/^\p{Lu}/u.test(toks[nounEnd].text) && !(pluralRole(lex, w(nounEnd)) && !(toks[nounEnd + 1] && toks[nounEnd + 1].sentence === sentence && isCapitalised(toks[nounEnd + 1].text)))) continue;
    // "Bank of America executives": the modifier is the tail of a longer name, not a group's own.
    const before = toks[start - 1];
    if (before && start >= 2 && lex.words.officePrepositions.has(fold(before.text)) && isCapitalised(toks[start - 2].text) && lex.connectorHeads.has(w(start - 2))) continue;
    // The noun must not continue as a compound ("officials' statement" is fine, "troops withdrawal" is not).
    const next = toks[nounEnd + 1];
    if (next && next.sentence === sentence && next.pos === 'NOUN' && !/^[,.;:]/.test(next.text)) continue;
    out.push({
      start: toks[start].start,
      end: toks[nounEnd].end,
      firstToken: start,
      lastToken: nounEnd,
      country,
      modifier: doc.text.slice(toks[modStart].start, toks[modEnd - 1].end),
      noun: fold(doc.text.slice(toks[modEnd].start, toks[nounEnd].end)),
    });
    i = nounEnd;
  }
  return out;
}

/** "ministers", "Spokesmen": the plural of a role word. */
function pluralRole(lex: ReturnType<typeof lexicon>, word: string): boolean {
  if (!/s$|men$/.test(word)) return false;
  const sing = word.endsWith('men') ? `${word.slice(0, -3)}man` : word.replace(/ies$/, 'y').replace(/s$/, '');
  return lex.roles.has(sing);
}
