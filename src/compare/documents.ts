// What a document says, as outlets report it: one says the joint statement includes a phrase, another
// that it makes no mention of it. A claim is a sentence naming a document ("the joint statement",
// "the communiqué") with the words it is said to contain (a quoted phrase, or what follows "mention",
// "include", "refer to"), and whether the sentence says they are there or not.
import type { Context, SentenceInfo } from './context.js';
import { contentStem, sharedCount } from './context.js';
import type { Detector, FactClaim } from './claims.js';
import { loadJson } from '../util/data.js';

interface StatementWords {
  documentNouns: string[];
  includes: string[];
  omits: string[];
}

let vocab: { nouns: Set<string>; includes: Set<string>; omits: RegExp } | null = null;
function V(): NonNullable<typeof vocab> {
  if (!vocab) {
    const w = loadJson<StatementWords>('compare/statements.json');
    const escape = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
    vocab = { nouns: new Set(w.documentNouns), includes: new Set(w.includes), omits: new RegExp(`\\b(${w.omits.map(escape).join('|')})`, 'i') };
  }
  return vocab;
}

type DocumentClaim = FactClaim & { document: string; phrase: Set<string>; present: boolean };

/** The words a document is said to hold: quoted words in the sentence, else the words after the
 * inclusion or omission cue. */
function phraseOf(ctx: Context, article: string, s: SentenceInfo, from: number): { stems: Set<string>; start: number; end: number } | null {
  const a = ctx.byId.get(article)!;
  const quoted = a.quoted.filter(([x, y]) => x >= s.start && y <= s.end);
  const toks = a.doc.tokens;
  const stems = new Set<string>();
  const collect = (x: number, y: number): void => {
    for (const t of toks) {
      if (t.start < x || t.end > y) continue;
      const st = contentStem(t);
      if (st && !V().nouns.has(st) && !V().includes.has(st)) stems.add(st);
    }
  };
  if (quoted.length) {
    for (const [x, y] of quoted) collect(x, y);
    return stems.size ? { stems, start: quoted[0][0], end: quoted[quoted.length - 1][1] } : null;
  }
  // The rest of the clause after the cue, up to a comma or the sentence end.
  const rest = a.doc.text.slice(from, s.end);
  const stop = /[,;.]/.exec(rest);
  const end = from + (stop ? stop.index : rest.length);
  collect(from, end);
  return stems.size ? { stems, start: from, end } : null;
}

export const documents: Detector = {
  kind: 'document',
  extract(ctx) {
    const out: FactClaim[] = [];
    for (const a of ctx.articles) {
      for (const s of a.sentences) {
        const toks = a.doc.tokens;
        const sent = a.doc.sentences[s.index];
        let noun = -1;
        let cue = -1;
        for (let i = sent.firstToken; i < sent.endToken; i++) {
          const lemma = (toks[i].lemma || toks[i].text).toLowerCase();
          if (noun < 0 && toks[i].pos === 'NOUN' && V().nouns.has(lemma)) noun = i;
          if (cue < 0 && noun >= 0 && i > noun && toks[i].pos === 'VERB' && V().includes.has(lemma)) cue = i;
        }
        if (noun < 0) continue;
        const omission = V().omits.exec(a.doc.text.slice(toks[noun].end, s.end));
        let present: boolean;
        let from: number;
        if (omission) {
          present = false;
          from = toks[noun].end + omission.index + omission[0].length;
        } else if (cue >= 0) {
          // A negated inclusion verb ("does not include") is caught by the omission words above.
          present = true;
          from = toks[cue].end;
        } else continue;
        const phrase = phraseOf(ctx, a.id, s, from);
        if (!phrase) continue;
        const document = (toks[noun].lemma || toks[noun].text).toLowerCase();
        const claim: DocumentClaim = {
          kind: 'document',
          article: a.id,
          sentence: s,
          start: phrase.start,
          end: phrase.end,
          value: present ? 'present' : 'absent',
          display: present ? 'that it does' : 'that it does not',
          subject: `whether the ${document} includes “${a.doc.text.slice(phrase.start, phrase.end).trim().replace(/^(of|to)\s+/i, '')}”`,
          bucket: document,
          document,
          phrase: phrase.stems,
          present,
        };
        out.push(claim);
      }
    }
    return out;
  },
  sameFact(a, b) {
    const ca = a as DocumentClaim;
    const cb = b as DocumentClaim;
    const shared = sharedCount(ca.phrase, cb.phrase);
    if (shared === 0 || shared / Math.min(ca.phrase.size, cb.phrase.size) < 0.5) return false;
    // The same document of the same parties.
    return sharedCount(a.sentence.entities, b.sentence.entities) >= 1 || sharedCount(a.sentence.lemmas, b.sentence.lemmas) >= 4;
  },
  conflict(a, b) {
    return (a as DocumentClaim).present !== (b as DocumentClaim).present;
  },
  topic(claims) {
    return (claims[0] as DocumentClaim).subject;
  },
  pairFeatures(a, b) {
    const ca = a as DocumentClaim;
    const cb = b as DocumentClaim;
    return { 'document:phraseOverlap': sharedCount(ca.phrase, cb.phrase) / Math.max(1, Math.min(ca.phrase.size, cb.phrase.size)) };
  },
};
