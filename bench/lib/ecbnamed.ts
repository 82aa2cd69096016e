// Named participant mentions in ECB+, the gold that bench:coref and train:coref score on.
//
// A gold mention is a HUMAN_PART_* or LOC_* markable whose tokens all lie in the sentences
// ECBplus_coreference_sentences.csv lists, and which is NAMED by this definition:
//   1. Its core: leading function words (determiners, prepositions, possessive pronouns: "the",
//      "in", "his") are dropped, and so is a trailing comma with what follows it ("X , 61"), and
//      trailing punctuation.
//   2. Every core token is capitalised (an upper-case letter first, or a digit-led word such as
//      "76ers") or a name connector ("of", "de", "al", "bin", "'s", "-", ".", "&", "and" inside).
//      A lower-case common word anywhere ("the Obama administration", "a Paris shop") makes the
//      markable a description, not a name.
//   3. At least one capitalised core token is name evidence: it is capitalised where English does
//      not capitalise by position (not a sentence's first word, not inside a title-case or
//      all-capitals line), or — for a sentence-initial or headline token — the corpus writes that
//      word capitalised in running text at least as often as in lower case. Pronouns ("He", "I")
//      never count.
// The mention's offsets are those of its core. Markables with identical core offsets in one
// document count once. A markable without a coreference relation is a singleton; an intra-document
// chain without a cross-document instance is an entity of its own document only.
import type { EcbDoc, EcbToken } from './ecbplus.js';

export interface NamedMention {
  /** Unique over the corpus: "<doc>:<start>-<end>". */
  id: string;
  doc: string;
  topic: number;
  subtopic: string;
  tag: string;
  start: number;
  end: number;
  /** Core token texts joined by single spaces. */
  text: string;
  /** Last core token that is not a connector: the head a "same last token" baseline compares. */
  head: string;
  /** Gold entity key, unique within a topic. */
  entity: string;
}

const LEADING = new Set(
  'the a an this that these those his her its their our my your in at on to from into onto near outside inside of for by with off across toward towards around within over under behind beside between among along through throughout upon about some all both each every another'.split(
    ' ',
  ),
);
const CONNECTORS = new Set(["of", 'de', 'du', 'del', 'della', 'da', 'di', 'dos', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'la', 'le', 'y', 'the', 'and', 'for', 'on', '&', '-', '.', "'s", '’s', "'", '’']);
const PRONOUNS = new Set('i he she it we they you me him her us them who whom his hers its their theirs our ours my mine your yours this that these those there here one'.split(' '));

const capitalised = (w: string) => /^\p{Lu}/u.test(w) || /^\d+\p{L}/u.test(w);
const isWord = (w: string) => /\p{L}/u.test(w);
const lowerWord = (w: string) => /^\p{Ll}/u.test(w);

/** A title-case or all-capitals line: capitalisation there says nothing about names. */
function headlineLike(tokens: EcbToken[]): boolean {
  const words = tokens.slice(1).filter((t) => /^\p{L}{4,}$/u.test(t.value));
  if (words.length < 2) return false;
  const caps = words.filter((t) => capitalised(t.value)).length;
  return caps / words.length >= 0.7;
}

/** Per word (lower-cased): times capitalised in running text vs times written in lower case. */
export interface CaseCounts {
  cap: Map<string, number>;
  lower: Map<string, number>;
}

function sentencesOf(doc: EcbDoc): Map<number, EcbToken[]> {
  const by = new Map<number, EcbToken[]>();
  for (const t of doc.tokens) {
    const list = by.get(t.sentence);
    if (list) list.push(t);
    else by.set(t.sentence, [t]);
  }
  return by;
}

/** Position facts per token id: is it capitalised where position explains capitals? */
function positionInfo(doc: EcbDoc): Map<string, { positional: boolean }> {
  const out = new Map<string, { positional: boolean }>();
  for (const tokens of sentencesOf(doc).values()) {
    const headline = headlineLike(tokens);
    const firstWord = tokens.findIndex((t) => isWord(t.value));
    tokens.forEach((t, i) => {
      // After a quote mark or a colon a new sentence may start inside this one.
      const prev = tokens[i - 1]?.value ?? '';
      const restart = /^[“"‘:]$|^``$/.test(prev);
      const allCaps = /^\p{Lu}{2,}$/u.test(t.value) && headline;
      out.set(t.id, { positional: headline || allCaps || i === firstWord || restart });
    });
  }
  return out;
}

export function caseCounts(docs: EcbDoc[]): CaseCounts {
  const cap = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const doc of docs) {
    const info = positionInfo(doc);
    for (const t of doc.tokens) {
      if (!isWord(t.value)) continue;
      const k = t.value.toLowerCase();
      if (lowerWord(t.value)) lower.set(k, (lower.get(k) ?? 0) + 1);
      else if (capitalised(t.value) && !info.get(t.id)!.positional) cap.set(k, (cap.get(k) ?? 0) + 1);
    }
  }
  return { cap, lower };
}

/** The named gold mentions of one document. */
export function namedMentions(doc: EcbDoc, counts: CaseCounts): NamedMention[] {
  const info = positionInfo(doc);
  const out = new Map<string, NamedMention>();
  for (const m of doc.markables) {
    if (!/^(?:HUMAN_PART|LOC)/.test(m.tag)) continue;
    const toks = m.tokenIds.map((id) => doc.tokenById.get(id)).filter((t): t is EcbToken => !!t);
    if (toks.length === 0 || toks.length !== m.tokenIds.length) continue;
    if (!toks.every((t) => doc.annotatedSentences.has(t.sentence))) continue;
    toks.sort((a, b) => a.start - b.start);
    let core = toks;
    const comma = core.findIndex((t) => t.value === ',');
    if (comma >= 0) core = core.slice(0, comma);
    while (core.length && (LEADING.has(core[0].value.toLowerCase()) || !isWord(core[0].value))) core = core.slice(1);
    while (core.length && !isWord(core[core.length - 1].value) && !/^\d/.test(core[core.length - 1].value)) core = core.slice(0, -1);
    if (core.length === 0) continue;
    const connector = (t: EcbToken) => CONNECTORS.has(t.value.toLowerCase()) && !capitalised(t.value);
    if (!core.every((t) => capitalised(t.value) || connector(t))) continue;
    if (connector(core[0])) continue;
    const evidence = core.some((t) => {
      if (!capitalised(t.value) || connector(t)) return false;
      const k = t.value.toLowerCase();
      if (PRONOUNS.has(k)) return false;
      if (!info.get(t.id)!.positional) return true;
      const cap = counts.cap.get(k) ?? 0;
      return cap > 0 && cap >= (counts.lower.get(k) ?? 0);
    });
    if (!evidence) continue;
    const start = core[0].start;
    const end = core[core.length - 1].end;
    const id = `${doc.id}:${start}-${end}`;
    if (out.has(id)) continue;
    const words = core.filter((t) => !connector(t));
    const entity = m.instance === null ? `single:${doc.id}:${m.mId}` : m.instance.startsWith('intra:') ? `${doc.id}:${m.instance}` : m.instance;
    out.set(id, {
      id,
      doc: doc.id,
      topic: doc.topic,
      subtopic: doc.subtopic,
      tag: m.tag,
      start,
      end,
      text: core.map((t) => t.value).join(' '),
      head: words[words.length - 1].value,
      entity,
    });
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}
