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
  /** The governing verb and the verb its clause hangs on when it is a participle, an infinitive or
   * a subordinate clause ("launched a line called Mantra in December": call, launch). */
  verbs: Set<string>;
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

const protagonists = new WeakMap<ArticleInfo, string | null>();

/** The person an article is about: the person named most often, when named at least three times
 * and more often than any other. */
function protagonist(ctx: Context, a: ArticleInfo): string | null {
  if (protagonists.has(a)) return protagonists.get(a)!;
  const count = new Map<string, number>();
  for (const m of a.mentions) if (ctx.entityType.get(m.entity) === 'person') count.set(m.entity, (count.get(m.entity) ?? 0) + 1);
  const ranked = [...count].sort((x, y) => y[1] - x[1]);
  const best = ranked.length && ranked[0][1] >= 3 && (ranked.length === 1 || ranked[0][1] > ranked[1][1]) ? ranked[0][0] : null;
  protagonists.set(a, best);
  return best;
}

/** Who "he" or "she" is: the last person named in the same sentence before it, else the person
 * the article is about, else the last person named before it. */
function lastPersonBefore(ctx: Context, a: ArticleInfo, offset: number): string | null {
  let best: string | null = null;
  let inSentence: string | null = null;
  const sentence = a.doc.sentences.find((s) => s.start <= offset && offset < s.end);
  for (const m of a.mentions) {
    if (m.start >= offset) break;
    if (ctx.entityType.get(m.entity) !== 'person') continue;
    best = m.entity;
    if (sentence && m.start >= sentence.start) inSentence = m.entity;
  }
  return inSentence ?? protagonist(ctx, a) ?? best;
}

/** The comparison stem of a verb token, with "found guilty" read as "convicted". */
function verbStem(doc: ArticleInfo['doc'], p: ReturnType<typeof parseOf>, v: number): string {
  const t = doc.tokens[v];
  const lemma = (t.lemma || t.text).toLowerCase();
  if (lemma === 'find' && childrenOf(p, v, 'xcomp', 'obj', 'amod').some((k) => /^guilty$/i.test(doc.tokens[k].text))) return 'convic';
  return contentStem(t) ?? lemma;
}

/** The happening a token (a date's or a figure's first token) belongs to. */
export function happeningAt(ctx: Context, a: ArticleInfo, token: number): Happening {
  const doc = a.doc;
  const p = parseOf(doc, a.mentions);
  const v = governingVerb(p, doc, token);
  const out: Happening = { verb: '', verbs: new Set(), subject: null, pronoun: false, object: { entity: null, stems: new Set() } };
  if (v < 0) return out;
  out.verb = verbStem(doc, p, v);
  out.verbs.add(out.verb);
  // The verb a participle, an infinitive or a subordinate clause hangs on.
  let up = v;
  for (let hop = 0; hop < 2 && ['acl', 'xcomp', 'advcl', 'acl:relcl', 'ccomp'].includes(labelOf(p, up)); hop++) {
    up = governingVerb(p, doc, headOf(p, up));
    if (up < 0) break;
    const st = verbStem(doc, p, up);
    if (st && !/^\d/.test(st)) out.verbs.add(st);
  }
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
  return out;
}

/** The same verb, or a verb of one among the other's clause verbs. */
export function sameVerb(x: Happening, y: Happening): boolean {
  if (!x.verb || !y.verb) return false;
  if (x.verb === y.verb) return true;
  for (const v of x.verbs) if (y.verbs.has(v)) return true;
  return false;
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
  if (!x.verb || !sameVerb(x, y)) return { same: false, subject, object: objectShared };
  if (x.subject && y.subject && !sameActor(ctx, x.subject, y.subject)) return { same: false, subject: false, object: objectShared };
  // "married Billy Neal in 1943" and "married Armond Walterson in 1958" are two marriages.
  if (x.object.entity && y.object.entity && !sameActor(ctx, x.object.entity, y.object.entity) && x.object.entity !== y.object.entity) return { same: false, subject, object: false };
  // "signed a bill" and "signed an executive order": two signings.
  if (x.object.stems.size && y.object.stems.size && !objectShared) return { same: false, subject, object: false };
  return { same: subject || objectShared, subject, object: objectShared };
}
