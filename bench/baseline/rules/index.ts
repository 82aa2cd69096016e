// Frozen copy of the rule-based entities stage (see bench/baseline/README.md); bench only.
// entities/: proper-name mentions in one article, typed, with roles, linked within the article;
// plus title-only references ("the Turkish leader") and group mentions ("the Ukrainian delegation").
import { sentenceAt, type Doc } from '../../../src/text/doc.js';
import type { ArticleEntities, EntityMention, LocalEntity, MentionKind } from '../../../src/annotations.js';
import type { EntityType } from '../../../src/types.js';
import { docContext, findRuns, isSentenceInitial, nameToken, type DocContext, type Run } from './runs.js';
import { lexicon } from './lexicon.js';
import { appositiveAfter, titleAt, titleBefore, titleReferences, type RoleMatch } from './titles.js';
import { findGroups } from './groups.js';
import { demonymOf, localNames } from './local.js';
import { cleanForm, fold, isAcronym } from './text.js';
import { indexCue, organizationCue, productCue } from './cues.js';
import { linkCandidates, type Candidate, type Scores } from './link.js';

/** Find the entity mentions of one article and group them into article-local entities. */
export function findEntities(doc: Doc): ArticleEntities {
  // No catch here: the pipeline isolates articles and reports a failure as a problem.
  return build(doc);
}

