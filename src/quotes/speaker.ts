// From the words naming a speaker to an article-local entity: a name through the entities stage's
// mentions, a pronoun through the nearest compatible person before it, a description ("a Western
// diplomat", "two officials close to the negotiations") to nobody.
import type { ArticleEntities, EntityMention } from '../annotations.js';
import type { Doc } from '../text/doc.js';
import { tokensIn, type Range } from './attribution.js';
import { cues, givenNameGender } from './cues.js';

export interface SpeakerRef {
  /** Article-local entity key, or null. */
  entity: string | null;
  /** The name the speaker resolves to (a mention, or the name words in the phrase), for checking. */
  referent: Range | null;
  /** How the words were resolved (a name, a pronoun to the last speaker, a role…): evidence for the confidence. */
  how?: string;
  /** For a pronoun: how many compatible people it could have meant. */
  candidates?: number;
}

/** A person-like name the quotes stage can see without the entities stage: a run of capitalised
 * proper-noun tokens. Used only when the entities stage offers no mention there. */
interface NameCandidate extends Range {
  entity: string | null;
  type: string;
  /** Typed a person, or carries a title, a role or a personal honorific, whatever its type says. */
  personLike: boolean;
}

const ORG_SUFFIX = /^(Group|LLC|Inc\.?|Corp\.?|Ltd\.?|Co\.|Company|Fund|Bank|Forum|Institute|Agency|Commission|Council|Committee|Union|Association|Foundation|Partners|Capital|Management|Investments|Securities|University|Times|Post|News)$/;
const CALENDAR = /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)$/;
const INDEFINITE = /^(a|an|one|two|three|four|five|several|some|many|other|another|various|senior|unnamed|anonymous)$/i;
const TITLES_ANY = /\b(Mr|Ms|Mrs|Miss|Dr|Sir|Dame|Lady|Lord|Prof|President|Minister|Senator|Sen|Rep|Gov|General|Gen)\.?\s*$/;
const TITLES_M = /\b(Mr|Mr\.|Sir|Lord|King|Prince)\s*$/;
const TITLES_F = /\b(Ms|Ms\.|Mrs|Mrs\.|Miss|Madam|Dame|Lady|Queen|Princess)\s*$/;

export class SpeakerResolver {
  private candidates: NameCandidate[];
  private gender = new Map<string, string>();
  /** Keys of names already resolved as speakers of earlier quotes. */
  private spoke = new Set<string>();

  constructor(
    private doc: Doc,
    private entities: ArticleEntities,
    private quoted: Range[],
  ) {
    this.candidates = this.buildCandidates();
    this.learnGender();
  }

  private insideQuote(r: Range): boolean {
    return this.quoted.some((q) => r.start >= q.start && r.end <= q.end);
  }

