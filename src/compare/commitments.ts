// What a party committed to, as outlets report it: one says (or quotes a side saying) that X agreed
// to something, another that X denies it or has not agreed. A claim is a clause whose verb commits
// its subject (agree, accept, pledge…), with what it commits to and whether the sentence affirms
// or takes back the commitment ("denied agreeing to", "has not agreed to", "rejected reports that
// it had agreed").
import type { Context } from './context.js';
import { contentStem, sharedCount } from './context.js';
import type { Detector, FactClaim } from './claims.js';
import { loadJson } from '../util/data.js';
import { isNegated, parseOf, subjectOf } from './syntax.js';
import { happeningAt, sameActor } from './happening.js';
import { certainSpeaker } from './speakers.js';

interface StatementWords {
  agreeVerbs: string[];
  denyVerbs: string[];
}

let vocab: { agree: Set<string>; deny: Set<string> } | null = null;
function V(): NonNullable<typeof vocab> {
  if (!vocab) {
    const w = loadJson<StatementWords>('compare/statements.json');
    vocab = { agree: new Set(w.agreeVerbs), deny: new Set(w.denyVerbs) };
  }
  return vocab;
}

type CommitmentClaim = FactClaim & { actor: string; action: Set<string>; affirmed: boolean; viaQuote: boolean };

export const commitments: Detector = {
  kind: 'commitment',
  extract(ctx) {
    const out: FactClaim[] = [];
    for (const a of ctx.articles) {
      const p = parseOf(a.doc, a.mentions);
      const toks = a.doc.tokens;
      for (const s of a.sentences) {
        const sent = a.doc.sentences[s.index];
        for (let i = sent.firstToken; i < sent.endToken; i++) {
          const lemma = (toks[i].lemma || toks[i].text).toLowerCase();
          if (toks[i].pos !== 'VERB' || !V().agree.has(lemma)) continue;
          // Who committed: the verb's subject, or the subject of a denial verb governing it
          // ("X denied agreeing to …").
          let h = happeningAt(ctx, a, i);
          let denial = false;
          for (let k = sent.firstToken; k < i; k++) {
            const l = (toks[k].lemma || toks[k].text).toLowerCase();
            if (toks[k].pos === 'VERB' && V().deny.has(l) && i - k <= 8) {
              denial = true;
              if (!h.subject) h = happeningAt(ctx, a, k);
            }
          }
          let actor = h.subject;
          // Inside a quote, "we agreed" is the speaker's side; only a speaker Parley is sure of counts.
          const quote = a.quotes.find((q) => q.start <= toks[i].start && toks[i].end <= q.end);
          if (quote) {
            const subj = subjectOf(p, i);
            const we = subj >= 0 && /^(we|i)$/i.test(toks[subj].text);
            if (we) actor = certainSpeaker(quote, ctx);
            else if (!actor) continue;
          }
          if (!actor) continue;
          const negated = isNegated(p, a.doc, i) || /\b(never|not|n['’]t|no longer)\b/i.test(a.doc.text.slice(toks[Math.max(sent.firstToken, i - 3)].start, toks[i].start));
          const action = new Set<string>();
          let end = toks[i].end;
          for (let k = i + 1; k < sent.endToken && k < i + 10; k++) {
            if (/^[,;.:]$/.test(toks[k].text) && action.size) break;
            const st = contentStem(toks[k]);
            if (st) action.add(st);
            end = toks[k].end;
          }
          if (action.size === 0) continue;
          const affirmed = !(negated !== denial);
          const claim: CommitmentClaim = {
            kind: 'commitment',
            article: a.id,
            sentence: s,
            start: toks[i].start,
            end,
            value: affirmed ? 'agreed' : 'denied',
            display: affirmed ? 'that it was agreed' : 'that it was not',
            subject: `whether ${ctx.entityName.get(actor) ?? 'one side'} agreed to ${a.doc.text.slice(toks[i + 1]?.start ?? end, end).replace(/^to\s+/i, '')}`,
            bucket: 'commitment',
            actor,
            action,
            affirmed,
            viaQuote: !!quote,
          };
          out.push(claim);
        }
      }
    }
    return out;
  },
  sameFact(a, b, ctx) {
    const ca = a as CommitmentClaim;
    const cb = b as CommitmentClaim;
    if (!sameActor(ctx, ca.actor, cb.actor)) return false;
    const shared = sharedCount(ca.action, cb.action);
    return shared >= 2 || (shared >= 1 && shared / Math.min(ca.action.size, cb.action.size) >= 0.5);
  },
  conflict(a, b) {
    return (a as CommitmentClaim).affirmed !== (b as CommitmentClaim).affirmed;
  },
  topic(claims) {
    return claims[0].subject;
  },
  pairFeatures(a, b) {
    const ca = a as CommitmentClaim;
    const cb = b as CommitmentClaim;
    return {
      'link:sameActor': 1,
      'commitment:actionOverlap': sharedCount(ca.action, cb.action) / Math.max(1, Math.min(ca.action.size, cb.action.size)),
      attributed: ca.viaQuote || cb.viaQuote ? 1 : 0,
    };
  },
};