function build(doc: Doc): ArticleEntities {
  const article = doc.article.id;
  const ctx = docContext(doc);
  const isName = (i: number) => nameToken(ctx, i);
  const groups = findGroups(doc, isName);
  const inGroup = new Uint8Array(doc.tokens.length);
  for (const g of groups) for (let i = g.firstToken; i <= g.lastToken; i++) inGroup[i] = 1;

  const candidates: Candidate[] = [];
  for (const run of findRuns(ctx)) {
    if (inGroup[run.last]) continue;
    let first = run.first;
    if (inGroup[first]) {
      // "the G7 Foreign Ministers of the European Union": what follows the group and its "of" is a name.
      while (first <= run.last && inGroup[first]) first++;
      if (first <= run.last && /^(?:of|for)$/i.test(doc.tokens[first].text)) first++;
      if (first <= run.last && /^the$/i.test(doc.tokens[first].text)) first++;
      if (first > run.last || !isName(first)) continue;
    }
    if (pageFurniture(ctx, first, run.last)) continue;
    for (const c of candidatesOfRun(ctx, { ...run, first })) candidates.push(c);
  }
  shareListEvidence(doc, candidates);
  shareTitleList(doc, candidates);
  const clusters = linkCandidates(candidates);

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
        entities.push({ key, name: cl.name, type: cl.type, aliases: cl.aliases, roles: cl.roles, mentions: [] });
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
    const cue = /^\s*,?\s*(?:(?:which|who) (?:is|was|are|were) )?(?:led by|headed by|represented by|including|such as|among them)\s/i.exec(after);
    if (!cue) continue;
    const from = m.end + cue[0].length;
    const stop = after.slice(cue[0].length).search(/[;.:(]|,\s+(?!and\b)\p{Ll}/u);
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

/** Candidates named right after a plural title ("Presidents Biden …"); filled while runs are read. */
const afterPluralTitle = new WeakSet<Candidate>();

/** "Foreign Ministers Sergei Lavrov and Wang Yi": the names listed after a plural title are all people. */
function shareTitleList(doc: Doc, cands: Candidate[]) {
  const toks = doc.tokens;
  for (let i = 0; i < cands.length; i++) {
    if (!afterPluralTitle.has(cands[i])) continue;
    for (let j = i + 1; j < cands.length; j++) {
      const a = cands[j - 1];
      const b = cands[j];
      if (toks[a.last].sentence !== toks[b.first].sentence || b.first <= a.last + 1 || b.first - a.last > 3) break;
      const between = toks.slice(a.last + 1, b.first).map((t) => fold(t.text));
      if (!between.every((w) => w === ',' || w === 'and')) break;
      if (b.strongPlace || !plausiblePersonName(doc, b.first, b.last)) break;
      b.score.person += 4;
      b.strongPerson = true;
      if (between.includes('and')) break;
    }
  }
}

/** "the Lumo Classic, Mini and Go", "the Tern and the Petrel": names coordinated in one list are
 * mostly of one kind, so a clear product in a list lends its reading to members with no cue of
 * their own. */
function shareListEvidence(doc: Doc, cands: Candidate[]) {
  const toks = doc.tokens;
  const joined = (a: Candidate, b: Candidate) => {
    if (toks[a.last].sentence !== toks[b.first].sentence || b.first <= a.last + 1 || b.first - a.last > 3) return false;
    const between = toks.slice(a.last + 1, b.first).map((t) => fold(t.text));
    return between.every((w) => w === ',' || w === 'and' || w === 'or' || w === 'the');
  };
  let i = 0;
  while (i < cands.length) {
    let j = i;
    while (j + 1 < cands.length && joined(cands[j], cands[j + 1])) j++;
    if (j > i) {
      const list = cands.slice(i, j + 1);
      if (list.some((c) => c.score.other >= 2 && c.score.other > c.score.organization && c.score.other > c.score.place)) {
        for (const c of list) if (c.score.organization < 2 && c.score.place < 2 && !c.strongPerson && !c.strongPlace) c.score.other += 1.5;
      }
      // "in Genoa and Antwerp": after a place preposition, a list with a known place is a list of places.
      const prep = fold(toks[list[0].first - 1]?.text ?? '');
      const coordinated = toks.slice(list[list.length - 2].last + 1, list[list.length - 1].first).some((t) => /^(?:and|or)$/i.test(t.text));
      if (coordinated && PLACE_LIST_PREPOSITIONS.has(prep) && !IN_NOT_PLACE.has(fold(toks[list[0].first - 2]?.text ?? '')) && list.some((c) => c.placeKey && c.score.place >= 2 && c.score.place > c.score.organization)) {
        for (const c of list) if (!c.placeKey && c.score.organization < 1 && c.score.other < 1 && !c.strongPerson) c.score.place += 1.5;
      }
    }
    i = j + 1;
  }
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

const hasOrgSuffix = (lex: ReturnType<typeof lexicon>, word: string) => lex.orgSuffixes.has(word);

/** Legal forms of companies: a name ending so is an organisation whatever else the context says. */
const LEGAL_FORMS = /^(?:inc|inc\.|corp|corp\.|corporation|co\.|ltd|ltd\.|llc|plc|ag|gmbh|s\.a\.|sa|spa|s\.p\.a\.|nv|n\.v\.|bv|oy|ab|asa|kk|pjsc|ojsc|jsc)$/;

/** Lower-case nouns that name a kind of place: "the Mira river", "the town of Dobrec". */
const PLACE_NOUNS = new Set(['road', 'highway', 'crossing', 'checkpoint', 'corridor', 'bridge', 'site', 'facility', 'dam', 'airport', 'airfield', 'airbase', 'city', 'town', 'village', 'capital', 'region', 'province', 'district', 'river', 'valley', 'border', 'coast', 'port', 'island', 'islands', 'peninsula', 'oblast', 'county', 'state', 'lake', 'mountains', 'sea', 'countryside', 'enclave', 'exclave', 'territory', 'suburb', 'suburbs', 'outskirts', 'neighbourhood', 'neighborhood', 'frontier', 'settlement', 'municipality', 'governorate', 'canton', 'prefecture']);
const STATE_STYLE = /^(?:[a-z' -]+ )?(?:republic|kingdom|sultanate|emirate|principality|grand duchy|federation|commonwealth|state) of (?:the )?(.+)$/;

const PLACE_LIST_PREPOSITIONS = new Set(['in', 'near', 'across']);

/** "Share Facebook X WhatsApp Email", a line that reads "Subscribe" or "Most Read": words of a web
 * page's furniture left in a copied text name no actor. A single such word counts only when it fills
 * a line of such words, so "Facebook said" keeps its company. */
function pageFurniture(ctx: DocContext, first: number, last: number): boolean {
  const lex = lexicon();
  const toks = ctx.doc.tokens;
  for (let i = first; i <= last; i++) if (!lex.interfaceWords.has(fold(toks[i].text))) return false;
  if (last > first) return true;
  const text = ctx.doc.text;
  const lineStart = text.lastIndexOf('\n', toks[first].start - 1) + 1;
  let lineEnd = text.indexOf('\n', toks[last].end);
  if (lineEnd < 0) lineEnd = text.length;
  // The whole line is furniture: every word on it is one of these words.
  const line = text.slice(lineStart, lineEnd).split(/[\s|•·:]+/).filter(Boolean);
  return line.every((w) => lex.interfaceWords.has(fold(w)));
}

/** Verbs of movement whose "to" names a destination. */
const MOTION_VERBS = new Set(['go', 'travel', 'fly', 'return', 'move', 'head', 'flee', 'drive', 'sail', 'relocate', 'deploy', 'come', 'march', 'retreat', 'redeploy', 'evacuate', 'journey', 'arrive', 'dispatch', 'airlift', 'deport', 'repatriate']);

/** "to" at token `to` ends a movement: its verb is one of movement, directly or across a short object. */
function movedTo(doc: Doc, to: number): boolean {
  const toks = doc.tokens;
  for (let k = to - 1; k >= 0 && to - k <= 5 && toks[k].sentence === toks[to].sentence; k--) {
    if (toks[k].pos === 'VERB') return MOTION_VERBS.has(toks[k].lemma.toLowerCase());
    if (/^[,.;:]$/.test(toks[k].text)) return false;
  }
  return false;
}

/** "a stake in Chrysler", "shares in Apple": "in" that does not place anything. */
const IN_NOT_PLACE = new Set(['stake', 'stakes', 'share', 'shares', 'invest', 'invested', 'investing', 'investment', 'investments', 'interest', 'holding', 'holdings', 'confidence', 'faith', 'trust', 'role', 'part', 'jobs', 'cuts']);

const isParagraphOpener = (ctx: DocContext, first: number, start: number) => ctx.doc.paragraphs[ctx.paragraphOf[first]]?.start === start;

const zero = (): Scores => ({ person: 0, organization: 0, place: 0, other: 0 });

/** Turn one run into name candidates: split off titles and honorifics, then gather evidence. */
function candidatesOfRun(ctx: DocContext, run: Run): Candidate[] {
  const { doc } = ctx;
  const lex = lexicon();
  const toks = doc.tokens;
  // "Adam Air Flight 574": a numbered flight is no actor, but the carrier that flies it is one.
  for (let p = run.first + 1; p < run.last; p++) {
    if (fold(toks[p].text) !== 'flight' || !/^\d/.test(toks[p + 1].text)) continue;
    const carrier = candidatesOfRun(ctx, { first: run.first, last: p - 1, possessive: false });
    for (const c of carrier) if (c.last === p - 1 && !c.strongPlace) c.score.organization += 3;
    return carrier;
  }
  // "Norvik Inc. Lena Sato": a company's legal form ends its name; "UK Coastguard": a country, then an
  // acronym; "United States Barack Obama": a country, then a person's name.
  for (let p = run.first; p < run.last; p++) {
    const w = fold(toks[p].text);
    const countryHere = lex.places.get(fold(doc.text.slice(toks[run.first].start, toks[p].end)))?.kind === 'country';
    const splitAfter =
      (LEGAL_FORMS.test(w) && p > run.first) ||
      (countryHere && ((isAcronym(toks[p + 1].text) && p + 1 === run.last) || (lex.givenNames.has(fold(toks[p + 1].text)) && run.last - p >= 2)));
    if (!splitAfter) continue;
    const right = candidatesOfRun(ctx, { first: p + 1, last: run.last, possessive: run.possessive });
    // "Chrysler LLC Jim Press": a given name right after a company's legal form starts a person's name.
    if (LEGAL_FORMS.test(w) && right.length === 1 && right[0].first === p + 1 && right[0].words.length >= 2 && right[0].words.length <= 3 && lex.givenNames.has(right[0].words[0])) {
      right[0].score.person += 4;
      right[0].strongPerson = true;
    }
    return [...candidatesOfRun(ctx, { first: run.first, last: p, possessive: false }), ...right];
  }
  // "Heads of State", "Foreign Ministers Lavrov and Wang": a plural title names no one by itself.
  const plural = pluralTitleEnd(doc, run.first, run.last);
  if (plural >= 0) {
    if (plural >= run.last) return [];
    // "Heads of Mission", "Ministers of the EU": the office's object is a name only if it is a place or body.
    if (['of', 'for', 'on'].includes(fold(toks[plural + 1].text))) {
      let rest = plural + 2;
      if (rest <= run.last && fold(toks[rest].text) === 'the') rest++;
      return rest > run.last || portfolio(ctx, rest, run.last) ? [] : candidatesOfRun(ctx, { first: rest, last: run.last, possessive: run.possessive });
    }
    const named = candidatesOfRun(ctx, { first: plural + 1, last: run.last, possessive: run.possessive });
    // "Presidents Biden and Xi": a name right after a personal plural title is a person's.
    if (named.length === 1 && named[0].first === plural + 1 && !named[0].strongPlace && plausiblePersonName(doc, named[0].first, named[0].last)) {
      named[0].score.person += 4;
      named[0].strongPerson = true;
      afterPluralTitle.add(named[0]);
    }
    return named;
  }
  // Titles and honorifics inside a run: "Foreign Minister Sergei Lavrov", "Apple CEO Steve Jobs", "Mr Putin".
  // "St. Louis", "Prince Edward Island": a run that is itself a known place keeps its title-like word.
  if (lex.places.has(fold(doc.text.slice(toks[run.first].start, toks[run.last].end)))) {
    const c = candidate(ctx, run);
    return c ? [c] : [];
  }
  for (let p = run.first; p <= run.last; p++) {
    const w = fold(toks[p].text);
    const honorific = isHonorific(toks, p) || (w === 'royal' && p < run.last && isHonorific(toks, p + 1));
    const title = honorific ? null : titleAt(doc, p, run.last + 1);
    if (!honorific && !title) continue;
    let titleLast = honorific ? (toks[p + 1]?.text === '.' ? p + 1 : p) : title!.last;
    // "Rt Hon. Alan Reeve", "Honourable Dr Priya Anand": honorifics stack, and none of them is the name.
    while (honorific && titleLast < run.last && isHonorific(toks, titleLast + 1)) titleLast = toks[titleLast + 2]?.text === '.' ? titleLast + 2 : titleLast + 1;
    // "the Norvik Chief Operating Officer": a trailing title names no one; keep what precedes it.
    if (titleLast >= run.last) {
      // "Martin Luther King": one title word after a given name and another name word is a surname.
      const surname = !honorific && p === run.last && p - run.first >= 2 && lex.givenNames.has(fold(toks[run.first].text)) && !lex.roles.has(fold(toks[p - 1].text));
      if (!surname) return p > run.first ? candidatesOfRun(ctx, { first: run.first, last: p - 1, possessive: false }) : [];
      break;
    }
    const nameFirst = titleLast + 1;
    // "Prime Minister of Singapore": the office of a country or body, not a person's name.
    if (['of', 'for', 'on', '&'].includes(fold(toks[nameFirst].text))) {
      let rest = nameFirst + 1;
      if (rest <= run.last && fold(toks[rest].text) === 'the') rest++;
      // "UN High Commissioner for Refugees": the body before the office is a name of its own.
      const before = p > run.first ? candidatesOfRun(ctx, { first: run.first, last: p - 1, possessive: false }) : [];
      if (rest > run.last) return before;
      // "Minister for Refugees Filippo Grandi": the holder's name after the portfolio.
      let holder = -1;
      for (let q = rest + 1; q < run.last; q++) if (lex.givenNames.has(fold(toks[q].text)) && !lex.places.has(fold(toks[q].text))) { holder = q; break; }
      const office = holder < 0 ? run.last : holder - 1;
      const out = portfolio(ctx, rest, office) ? [...before] : [...before, ...candidatesOfRun(ctx, { first: rest, last: office, possessive: holder < 0 && run.possessive })];
      if (holder >= 0) {
        const person = candidate(ctx, { first: holder, last: run.last, possessive: run.possessive });
        if (person) {
          person.score.person += 4;
          person.strongPerson = true;
          if (title) addRole(person, title, title.country ?? null);
          out.push(person);
        }
      }
      return out;
    }
    if (!plausiblePersonName(doc, nameFirst, run.last)) {
      p = titleLast;
      continue;
    }
    const out: Candidate[] = [];
    let country = title?.country ?? null;
    if (p > run.first) {
      const left = { first: run.first, last: p - 1, possessive: false };
      const leftText = fold(doc.text.slice(toks[left.first].start, toks[left.last].end));
      const dem = demonymOf(doc, leftText);
      const place = lex.places.get(leftText);
      // "Veteran Judge Karin Holt": a lone sentence-initial word before a title is no name.
      const loneOpener = left.first === left.last && isSentenceInitial(doc, left.first) && !ctx.capitalisedMidSentence.has(leftText) && !place && !lex.seats.has(leftText);
      if (dem) country = country ?? dem.country;
      else if (!loneOpener) {
        if (place?.kind === 'country') country = country ?? place.country;
        out.push(...candidatesOfRun(ctx, left));
      }
    }
    const person = candidate(ctx, { first: nameFirst, last: run.last, possessive: run.possessive });
    if (!person) return out;
    person.score.person += 4;
    person.strongPerson = true;
    if (title) addRole(person, title, country);
    return [...out, person];
  }
  // A run that is only a title ("President", "Foreign Minister") or a nationality adjective is no name.
  const whole = titleAt(doc, run.first, run.last + 1);
  if (whole && whole.last === run.last) return [];
  const c = candidate(ctx, run);
  return c ? [c] : [];
}

/** "Minister of International Trade", "Secretary for Foreign Affairs": after an office, words that
 * all belong to a portfolio name no entity ("Head of Mossad" still names one). */
function portfolio(ctx: DocContext, first: number, last: number): boolean {
  const lex = lexicon();
  const toks = ctx.doc.tokens;
  for (let i = first; i <= last; i++) if (!lex.portfolioWords.has(fold(toks[i].text))) return false;
  return true;
}

/** The last token of a plural title at the start of a run ("Foreign Ministers", "Heads of State"), or -1. */
function pluralTitleEnd(doc: Doc, first: number, last: number): number {
  const lex = lexicon();
  const toks = doc.tokens;
  for (let e = Math.min(last, first + lex.roleMaxWords - 1); e >= first; e--) {
    const words = toks.slice(first, e + 1).map((t) => fold(t.text));
    // The plural sits on the head: the last word ("ministers") or the word before "of" ("heads of state").
    const at = words.indexOf('of') > 0 ? words.indexOf('of') - 1 : words.length - 1;
    const w = words[at];
    if (!/(?:[^s]s|men)$/.test(w) || !/^\p{Lu}/u.test(toks[first + at].text)) continue;
    const sing = w.endsWith('men') ? `${w.slice(0, -3)}man` : w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.slice(0, -1);
    const phrase = [...words.slice(0, at), sing, ...words.slice(at + 1)].join(' ');
    if (lex.roles.has(phrase)) return e;
  }
  return -1;
}

function isHonorific(toks: Doc['tokens'], i: number): boolean {
  const w = fold(toks[i].text);
  const lex = lexicon();
  return lex.honorifics.has(w) || (lex.honorifics.has(`${w}.`) && toks[i + 1]?.text === '.');
}

function plausiblePersonName(doc: Doc, first: number, last: number): boolean {
  const lex = lexicon();
  if (last - first > 4) return false;
  for (let i = first; i <= last; i++) if (lex.orgSuffixes.has(fold(doc.tokens[i].text)) && i === last) return false;
  const text = fold(doc.text.slice(doc.tokens[first].start, doc.tokens[last].end));
  return !lex.seats.has(text) && lex.places.get(text)?.kind !== 'country';
}

function addRole(c: Candidate, title: RoleMatch, country: string | null) {
  if (!c.roles.includes(title.text)) c.roles.push(title.text);
  if (!c.roleClasses.includes(title.role.cls)) c.roleClasses.push(title.role.cls);
  if (country && !c.country) c.country = country;
}

function candidate(ctx: DocContext, run: Run): Candidate | null {
  const { doc } = ctx;
  const lex = lexicon();
  const toks = doc.tokens;
  let first = run.first;
  // A leading nationality adjective is not part of the name ("Karsian Varin" is rare; "Velarian Halvik Oil").
  while (first < run.last && demonymOf(doc, fold(toks[first].text)) && !lex.places.has(fold(doc.text.slice(toks[first].start, toks[run.last].end)))) {
    const rest = fold(doc.text.slice(toks[first + 1].start, toks[run.last].end));
    if (lex.orgSuffixes.has(fold(toks[run.last].text))) break; // "Turkish Airlines", "Russian Foreign Ministry"
    if (!rest) break;
    first++;
  }
  const last = run.last;
  const start = toks[first].start;
  let end = toks[last].end;
  // "Jobs'" (possessive apostrophe on the token) and trailing sentence periods are not part of the name.
  while (end > start && /['’]$/.test(doc.text.slice(start, end))) end--;
  const text = doc.text.slice(start, end);
  const form = cleanForm(text);
  const key = fold(form).replace(/^the /, '');
  if (!key || !/\p{L}/u.test(key)) return null;
  const words = key.split(/[\s-]+/).filter(Boolean);
  const dem = demonymOf(doc, key);
  // A nationality adjective or a plural demonym (groups handle those); "US" is both and stays a place.
  if (dem && lex.places.get(key)?.kind !== 'country') return null;
  // "Apple's C.E.O.": a dotted role abbreviation is a title, not a name.
  if (words.length === 1 && /\./.test(key) && lex.roles.has(key.replace(/\./g, ''))) return null;
  // "Black Monday", "Super Tuesday": a word naming a day is part of a date's name, not an actor.
  const dayAfter = toks[last + 1];
  if (words.length === 1 && !run.possessive && dayAfter && dayAfter.sentence === toks[last].sentence && /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day['’]?$/.test(dayAfter.text) && !lex.places.has(key) && !lex.givenNames.has(key) && (toks[first].pos === 'ADJ' || ctx.lowerCase.has(key))) return null;
  const score = zero();
  const c: Candidate = {
    start,
    end,
    first,
    last,
    text,
    form,
    key,
    words,
    score,
    placeKey: null,
    country: null,
    roles: [],
    roleClasses: [],
    possessive: run.possessive,
    strongPlace: false,
    strongPerson: false,
  };
  const seat = lex.seats.get(key);
  // "the Republic of Sudan", "the Sultanate of Varesh": a state's formal style names the country.
  const styled = STATE_STYLE.exec(key)?.[1];
  const place = lex.places.get(key) ?? (styled ? lex.places.get(styled) : undefined);
  const lastWord = words[words.length - 1];
  const firstWord = words[0];
  const localKey = styled && !place && localNames(doc).countries.has(styled) ? styled : key;
  const localCountry = !seat && !place && localNames(doc).countries.has(localKey);
  if (localCountry) {
    // A country the article names with its own adjective ("Karsia" beside "Karsian troops").
    score.place += 5;
    c.placeKey = `local:${localKey}`;
    c.country = `local:${localKey}`;
    c.strongPlace = true;
  }
  if (seat) {
    score[seat.type] += 5;
    c.country = seat.country;
    if (seat.type === 'place') c.placeKey = key;
  } else if (place && place.kind !== 'country' && /^\p{Lu}{2,5}$/u.test(text) && !isParagraphOpener(ctx, first, start)) {
    // "NICE", "NASA": capitals alone that spell a town ("Nice", France) are an acronym far more often; the
    // place stays a weak reading (datelines "TALVIK —" open a paragraph and keep the gazetteer's weight).
    score.place += 1;
    c.placeKey = place.key;
    c.country = place.country;
  } else if (place) {
    score.place += place.kind === 'country' ? 5 : 4;
    c.placeKey = place.key;
    c.country = place.country;
    c.strongPlace = place.kind === 'country';
  }
  if (words.length >= 2 && LEGAL_FORMS.test(lastWord)) score.organization += 6;
  else if (words.length >= 2 && lex.orgSuffixes.has(lastWord)) score.organization += 3;
  else if (words.length === 1 && lex.orgSuffixes.has(lastWord)) score.organization += 1.5;
  if (words.length >= 2 && lex.orgPrefixes.has(firstWord)) score.organization += 2;
  if (words.length >= 2 && lex.placeSuffixes.has(lastWord)) score.place += 2;
  // "TALVIK, Nordvald (Reuters) —": an all-capitals word opening a paragraph is a dateline's place.
  const dateline = words.length === 1 && /^\p{Lu}{3,}$/u.test(text) && ctx.doc.paragraphs[ctx.paragraphOf[first]]?.start === start && /^[,(—–-]/.test(toks[last + 1]?.text ?? '');
  if (dateline) score.place += 3;
  else if (words.length === 1 && isAcronym(text) && (!place || (place.kind !== 'country' && score.place <= 1))) {
    score.organization += 2;
    c.acronymOrg = 2;
  }
  const givenFirst = lex.givenNames.has(firstWord) || /^\p{Lu}\.$/u.test(toks[first].text);
  // Bylines name people.
  if (ctx.byline[first] && words.length >= 2 && !hasOrgSuffix(lex, lastWord)) {
    score.person += 3;
    c.strongPerson = true;
  }
  // A last word the article also uses in lower case ("Everett Factory", "Delta Program") is a common noun, not a surname.
  const commonLast = ctx.lowerCase.has(lastWord) && !!lex.places.get(firstWord);
  const hasOrgOrPlaceWord = lex.orgSuffixes.has(lastWord) || lex.placeSuffixes.has(lastWord) || lex.orgPrefixes.has(firstWord) || commonLast;
  // "Lisbon Portela", "Oslo Energi", "Mac OS X": a country or major city first, or a capitals-only
  // word inside, is no person's name (populations of capitals count tenfold in the gazetteer).
  const firstPlace = lex.places.get(firstWord);
  const placeFirst = !!firstPlace && (firstPlace.kind === 'country' || firstPlace.population >= 5_000_000);
  const acronymInside = toks.slice(first + 1, last + 1).some((t) => isAcronym(t.text));
  if (givenFirst && words.length >= 2 && words.length <= 4 && !hasOrgOrPlaceWord && !seat && !placeFirst && !acronymInside) {
    score.person += 2.5;
    c.strongPerson = true;
  }
  else if (words.length === 1 && lex.givenNames.has(firstWord) && !place) score.person += 0.5;
  if (/\d/.test(text)) score.other += 3;
  // "iPod", "iTunes", "iOS": a lower-case letter before a capital is a product's spelling far more often
  // than a company's ("eBay"); company cues (shares, spokesman, legal form) still outweigh it.
  if (/^\p{Ll}{1,2}\p{Lu}/u.test(text)) score.other += 2;
  if (words.length >= 2 && lex.thingSuffixes.has(lastWord)) score.other += 3;
  // Without other cues an unknown name is most often an organisation in news.
  if (!place && !seat) score.organization += 0.3;

  // Context: titles before and after, reporting verbs, prepositions.
  const before = titleBefore(doc, first);
  const honorificBefore = first > 0 && toks[first - 1].sentence === toks[first].sentence && lex.honorifics.has(fold(toks[first - 1].text));
  if (honorificBefore) {
    score.person += 4;
    c.strongPerson = true;
  }
  if (before) {
    score.person += 4;
    c.strongPerson = true;
    addRole(c, before, before.country);
  }
  const app = appositiveAfter(doc, last);
  if (app.title) {
    score.person += 3;
    c.strongPerson = true;
    addRole(c, app.title, app.title.country);
    extendRole(doc, c, app.title);
  } else if (app.personCue) {
    score.person += 3;
    c.strongPerson = true;
  }
  if (app.thingCue) score.organization += 0.5;
  const next = toks[last + (run.possessive ? 2 : 1)];
  if (next && !run.possessive && next.sentence === toks[last].sentence && lex.reportingVerbs.has(next.lemma) && (next.pos === 'VERB' || next.pos === 'AUX')) {
    score.person += words.length >= 2 ? 1 : 0.3;
  }
  // "Moammar Qaddafi arrived", "Berlusconi greeted him": verbs that only people do type a plain name.
  if (next && !run.possessive && next.sentence === toks[last].sentence && lex.personVerbs.has(next.lemma) && words.length <= 3 && !isAcronym(text) && !hasOrgOrPlaceWord && !seat && !place) {
    score.person += 2;
    c.strongPerson = true;
  }
  // "the Mira river", "the Nordvald city of Talvik": a name before a place noun is a place.
  if (next && !run.possessive && next.sentence === toks[last].sentence && PLACE_NOUNS.has(fold(next.text)) && !seat) score.place += 2;
  // "Brennmark's defence secretary": a government office held "of" a name makes it a country.
  if (run.possessive && !place && !seat) {
    const office = titleAt(doc, last + 2, Math.min(toks.length, last + 8));
    // Offices only a state has; "president" and "leader" are left out, since companies have them too.
    if (office && /^(?:leader\.(?:pm|monarch|chancellor|supreme)|minister|military|legislator|diplomat)/.test(office.role.cls)) score.place += 3;
  }
  // "the new Dreamliner aircraft": a product name modifies a product noun.
  if (next && !run.possessive && next.sentence === toks[last].sentence && lex.productNouns.has(fold(next.text)) && !place && !seat) score.other += 0.6;
  const prev = toks[first - 1];
  // "the town of Dobrec", "the capital, Talvik"
  if (prev && first >= 2 && toks[first - 2].sentence === toks[first].sentence && (fold(prev.text) === 'of' || prev.text === ',') && PLACE_NOUNS.has(fold(toks[first - 2].text)) && !seat) score.place += 3;
  if (prev && prev.sentence === toks[first].sentence && (fold(prev.text) === 'in' || fold(prev.text) === 'near') && !run.possessive && !seat && !IN_NOT_PLACE.has(fold(toks[first - 2]?.text ?? ''))) score.place += 0.5;
  if (next && next.text === ',' && fold(toks[last + 2]?.text ?? '') === 'where' && !seat) score.place += 1;
  // "flew to Darfur", "returned to Istanbul", "deploy a force to Darfur": movement ends at a place.
  if (prev && fold(prev.text) === 'to' && !run.possessive && !seat && movedTo(doc, first - 1)) score.place += 1;
  if (prev && prev.sentence === toks[first].sentence) {
    if (fold(prev.text) === 'new' && !place) score.other += 0.6;
    const pw = fold(prev.text);
    // '"…," said Lavrov.': an inverted reporting clause names a person far more often than a body.
    // Not "Norvik announces TernOS Falcon, …": a verb with its own subject before it takes the name as its object.
    const beforeVerb = toks[first - 2];
    const subjectBefore = !!beforeVerb && beforeVerb.sentence === prev.sentence && (beforeVerb.pos === 'PROPN' || beforeVerb.pos === 'NOUN' || beforeVerb.pos === 'PRON');
    if (lex.reportingVerbs.has(prev.lemma) && prev.pos === 'VERB' && !subjectBefore && (!next || /^[,.;]$/.test(next.text) || next.sentence !== toks[last].sentence)) {
      score.person += 2;
      if (!place && !seat && !isAcronym(text) && !hasOrgOrPlaceWord && !run.possessive) c.strongPerson = true;
    }
    // "in Mobile, Alabama": a place followed by the region or country it is in.
    if (lex.placePrepositions.has(pw) && !before && !run.possessive && toks[last + 1]?.text === ',') {
      const after = toks[last + 2];
      const region = after && lex.places.get(fold(after.text));
      if (region && region.kind !== 'city') score.place += 3;
    }
    if (pw === 'to' && fold(toks[first - 2]?.text ?? '') === 'according') score.person += 0.5;
    // "the Dreamliner", "the Nikkei": a bare unknown name after "the" is more often a thing than an actor.
    if (pw === 'the' && words.length === 1 && !place && !seat && !isAcronym(text) && !lex.orgSuffixes.has(lastWord)) score.other += 0.25;
    // "787 Dreamliner": a name right after a model number.
    if (/^\d/.test(prev.text) && !place) score.other += 2;
    // 787 "Dreamliner": the same with the name in quotation marks.
    else if (/^["“`'‘]+$/.test(prev.text) && !place) {
      let q = first - 1;
      while (q > 0 && /^["“`'‘]+$/.test(toks[q].text)) q--;
      if (/^\d/.test(toks[q].text) && toks[q].sentence === toks[first].sentence) score.other += 2;
    }
  }
  score.other += indexCue(doc, first, last, run.possessive) + productCue(doc, first, last, run.possessive);
  const orgCue = c.strongPerson || c.strongPlace || seat ? 0 : organizationCue(doc, first, last, run.possessive);
  if (orgCue > 0) {
    score.organization += orgCue;
    // "automaker Toyota": a company named after a city; the gazetteer's place gives way to the context.
    if (place && place.kind !== 'country') score.place = Math.max(0, score.place - orgCue - 1);
  }
  return c;
}

/** "head of the country's intelligence service": keep the "of …" part of an appositive title,
 * in place of the bare title it completes. */
function extendRole(doc: Doc, c: Candidate, title: RoleMatch) {
  const toks = doc.tokens;
  let k = title.last + 1;
  if (k >= toks.length || !['of', 'at', 'for'].includes(fold(toks[k].text))) return;
  const startK = k;
  while (k < toks.length && k - startK < 8 && toks[k].sentence === toks[title.last].sentence && !/^[,.;:()"“”]$/.test(toks[k].text)) k++;
  if (k === startK + 1) return;
  const full = `${title.text} ${doc.text.slice(toks[startK].start, toks[k - 1].end).replace(/\s+/g, ' ')}`;
  const at = c.roles.lastIndexOf(title.text);
  if (at >= 0) c.roles.splice(at, 1);
  if (!c.roles.includes(full)) c.roles.push(full);
}
