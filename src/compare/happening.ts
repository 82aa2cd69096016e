// What a value in a sentence is about, read from the grammar: the verb that governs a date or a
// figure ("indicted in 1969" → indict), the actor that verb is said of (its subject, or the last
// person named before a pronoun subject), and what it acts on. Two outlets' claims are about the
// same happening when these agree, whatever else their sentences share.
import type { ArticleInfo, Context, SentenceInfo } from './context.js';
import { foldName } from '../text/fold.js';
import { contentStem } from './context.js';
import { childrenOf, governingVerb, headOf, labelOf, objectsOf, parseOf, subjectOf } from './syntax.js';

export interface Happening {
  /** Comparison stem of the governing verb (or predicate), "" when none was found. */
  verb: string;
  /** Entity the clause is about: its subject's actor. */
  subject: string | null;
  /** Whether the subject was a pronoun resolved to the last person named before it. */
  pronoun: boolean;
  /** Entity or content stems of the verb's object. */
  object: { entity: string | null; stems: Set<string> };
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'him', 'her']);

/** The actor covering token k, if any. */
function entityAt(a: ArticleInfo, k: number): string | null {
  const t = a.doc.tokens[k];
  for (const m of a.mentions) if (m.start <= t.start && t.end <= m.end) return m.entity;
  return null;
}

/** The entity a nominal token names, through its compound and flat parts ("Mr. Gigante"). */
function nominalEntity(a: ArticleInfo, k: number): string | null {
  const own = entityAt(a, k);
  if (own) return own;
  const p = parseOf(a.doc, a.mentions);
  for (const c of childrenOf(p, k, 'compound', 'appos')) {
    const e = entityAt(a, c);
    if (e) return e;
  }
  return null;
}

function lastPersonBefore(ctx: Context, a: ArticleInfo, offset: number): string | null {
  let best: string | null = null;
  for (const m of a.mentions) {
    if (m.start >= offset) break;
    if (ctx.entityType.get(m.entity) === 'person') best = m.entity;
  }
  return best;
}

/** The happening a token (a date's or a figure's first token) belongs to. */
export function happeningAt(ctx: Context, a: ArticleInfo, token: number): Happening {
  const doc = a.doc;
  const p = parseOf(doc, a.mentions);
  const v = governingVerb(p, doc, token);
  const out: Happening = { verb: '', subject: null, pronoun: false, object: { entity: null, stems: new Set() } };
  if (v < 0) return out;
  out.verb = contentStem(doc.tokens[v]) ?? (doc.tokens[v].lemma || doc.tokens[v].text).toLowerCase();
  const s = subjectOf(p, v);
  // The value's own phrase as subject ("Fifteen diplomats were expelled") names what is counted,
  // not who acted.
  if (s >= 0 && s !== token && headOf(p, token) !== s) {
    const word = doc.tokens[s].text.toLowerCase();
    if (PRONOUNS.has(word)) {
      out.subject = lastPersonBefore(ctx, a, doc.tokens[s].start);
      out.pronoun = out.subject !== null;
    } else out.subject = nominalEntity(a, s);
  }
  for (const o of objectsOf(p, v)) {
    if (o === token || headOf(p, token) === o) continue;
    out.object.entity = nominalEntity(a, o);
    const stem = contentStem(doc.tokens[o]);
    if (stem) out.object.stems.add(stem);
    for (const c of childrenOf(p, o, 'compound', 'amod')) {
      const cs = contentStem(doc.tokens[c]);
      if (cs) out.object.stems.add(cs);
    }
  }
  void labelOf;
  return out;
}

/** Whether two entity ids name one actor: the same id, or two people the entities stage kept
 * apart whose names end in the same surname ("Page" / "Bettie Page"). */
export function sameActor(ctx: Context, x: string | null, y: string | null): boolean {
  if (!x || !y) return false;
  if (x === y) return true;
  if (ctx.entityType.get(x) !== 'person' || ctx.entityType.get(y) !== 'person') return false;
  const last = (id: string): string => foldName(ctx.entityName.get(id) ?? '').split(/\s+/).pop() ?? '';
  const lx = last(x);
  return lx.length >= 3 && lx === last(y);
}

/** Whether two happenings can be the same one: the same verb said of the same actor or acting on
 * the same thing, and no different actor or object. A clause whose subject was not read takes an
 * actor named in its sentence. */
export function sameHappening(ctx: Context, x: Happening, y: Happening, sx?: SentenceInfo, sy?: SentenceInfo): { same: boolean; subject: boolean; object: boolean } {
  let subject = sameActor(ctx, x.subject, y.subject);
  if (!subject && (!x.subject || !y.subject)) {
    const named = x.subject ?? y.subject;
    const other = x.subject ? sy : sx;
    if (named && other) subject = [...other.entities].some((e) => sameActor(ctx, e, named));
  }
  const objectShared = sameActor(ctx, x.object.entity, y.object.entity) || (!!x.object.entity && x.object.entity === y.object.entity) || [...x.object.stems].some((s) => y.object.stems.has(s));
  if (!x.verb || x.verb !== y.verb) return { same: false, subject, object: objectShared };
  if (x.subject && y.subject && !sameActor(ctx, x.subject, y.subject)) return { same: false, subject: false, object: objectShared };
  // "married Billy Neal in 1943" and "married Armond Walterson in 1958" are two marriages.
  if (x.object.entity && y.object.entity && !sameActor(ctx, x.object.entity, y.object.entity) && x.object.entity !== y.object.entity) return { same: false, subject, object: false };
  // "signed a bill" and "signed an executive order": two signings.
  if (x.object.stems.size && y.object.stems.size && !objectShared) return { same: false, subject, object: false };
  return { same: subject || objectShared, subject, object: objectShared };
}
