// entities/: proper-name mentions in one article, typed, with roles, linked within the article;
// plus title-only references ("the Turkish leader") and group mentions ("the Ukrainian delegation").
import { sentenceAt, type Doc } from '../text/doc.js';
import type { ArticleEntities, EntityMention, LocalEntity, MentionKind } from '../annotations.js';
import type { EntityType } from '../types.js';
import { lexicon } from './lexicon.js';
import { appositiveAfter, titleAt, titleBefore, titleReferences, type RoleMatch } from './titles.js';
import { findGroups } from './groups.js';
import { demonymOf, localNames } from './local.js';
import { cleanForm, fold, isAcronym } from './text.js';
import { linkCandidates, type Candidate, type Scores } from './link.js';
import { tagNames, type TaggedName } from './model/tagger.js';
import { documentRules, leadingTitle, spanRules, typeRules, type EntityOptions } from './rules.js';

export type { EntityOptions, Rule } from './rules.js';
export { RULES } from './rules.js';

/** Find the entity mentions of one article and group them into article-local entities. */
export function findEntities(doc: Doc, options: EntityOptions = {}): ArticleEntities {
  // No catch here: the pipeline isolates articles and reports a failure as a problem.
  return build(doc, options);
}

function build(doc: Doc, options: EntityOptions): ArticleEntities {
  const article = doc.article.id;
  const names = spanRules(doc, tagNames(doc), options);
  const inName = new Uint8Array(doc.tokens.length);
  for (const n of names) for (let i = n.first; i <= n.last; i++) inName[i] = 1;
  const isName = (i: number) => inName[i] === 1;
  // A group's modifier ("the G7 foreign ministers") may be a code the tagger does not take for a name.
  const groups = findGroups(doc, (i) => isName(i) || isAcronym(doc.tokens[i].text) || /^\p{Lu}+\d+$/u.test(doc.tokens[i].text));
  const inGroup = new Uint8Array(doc.tokens.length);
  for (const g of groups) for (let i = g.firstToken; i <= g.lastToken; i++) inGroup[i] = 1;

  const candidates: Candidate[] = [];
  for (const name of names) {
    if (inGroup[name.last]) continue;
    let first = name.first;
    if (inGroup[first]) {
      // "the G7 Foreign Ministers of the European Union": what follows the group and its "of" is a name.
      while (first <= name.last && inGroup[first]) first++;
      if (first <= name.last && lexicon().words.officePrepositions.has(fold(doc.tokens[first].text))) first++;
      if (first <= name.last && /^the$/i.test(doc.tokens[first].text)) first++;
      if (first > name.last || !isName(first)) continue;
    }
    if (pageFurniture(doc, first, name.last)) continue;
    const c = candidateOf(doc, name, first, options);
    if (c) candidates.push(c);
  }
  documentRules(doc, candidates, options);
  const clusters = linkCandidates(candidates, { firstNames: !options.without?.has('first-names') });

  // Title-only references link to the one person the article gives that role, if there is one.
  const mentions: { start: number; end: number; text: string; type: EntityType; kind: MentionKind; cluster: number }[] = [];
  clusters.forEach((cl, ci) => {
    for (const c of cl.members) mentions.push({ start: c.start, end: c.end, text: c.text, type: cl.type, kind: 'name', cluster: ci });
  });
  for (const ref of titleReferences(doc, isName)) {
    // "Russia's top diplomat": the title mention takes the place of the country name inside it.
    const inside = mentions.filter((m) => m.start >= ref.start && m.end <= ref.end && m.kind === 'name' && m.type !== 'person');
    const others = mentions.filter((m) => m.start < ref.end && ref.start < m.end && !inside.includes(m));
    if (others.length > 0) continue;
    const target = linkTitle(clusters, ref.title, ref.start);
    if (target < 0) continue;
    for (const m of inside) mentions.splice(mentions.indexOf(m), 1);
    mentions.push({ start: ref.start, end: ref.end, text: doc.text.slice(ref.start, ref.end), type: 'person', kind: 'title', cluster: target });
  }

  // Groups become entities of their own, one per distinct phrase.
  const groupCluster = new Map<string, number>();
  const groupInfo: { name: string; country: string | null; noun: string; aliases: Set<string> }[] = [];
  for (const g of groups) {
    const text = doc.text.slice(g.start, g.end);
    const key = fold(text).replace(/^the /, '');
    let gi = groupCluster.get(key);
    if (gi === undefined) {
      gi = groupInfo.length;
      groupCluster.set(key, gi);
      groupInfo.push({ name: cleanForm(text).replace(/^the /i, ''), country: g.country, noun: g.noun, aliases: new Set() });
    }
    mentions.push({ start: g.start, end: g.end, text, type: 'group', kind: 'group', cluster: -1 - gi });
  }

  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  // Keys in order of first mention.
  // Names the article marks as countries by a demonym of them.
  const countries = localNames(doc).countries;
  const keyOf = new Map<number, string>();
  const entities: LocalEntity[] = [];
  const out: EntityMention[] = [];
  const entityByKey = new Map<string, LocalEntity>();
  for (const m of mentions) {
    let key = keyOf.get(m.cluster);
    if (key === undefined) {
      key = `${article}#${entities.length}`;
      keyOf.set(m.cluster, key);
      if (m.cluster >= 0) {
        const cl = clusters[m.cluster];
        // A place holds no one's office: "the chief U.S. negotiator" gives the United States no role
        // "chief"; a state may still mediate.
        const roles = cl.type === 'place' ? cl.roles.filter((r) => lexicon().roles.get(fold(r).split(' ').pop() ?? '')?.cls === 'diplomat.mediator') : cl.roles;
        const entity: LocalEntity = { key, name: cl.name, type: cl.type, aliases: cl.aliases, roles, mentions: [] };
        if (cl.type !== 'person' && cl.type !== 'group' && countries.has(fold(cl.name))) entity.state = true;
        entities.push(entity);
      } else {
        const g = groupInfo[-1 - m.cluster];
        entities.push({ key, name: g.name, type: 'group', aliases: [], roles: [], mentions: [] });
      }
      entityByKey.set(key, entities[entities.length - 1]);
    }
    const entity = entityByKey.get(key)!;
    entity.mentions.push(out.length);
    out.push({ start: m.start, end: m.end, text: m.text, type: m.type, kind: m.kind, entity: key });
    if (m.kind === 'group') {
      const form = cleanForm(m.text).replace(/^the /i, '');
      if (form !== entity.name && !entity.aliases.includes(form)) entity.aliases.push(form);
    }
  }
  // "the Ukrainian delegation, led by Rustem Umerov", "European leaders, including Macron and Merz".
  // These explicit attachments come first: a person the article places in one group is not
  // guessed into another group of the same sentence or article by role alone.
  const attached = new Set<string>();
  for (const m of out) {
    if (m.kind !== 'group') continue;
    const sentence = doc.sentences[sentenceAt(doc, m.start)];
    if (!sentence) continue;
    const after = doc.text.slice(m.end, sentence.end);
    const cue = memberCue(after);
    if (!cue) continue;
    const from = m.end + cue;
    const stop = after.slice(cue).search(/[;.:(]|,\s+(?!and\b)\p{Ll}/u);
    const to = stop < 0 ? sentence.end : from + stop;
    const named = out.filter((x) => x.start >= from && x.end <= to && x.type === 'person').map((x) => x.entity);
    if (named.length === 0) continue;
    const group = entityByKey.get(m.entity)!;
    group.members = [...new Set([...(group.members ?? []), ...named])];
    for (const k of named) attached.add(k);
  }
  // Group members: people the article names with the group's role and nationality.
  groupInfo.forEach((g, gi) => {
    const key = keyOf.get(-1 - gi);
    if (!key || !g.noun) return;
    const singular = singularRole(g.noun);
    if (!singular) return;
    const members: string[] = [];
    clusters.forEach((cl, ci) => {
      const k = keyOf.get(ci);
      if (!k || cl.type !== 'person' || attached.has(k)) return;
      if (!cl.roleClasses.some((c) => c === singular.cls || c.startsWith(`${singular.cls}.`))) return;
      if (g.country && cl.country && g.country !== cl.country) return;
      members.push(k);
    });
    if (members.length > 0) {
      const group = entityByKey.get(key)!;
      group.members = [...new Set([...(group.members ?? []), ...members])];
    }
  });
  return { article, mentions: out, entities };
}


/** Turn one name the model found into a candidate: a title or honorific at its start becomes the
 * person's role; the probabilities of its types are the evidence that linking adds up, unless a
 * kept rule settles the type (rules.ts). */
function candidateOf(doc: Doc, name: TaggedName, from: number, options: EntityOptions): Candidate | null {
  const { first, role } = leadingTitle(doc, name, from, options);
  const c = candidate(doc, name, first, name.last);
  if (!c) return null;
  if (role) {
    addRole(c, role, role.country);
    const others = c.score.organization + c.score.place + c.score.other;
    c.score.person = Math.max(c.score.person, 1 - others);
  }
  if (!typeRules(doc, c, options) && name.byRule) return null;
  if (name.settled) c.settled = true;
  c.strongPerson = c.score.person >= Math.max(c.score.organization, c.score.place, c.score.other);
  return c;
}

function candidate(doc: Doc, name: TaggedName, first: number, last: number): Candidate | null {
  const lex = lexicon();
  const toks = doc.tokens;
  const start = toks[first].start;
  let end = toks[last].end;
  // "Jobs'" (a possessive apostrophe on the token) is not part of the name.
  while (end > start && /['’]$/.test(doc.text.slice(start, end))) end--;
  const text = doc.text.slice(start, end);
  const form = cleanForm(text);
  const key = fold(form).replace(/^the /, '');
  if (!key || !/\p{L}/u.test(key)) return null;
  const words = key.split(/[\s-]+/).filter(Boolean);
  // A nationality adjective is a modifier (groups read it); "US" is both and stays a place.
  if (demonymOf(doc, key) && lex.places.get(key)?.kind !== 'country') return null;
  const next = toks[last + 1];
  const possessive = !!next && /^(?:'s|’s|'|’)$/.test(next.text) && next.start === toks[last].end;
  const [per, org, loc, misc] = name.probs;
  const score: Scores = { person: per, organization: org, place: loc, other: misc };
  const c: Candidate = { start, end, first, last, text, form, key, words, score, placeKey: null, country: null, roles: [], roleClasses: [], possessive, strongPlace: false, strongPerson: false };
  // The gazetteers say which place or seat of power a name is, so that its forms link ("US", "U.S.").
  const seat = lex.seats.get(key);
  const styled = stateStyled(key);
  const place = lex.places.get(key) ?? (styled ? lex.places.get(styled) : undefined);
  const localKey = styled && !place && localNames(doc).countries.has(styled) ? styled : key;
  // Every mention of a gazetteer place shares its key, whatever the model made of each mention, so
  // that linking sums their evidence into one type.
  if (seat) {
    c.country = seat.country;
    if (seat.type === 'place') c.placeKey = key;
  } else if (place) {
    c.placeKey = place.key;
    c.country = place.country;
    c.strongPlace = place.kind === 'country';
  } else if (localNames(doc).countries.has(localKey)) {
    c.placeKey = `local:${localKey}`;
    c.country = `local:${localKey}`;
    c.strongPlace = true;
  }
  const before = titleBefore(doc, first);
  if (before) addRole(c, before, before.country);
  const app = appositiveAfter(doc, last);
  if (app.title) {
    addRole(c, app.title, app.title.country);
    extendRole(doc, c, app.title);
  }
  return c;
}

/** "the Republic of Sudan", "the Sultanate of Varesh": the country a state's formal style names. */
function stateStyled(key: string): string | undefined {
  for (const style of lexicon().words.stateStyles) {
    const at = key.indexOf(`${style} of `);
    if (at < 0 || (at > 0 && key[at - 1] !== ' ')) continue;
    const rest = key.slice(at + style.length + 4).replace(/^the /, '');
    if (rest) return rest;
  }
  return undefined;
}

/** Length of the cue that introduces a group's members (", led by", ", which is headed by"), or 0. */
function memberCue(after: string): number {
  const lead = /^\s*,?\s*(?:(?:which|who) (?:is|was|are|were) )?/i.exec(after)![0];
  const rest = after.slice(lead.length).toLowerCase();
  for (const cue of lexicon().words.groupMemberCues) if (rest.startsWith(cue) && /^\s/.test(rest.slice(cue.length))) return lead.length + cue.length + 1;
  return 0;
}

/** "Share Facebook X WhatsApp Email", a line that reads "Subscribe" or "Most Read": words of a web
 * page's furniture left in a copied text name no actor. A single such word counts only when it fills
 * a line of such words, so "Facebook said" keeps its company. */
function pageFurniture(doc: Doc, first: number, last: number): boolean {
  const lex = lexicon();
  const toks = doc.tokens;
  for (let i = first; i <= last; i++) if (!lex.interfaceWords.has(fold(toks[i].text))) return false;
  if (last > first) return true;
  const text = doc.text;
  const lineStart = text.lastIndexOf('\n', toks[first].start - 1) + 1;
  let lineEnd = text.indexOf('\n', toks[last].end);
  if (lineEnd < 0) lineEnd = text.length;
  // The whole line is furniture: every word on it is one of these words.
  const line = text.slice(lineStart, lineEnd).split(/[\s|•·:]+/).filter(Boolean);
  return line.every((w) => lex.interfaceWords.has(fold(w)));
}

function singularRole(noun: string) {
  const lex = lexicon();
  const words = noun.split(' ');
  const last = words[words.length - 1];
  const sing = last.endsWith('men') ? `${last.slice(0, -3)}man` : last.replace(/ies$/, 'y').replace(/s$/, '');
  return lex.roles.get([...words.slice(0, -1), sing].join(' ')) ?? lex.roles.get(sing) ?? null;
}

function linkTitle(clusters: ReturnType<typeof linkCandidates>, title: RoleMatch, at: number): number {
  const found: number[] = [];
  clusters.forEach((cl, ci) => {
    if (cl.type !== 'person' || cl.firstStart > at) return;
    if (!cl.roleClasses.some((c) => c === title.role.cls || c.startsWith(`${title.role.cls}.`))) return;
    if (title.country && cl.country !== title.country) {
      // A person of unknown nationality is taken only when no other person holds the role.
      if (cl.country) return;
    }
    found.push(ci);
  });
  if (found.length !== 1) return -1;
  const cl = clusters[found[0]];
  if (title.country && !cl.country) {
    const rivals = clusters.filter((c) => c.type === 'person' && c.roleClasses.some((r) => r === title.role.cls || r.startsWith(`${title.role.cls}.`)));
    if (rivals.length !== 1) return -1;
  }
  return found[0];
}

function isHonorific(toks: Doc['tokens'], i: number): boolean {
  const w = fold(toks[i].text);
  const lex = lexicon();
  return lex.honorifics.has(w) || (lex.honorifics.has(`${w}.`) && toks[i + 1]?.text === '.');
}

function addRole(c: Candidate, title: RoleMatch, country: string | null) {
  if (!c.roles.includes(title.text)) c.roles.push(title.text);
  if (!c.roleClasses.includes(title.role.cls)) c.roleClasses.push(title.role.cls);
  if (country && !c.country) c.country = country;
}

/** "head of the country's intelligence service": keep the "of …" part of an appositive title,
 * in place of the bare title it completes. */
function extendRole(doc: Doc, c: Candidate, title: RoleMatch) {
  const toks = doc.tokens;
  let k = title.last + 1;
  if (k >= toks.length || !lexicon().words.roleObjectPrepositions.has(fold(toks[k].text))) return;
  const startK = k;
  while (k < toks.length && k - startK < 8 && toks[k].sentence === toks[title.last].sentence && !/^[,.;:()"“”]$/.test(toks[k].text)) k++;
  if (k === startK + 1) return;
  const full = `${title.text} ${doc.text.slice(toks[startK].start, toks[k - 1].end).replace(/\s+/g, ' ')}`;
  const at = c.roles.lastIndexOf(title.text);
  if (at >= 0) c.roles.splice(at, 1);
  if (!c.roles.includes(full)) c.roles.push(full);
}