  private buildCandidates(): NameCandidate[] {
    const withRoles = new Set(this.entities.entities.filter((e) => e.roles.length > 0).map((e) => e.key));
    const text = this.doc.text;
    const fromEntities = this.entities.mentions
      .filter((m) => (m.kind === 'name' || m.kind === 'title') && !this.modifier(m))
      .map((m) => ({
        start: m.start,
        end: m.end,
        entity: m.entity,
        type: m.type,
        personLike: m.type === 'person' || withRoles.has(m.entity) || TITLES_ANY.test(text.slice(Math.max(0, m.start - 8), m.start)),
      }))
      .filter((c) => c.personLike || (c.type !== 'place' && c.type !== 'organization' && c.type !== 'group'));
    const own: NameCandidate[] = [];
    const tokens = this.doc.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].pos !== 'PROPN' || !/^\p{Lu}\p{Ll}/u.test(tokens[i].text)) continue;
      let j = i + 1;
      while (j < tokens.length && tokens[j].pos === 'PROPN' && tokens[j].sentence === tokens[i].sentence && /^\p{Lu}/u.test(tokens[j].text)) j++;
      const r = { start: tokens[i].start, end: tokens[j - 1].end };
      const possessive = tokens[j] && /^['’]s$/.test(tokens[j].text);
      const word = this.doc.text.slice(r.start, r.end);
      // A lone capitalised word is a name only if the article uses it more than once (not "Reading",
      // "Analysis" at a sentence start) and it is no month or weekday.
      const single = j === i + 1;
      const plausible = !single || (!CALENDAR.test(word) && this.doc.text.split(word).length > 2);
      if (!possessive && plausible && !this.entities.mentions.some((m) => m.start < r.end && r.start < m.end)) own.push({ ...r, entity: null, type: 'other', personLike: TITLES_ANY.test(text.slice(Math.max(0, r.start - 8), r.start)) });
      i = j - 1;
    }
    return [...fromEntities, ...own].filter((c) => !this.insideQuote(c)).sort((a, b) => a.start - b.start);
  }

  /** A name used as a modifier ("Kestrian claims", "Boeing spokesman") names no one who speaks. */
  private modifier(m: Range): boolean {
    return /^\s+\p{Ll}+(?:\s|[.,;:]|$)/u.test(this.doc.text.slice(m.end, m.end + 20)) && (() => {
      const [, b] = tokensIn(this.doc, m.start, m.end);
      const next = this.doc.tokens[b];
      return !!next && next.pos === 'NOUN';
    })();
  }

  /** Gender from a title before a name (Ms Ruiz), else from the given name of the person's
   * fullest name when the name lists give it one gender (Greta Lind → f, Tomas Berg → m). */
  private learnGender(): void {
    const text = this.doc.text;
    const fullName = new Map(this.entities.entities.map((e) => [e.key, e.name]));
    for (const c of this.candidates) {
      const key = this.keyOf(c);
      const before = text.slice(Math.max(0, c.start - 8), c.start);
      if (TITLES_M.test(before)) this.gender.set(key, 'm');
      else if (TITLES_F.test(before)) this.gender.set(key, 'f');
    }
    for (const c of this.candidates) {
      const key = this.keyOf(c);
      if (this.gender.has(key)) continue;
      const name = (c.entity ? fullName.get(c.entity) : null) ?? text.slice(c.start, c.end);
      const words = name.split(/\s+/);
      if (words.length < 2 || (c.type !== 'person' && !c.personLike && c.entity)) continue;
      const g = givenNameGender(words[0].replace(/[^\p{L}'-]/gu, ''));
      if (g) this.gender.set(key, g);
    }
  }

  private keyOf(c: NameCandidate): string {
    return c.entity ?? this.textKey(c);
  }

  /** Without an entity, a name is known by its last word (Ana Ruiz = Ruiz). */
  private textKey(r: Range): string {
    const words = this.doc.text.slice(r.start, r.end).split(/\s+/);
    return words[words.length - 1];
  }

  /** Resolve the words naming a speaker. */
  resolve(span: Range, previousSpeakers: SpeakerRef[]): SpeakerRef {
    const words = this.doc.text.slice(span.start, span.end).toLowerCase();
    const pron = cues().pronouns.get(words);
    if (pron) return this.resolvePronoun(span, pron, previousSpeakers);
    return this.resolveName(span);
  }

  private resolveName(span: Range): SpeakerRef {
    const phrase = this.doc.text.slice(span.start, span.end).toLowerCase();
    const words = phrase.match(/[\p{L}-]+/gu) ?? [];
    // "the company said", "the auto firm announced": back to the organisation last named as subject.
    if (words.length <= 3 && /^(the|its)$/.test(words[0] ?? '') && cues().orgAnaphors.has(words[words.length - 1])) {
      return this.resolveOrganisation(span, words[words.length - 1]);
    }
    let name = this.namedHead(span);
    // A person the entities stage found in the phrase, when the phrase's own head is no name of a person.
    const persons = this.entities.mentions.filter((m) => m.type === 'person' && m.start >= span.start && m.end <= span.end && !(m.end < span.end && this.possessive(m)) && !this.modifier(m));
    if (persons.length && !(name && persons.some((m) => m.start < name!.end && name!.start < m.end))) name = { start: persons[persons.length - 1].start, end: persons[persons.length - 1].end };
    if (name) {
      const onHead = this.entities.mentions.filter((m) => m.start < name.end && name.start < m.end && !(m.end < span.end && this.possessive(m)));
      const pick = (list: EntityMention[]) => list[list.length - 1];
      const person = onHead.filter((m) => m.type === 'person');
      const chosen = person.length ? pick(person) : onHead.length ? pick(onHead) : null;
      const ref: SpeakerRef = chosen
        ? { entity: chosen.entity, referent: { start: chosen.start, end: chosen.end }, how: `name-${chosen.type}` }
        : { entity: null, referent: name, how: 'name-unlinked' };
      this.spoke.add(chosen ? chosen.entity : this.textKey(name));
      return ref;
    }
    // A description the entities stage linked to a person ("the Turkish leader").
    const title = this.entities.mentions.find((m) => m.kind === 'title' && m.start < span.end && span.start < m.end);
    if (title) return { entity: title.entity, referent: { start: title.start, end: title.end }, how: 'title' };
    return this.byRole(span) ?? { entity: null, referent: null, how: 'description' };
  }

  /** "Meridia's foreign minister", "the envoy": a definite description that matches the role of
   * exactly one person in the article names that person; "a senior official" names nobody. */
  private byRole(span: Range): SpeakerRef | null {
    const phrase = this.doc.text.slice(span.start, span.end);
    const first = phrase.split(/\s+/)[0] ?? '';
    if (INDEFINITE.test(first) || /\b(sources?|officials|people|diplomats|aides|observers|analysts)\b/i.test(phrase)) return null;
    const lowerPhrase = phrase.toLowerCase().replace(/[’]/g, "'");
    const matches = this.entities.entities.filter((e) => e.type === 'person' && e.roles.some((r) => r.length > 2 && new RegExp(`\\b${r.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).test(lowerPhrase)));
    if (matches.length !== 1) return this.byTitledMention(phrase);
    const e = matches[0];
    const m = e.mentions.map((i) => this.entities.mentions[i]).find((x) => x.kind === 'name');
    return { entity: e.key, referent: m ? { start: m.start, end: m.end } : null, how: 'role' };
  }

  private possessive(m: Range): boolean {
    return /^['’]s?\b/.test(this.doc.text.slice(m.end, m.end + 2));
  }

  /** The name at the head of a phrase ("Kestria's chief negotiator, Pavel Drozd" → "Pavel Drozd"),
   * or null for a description whose head is a common noun ("a Western diplomat"). */
  namedHead(span: Range): Range | null {
    const [a, b] = tokensIn(this.doc, span.start, span.end);
    const tokens = this.doc.tokens;
    // Runs of proper nouns not followed by a possessive; the last such run is the head when the
    // phrase ends with it or with an apposition after it.
    let head: Range | null = null;
    // "Marta Selve, Norvik's Asia chief": a name first, then a description of it.
    {
      let j = a;
      while (j < b && (tokens[j].pos === 'PROPN' || (/^\p{Lu}/u.test(tokens[j].text) && tokens[j].pos !== 'DET' && tokens[j].pos !== 'PRON') || (j > a && /^['’.]/.test(tokens[j].text) && (tokens[j].text.length > 1 || /^\p{Lu}/u.test(tokens[j + 1]?.text ?? ''))))) j++;
      const next = tokens[j];
      const titled = j > a && cues().titleWords.has(tokens[j - 1].text.toLowerCase());
      if (j > a && j < b && !titled && (next.text === ',' || next.pos === 'DET')) return { start: tokens[a].start, end: tokens[j - 1].end };
    }
    for (let i = a; i < b; i++) {
      const sentenceInitial = i === 0 || tokens[i - 1].sentence !== tokens[i].sentence;
      if (tokens[i].pos !== 'PROPN' && !(/^\p{Lu}/u.test(tokens[i].text) && !['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'NUM', 'PUNCT'].includes(tokens[i].pos) && !sentenceInitial)) continue;
      let j = i + 1;
      while (j < b && (tokens[j].pos === 'PROPN' || /^\p{Lu}/u.test(tokens[j].text) || tokens[j].text === '.' || tokens[j].text === "'" || /^O$/.test(tokens[j - 1].text))) {
        // An organisation's name ends at its suffix; a person's name may follow ("Capital Group Charlie Smith").
        if (ORG_SUFFIX.test(tokens[j - 1].text) && !ORG_SUFFIX.test(tokens[j].text) && j - 1 > i && j + 1 < b && /^\p{Lu}/u.test(tokens[j].text)) break;
        j++;
      }
      // A possessive inside the phrase makes the name a modifier ("Kestria's minister"); one just
      // after it is the owner of a document the phrase was cut from ("Hale's letter").
      const possessive = j < b && /^['’]s?$/.test(tokens[j].text);
      // A capitalised run followed by a common noun is a modifier ("Western diplomat", "Delhi auto parts supplier").
      const nextIsNoun = j < b && (tokens[j].pos === 'NOUN' || tokens[j].pos === 'ADJ') && /^\p{Ll}/u.test(tokens[j].text);
      const titleOnly = cues().titleWords.has(tokens[j - 1].text.toLowerCase()) && j < b;
      if (!possessive && !nextIsNoun && !titleOnly) head = { start: tokens[i].start, end: tokens[j - 1].end };
      i = j - 1;
    }
    if (!head) return null;
    // "Teachers chanted": a capitalised plural at the sentence start that the article also writes in lower case.
    {
      const [ha, hb] = tokensIn(this.doc, head.start, head.end);
      const word = this.doc.text.slice(head.start, head.end);
      const sentenceStart = ha === 0 || tokens[ha - 1].sentence !== tokens[ha].sentence;
      if (hb === ha + 1 && sentenceStart && new RegExp(`\\b${word.toLowerCase()}\\b`).test(this.doc.text)) return null;
    }
    // "The governor of the northern province of Kestria": a common noun heads the phrase
    // and the name only completes it (unless a comma then names the person: "…, Lena Varga").
    const beforeHead = this.doc.text.slice(span.start, head.start);
    if (/^\s*([Tt]he|[Aa]n?)\s+[\p{Ll}\s-]+\b(of|for|at|from|to)\b/u.test(beforeHead) && !/,\s*$/.test(beforeHead)) return null;
    // "China's ambassador to Britain": a role word before "to/of/for" makes the name a complement.
    const roleBefore = /([\p{L}-]+)\s+(of|for|to|at)\s+(the\s+)?$/iu.exec(beforeHead);
    if (roleBefore && cues().titleWords.has(roleBefore[1].toLowerCase())) return null;
    // The phrase must end at the name or in an apposition/qualifier after a comma or preposition.
    const after = this.doc.text.slice(head.end, span.end);
    if (after.trim() !== '' && !/^\s*(,|of\b|at\b|for\b|from\b)/.test(after)) return null;
    return head;
  }

  private resolvePronoun(span: Range, gender: string, previousSpeakers: SpeakerRef[]): SpeakerRef {
    if (gender === 's') return { entity: null, referent: null };
    if (gender === 'n') return this.resolveOrganisation(span);
    // "they said" of a company or a label (British usage); of people it names no one in particular.
    if (gender === 'p') {
      const org = this.resolveOrganisation(span, undefined, true);
      return org.referent && span.start - org.referent.end < 600 ? org : { entity: null, referent: null };
    }
    const paragraphs = this.doc.paragraphs;
    let p = paragraphs.findIndex((para) => span.start >= para.start && span.start < para.end);
    if (p < 0) p = 0;
    const floor = paragraphs[Math.max(0, p - 3)].start;
    const before = this.candidates.filter((c) => c.end <= span.start && c.start >= floor && (c.personLike || this.spoke.has(this.keyOf(c)) || (c.type !== 'organization' && c.type !== 'group' && c.type !== 'place')));
    let compatible = before.filter((c) => {
      const g = this.gender.get(this.keyOf(c));
      return !g || g === gender;
    });
    // Names known to be people (typed, titled, or already quoted as speakers here) outrank bare capitalised words.
    const persons = compatible.filter((c) => c.personLike || this.spoke.has(this.keyOf(c)));
    if (persons.length) compatible = persons;
    if (compatible.length === 0) return { entity: null, referent: null };
    // Prefer a name that is the subject of its sentence (news copy refers back to the actor), then
    // the speaker of the last quote, then the nearest name.
    const near = Math.max(paragraphs[Math.max(0, p - 1)].start, span.start - 700);
    const sameOrPrevParagraph = compatible.filter((c) => c.start >= near);
    const subjects = sameOrPrevParagraph.filter((c) => this.isSubject(c));
    const lastSubject = subjects[subjects.length - 1];
    // The speaker of the quote just before, when no one else has become the subject since.
    const lastSpeaker = [...previousSpeakers].reverse().find((s) => s.referent && s.referent.end <= span.start && s.referent.start >= floor);
    if (lastSpeaker?.referent && span.start - lastSpeaker.referent.end < 400 && !(lastSubject && lastSubject.start > lastSpeaker.referent.end)) {
      const ref = lastSpeaker.referent;
      const g = this.gender.get(lastSpeaker.entity ?? this.textKey(ref));
      if (!g || g === gender) return { entity: lastSpeaker.entity, referent: ref, how: 'pronoun-last-speaker', candidates: compatible.length };
    }
    let chosen: NameCandidate | undefined = lastSubject;
    chosen ??= compatible[compatible.length - 1];
    return {
      entity: chosen.entity,
      referent: { start: chosen.start, end: chosen.end },
      how: chosen === lastSubject ? 'pronoun-subject' : 'pronoun-nearest',
      candidates: new Set(compatible.map((c) => this.keyOf(c))).size,
    };
  }

  /** "it said", "the company said": the nearest organisation named as a subject before, else the nearest one. */
  private resolveOrganisation(span: Range, head?: string, subjectsOnly = false): SpeakerRef {
    const floor = Math.max(0, span.start - 1500);
    let orgs = this.entities.mentions.filter((m) => m.end <= span.start && m.start >= floor && m.type === 'organization' && !this.possessive(m) && !this.insideQuote(m));
    if (subjectsOnly) orgs = orgs.filter((m) => this.isSubject(m));
    // "the federal government" → a government, not the last company named.
    const named = head ? orgs.filter((m) => m.text.toLowerCase().includes(head)) : [];
    if (named.length) orgs = named;
    if (orgs.length === 0) return { entity: null, referent: null };
    const subjects = orgs.filter((m) => this.isSubject(m));
    const chosen = subjects[subjects.length - 1] ?? orgs[orgs.length - 1];
    return { entity: chosen.entity, referent: { start: chosen.start, end: chosen.end }, how: subjects.length ? 'organisation-subject' : 'organisation-nearest', candidates: new Set(orgs.map((m) => m.entity)).size };
  }

  /** A name at the start of its clause (after any title words or determiners before it). */
  private isSubject(c: Range): boolean {
    const tokens = this.doc.tokens;
    const [a] = tokensIn(this.doc, c.start, c.end);
    const sentence = tokens[a]?.sentence;
    let k = a - 1;
    // Title words, determiners and a time stamp may precede the name ("The UN envoy Miriam Okafor", "16:20 Ruiz").
    while (k >= 0 && tokens[k].sentence === sentence && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'PROPN' || tokens[k].pos === 'NUM' || (tokens[k].pos === 'NOUN' && /^\p{Ll}/u.test(tokens[k].text)) || /^['’]s$/.test(tokens[k].text))) k--;
    if (k < 0 || tokens[k].sentence !== sentence) return true;
    // A sentence-opening "Yet", "But", "Meanwhile" before the subject.
    if ((tokens[k].pos === 'CCONJ' || tokens[k].pos === 'ADV') && (k === 0 || tokens[k - 1].sentence !== sentence)) return true;
    // After a leading clause ("On prisoners, Drozd said"), a colon or a closing quote mark.
    return /^[,:;”"’]$/.test(tokens[k].text);
  }

  /** "Norway’s ambassador to Chile" → the person the article names right after the same words
   * elsewhere ("Norway’s ambassador to Chile Ana Ruiz has said …"), when exactly one does. */
  private byTitledMention(phrase: string): SpeakerRef | null {
    const role = phrase
      .replace(/^\s*(the|its|his|her|their|[\p{Lu}][\p{L}.-]*['’]s?)\s+/iu, '')
      .trim()
      .toLowerCase()
      .replace(/[’]/g, "'");
    if (role.split(/\s+/).length < 1 || !role.split(/\s+/).some((w) => cues().titleWords.has(w))) return null;
    const text = this.doc.text.toLowerCase().replace(/[’]/g, "'");
    const found = new Map<string, EntityMention>();
    for (const m of this.entities.mentions) {
      if (m.kind !== 'name' || (m.type !== 'person' && m.type !== 'other')) continue;
      const before = text.slice(Math.max(0, m.start - role.length - 3), m.start).replace(/[,\s]+$/, '');
      if (before.endsWith(role)) found.set(m.entity, found.get(m.entity) ?? m);
    }
    if (found.size !== 1) return null;
    const m = [...found.values()][0];
    return { entity: m.entity, referent: { start: m.start, end: m.end }, how: 'titled-mention' };
  }

  /** Gender learned when a pronoun was resolved to a name, so a later "she" does not pick a "he". */
  remember(ref: SpeakerRef, pronoun: string | null): void {
    if (!pronoun || !ref.referent || (pronoun !== 'm' && pronoun !== 'f')) return;
    const key = ref.entity ?? this.textKey(ref.referent);
    if (!this.gender.has(key)) this.gender.set(key, pronoun);
  }
}
