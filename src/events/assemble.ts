// Across articles: one Event (Position, Condition) per real-world item, with an evidence span from
// every article that reports it, and actors as global entity ids.
import type { Doc } from '../text/doc.js';
import type { ArticleEvents, ResolvedEntities } from '../annotations.js';
import type { Condition, Event, Position, Span } from '../types.js';
import { instrumentsOf, type PositionFound } from './positions.js';
import { issueStems, sameIssue } from './grouping.js';
import type { ConditionWithAttribution } from './conditions.js';
import { applyConfidence, conditionFeatures, positionFeatures, type PositionContext } from './confidence.js';

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

function addSpan(list: Span[], span: Span): void {
  if (!list.some((s) => s.article === span.article && s.start === span.start && s.end === span.end)) list.push(span);
}

const ATTRIBUTION_RANK = { own: 0, writer: 1, 'third-party': 2 } as const;
const ATTRIBUTION_NAMES = ['own', 'writer', 'third-party'] as const;

export function assemble(docs: Doc[], perArticle: ArticleEvents[], resolved: ResolvedEntities): { events: Event[]; positions: Position[]; conditions: Condition[] } {
  const global = (key: string | null): string | null => (key ? resolved.globalId.get(key) ?? null : null);

  // ── events ──
  interface Group { event: Event; triggerWords: Set<string>; sentenceWords: Set<string> }
  const groups: Group[] = [];
  perArticle.forEach((ae, i) => {
    const doc = docs[i];
    if (!doc) return;
    for (const e of ae.events) {
      // A negated event that no rule turned into a refusal did not happen ("did not attack"); a
      // hypothetical neither.
      if (e.negated || e.modality === 'hypothetical') continue;
      const source = global(e.source);
      const target = global(e.target);
      // What the parties did to each other: an event with no actor the brief can name says little.
      if (source === null && target === null) continue;
      const location = global(e.location);
      const triggerWords = words(doc.text.slice(e.trigger.start, e.trigger.end));
      const sentenceWords = words(doc.text.slice(e.start, e.end));
      const span: Span = { article: doc.article.id, start: e.start, end: e.end };
      const same = groups.find(
        (g) =>
          g.event.type === e.type &&
          g.event.source === source &&
          g.event.target === target &&
          (g.event.date === null || e.date === null || g.event.date === e.date) &&
          // Two outlets tell one event in much the same words: with both actors known, a shared
          // trigger word or a quarter of the sentence; otherwise half of the sentence.
          (source !== null && target !== null
            ? jaccard(g.triggerWords, triggerWords) > 0 || jaccard(g.sentenceWords, sentenceWords) >= 0.25
            : jaccard(g.sentenceWords, sentenceWords) >= 0.5) &&
          !g.event.evidence.some((s) => s.article === span.article && s.start === span.start),
      );
      if (same) {
        addSpan(same.event.evidence, span);
        same.event.date ??= e.date;
        same.event.location ??= location;
        same.event.mode ??= e.mode;
        continue;
      }
      groups.push({
        event: { id: '', type: e.type, mode: e.mode, source, target, date: e.date, location, text: doc.text.slice(e.start, e.end), evidence: [span] },
        triggerWords,
        sentenceWords,
      });
    }
  });
  const events = groups.map((g, n) => ({ ...g.event, id: `ev${n + 1}` }));

  // ── positions: one per (actor, issue, stance); the actor's own words first, analysts last ──
  const positions = new Map<string, { position: Position; ranks: number[]; members: Set<string>; readings: PositionFound[] }>();
  // "the treaty" in an article that names no instrument: the one the story names most; with
  // none, only a word a reader can place on its own ("treaty", "accord"), not "the deal".
  let storyInstrument: string | null | undefined;
  const instrument = (label: string): string | null => {
    storyInstrument ??= (() => {
      const counts = new Map<string, number>();
      for (const d of docs) for (const [k, name] of instrumentsOf(d.text).entries()) counts.set(name, (counts.get(name) ?? 0) + 1 / (k + 1));
      return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    })();
    if (storyInstrument) return storyInstrument;
    const head = label.slice(4);
    return /^(agreement|deal)$/.test(head) ? null : head;
  };
  perArticle.forEach((ae, i) => {
    const doc = docs[i];
    if (!doc) return;
    for (const raw of ae.positions) {
      const actor = global(raw.actor);
      if (!actor) continue;
      const issue = raw.issue.startsWith('the ') ? instrument(raw.issue) : raw.issue;
      if (!issue) continue;
      const p = issue === raw.issue ? raw : { ...raw, issue };
      const key = `${actor}\u0000${p.issue}\u0000${p.stance}`;
      const entry = positions.get(key) ?? { position: { actor, issue: p.issue, stance: p.stance, evidence: [] }, ranks: [], members: new Set<string>(), readings: [] };
      for (const m of p.members ?? []) {
        const g = global(m);
        if (g && g !== actor) entry.members.add(g);
      }
      const span: Span = { article: doc.article.id, start: p.start, end: p.end };
      if (!entry.position.evidence.some((s) => s.article === span.article && s.start === span.start && s.end === span.end)) {
        entry.position.evidence.push(span);
        entry.ranks.push(ATTRIBUTION_RANK[p.attributedBy]);
        entry.readings.push(p as PositionFound);
      }
      positions.set(key, entry);
    }
  });
  // Labels of one actor and stance that name one issue are one position ("observer mission" and
  // "funding of observer mission"); its label is the seed issue if any, else the label with the
  // most evidence, then the shorter.
  const grouped: { position: Position; ranks: number[]; members: Set<string>; readings: PositionFound[]; extra: PositionFound[]; labels: Map<string, number> }[] = [];
  for (const entry of positions.values()) {
    const { position } = entry;
    const into = grouped.find((g) => g.position.actor === position.actor && g.position.stance === position.stance && [...g.labels.keys()].some((l) => sameIssue(l, position.issue)));
    if (!into) {
      grouped.push({ ...entry, position: { ...position, evidence: [...position.evidence] }, readings: [...entry.readings], extra: [], ranks: [...entry.ranks], labels: new Map([[position.issue, position.evidence.length]]) });
      continue;
    }
    into.labels.set(position.issue, (into.labels.get(position.issue) ?? 0) + position.evidence.length);
    for (const m of entry.members) into.members.add(m);
    position.evidence.forEach((span, k) => {
      // The rules and the tree may read one clause twice: one span of evidence.
      // (Its reading still counts for the confidence features.)
      if (into.position.evidence.some((s) => s.article === span.article && s.start < span.end && span.start < s.end)) {
        into.extra.push(entry.readings[k]);
        return;
      }
      into.position.evidence.push(span);
      into.ranks.push(entry.ranks[k]);
      into.readings.push(entry.readings[k]);
    });
  }
  positions.clear();
  for (const g of grouped) {
    // The seed label when every other label shares a word with it ("observer mission" for
    // "funding of observer mission"); otherwise the label with the most evidence, then the
    // shorter: a reader recognises "cruise missiles" before "military aid".
    const seedLabel = [...g.labels.keys()].find((l) => g.readings.some((r) => r.issue === l && r.how?.seed));
    const seedWords = new Set(seedLabel ? issueStems(seedLabel) : []);
    const seedFits = seedLabel !== undefined && [...g.labels.keys()].every((l) => l === seedLabel || issueStems(l).some((w) => seedWords.has(w)));
    const best = seedFits ? seedLabel : [...g.labels].sort((a, b) => b[1] - a[1] || a[0].split(' ').length - b[0].split(' ').length)[0][0];
    g.position.issue = best;
    positions.set(`${g.position.actor}\u0000${best}\u0000${g.position.stance}`, g);
  }
  const entityById = new Map(resolved.entities.map((e) => [e.id, e]));
  // How much of the coverage names the actor and uses the issue's head word.
  const lowered = docs.map((d) => d.text.toLowerCase());
  const headShare = new Map<string, number>();
  // Who holds a position on each issue head, and how many positions each actor holds: counted once,
  // not per position (a story of thousands of positions would otherwise be quadratic).
  const actorsByStem = new Map<string, Set<string>>();
  const positionsByActor = new Map<string, number>();
  for (const g of grouped) {
    const stem = issueStems(g.position.issue).pop() ?? '';
    let actors = actorsByStem.get(stem);
    if (!actors) actorsByStem.set(stem, (actors = new Set()));
    actors.add(g.position.actor);
    positionsByActor.set(g.position.actor, (positionsByActor.get(g.position.actor) ?? 0) + 1);
  }
  const contextOf = (p: Position): PositionContext => {
    const e = entityById.get(p.actor);
    const actorDocs = new Set((e?.mentions ?? []).map((m) => m.article)).size;
    const head = (p.issue.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).pop() ?? '';
    if (!headShare.has(head)) {
      const stem = head.replace(/(ies|es|s)$/, '').slice(0, 6);
      const re = new RegExp(`\\b${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
      headShare.set(head, stem.length >= 3 && lowered.length ? lowered.filter((t) => re.test(t)).length / lowered.length : 0);
    }
    const sameIssue = actorsByStem.get(issueStems(p.issue).pop() ?? '');
    const issueActors = sameIssue ? sameIssue.size - (sameIssue.has(p.actor) ? 1 : 0) : 0;
    const actorPositions = positionsByActor.get(p.actor) ?? 0;
    return { actorShare: docs.length ? actorDocs / docs.length : 0, actorMentions: e?.mentions.length ?? 0, issueShare: headShare.get(head)!, storyArticles: docs.length, issueActors, actorPositions, onInstrument: onInstrument(p.issue) };
  };
  // How much of what the articles say is about a negotiation: the share of positions on issues
  // of the seed vocabulary or on an instrument the coverage names with a capitalised head ("the
  // Harbour Strait Security Agreement"): a treaty fight is a negotiation even when none of its
  // issues is in the seed vocabulary. Coverage of a trial or a transfer saga gives few, and stances
  // read from it are less often right.
  const named = new Set(docs.flatMap((d) => instrumentsOf(d.text)).filter((n) => /\s\p{Lu}\p{L}+$/u.test(n) && !/\sDeal$/.test(n)).map((n) => n.toLowerCase()));
  const onInstrument = (issue: string) => [...named].some((n) => issue.toLowerCase().includes(n));
  const allReadings = [...positions.values()].flatMap((x) => x.readings.map((r) => ({ r, issue: x.position.issue })));
  const seedShare = allReadings.length ? allReadings.filter(({ r, issue }) => r.how?.seed || onInstrument(issue)).length / allReadings.length : 0;
  const negative = new Set([...positions.values()].filter((x) => x.position.stance === 'oppose').map((x) => `${x.position.actor}\u0000${x.position.issue}`));
  const positive = new Set([...positions.values()].filter((x) => x.position.stance !== 'oppose').map((x) => `${x.position.actor}\u0000${x.position.issue}`));
  const positionList = grouped.map(({ position, ranks, members, readings, extra }) => {
    // Stable sort: within one rank, the order the articles were read in.
    const order = position.evidence.map((_, k) => k).sort((a, b) => ranks[a] - ranks[b]);
    const out: Position = { ...position, evidence: order.map((k) => position.evidence[k]), attributedBy: order.map((k) => ATTRIBUTION_NAMES[ranks[k]]) };
    if (members.size) out.members = [...members];
    // The same actor both for and against one issue: at least one reading is wrong.
    const pair = `${out.actor}\u0000${out.issue}`;
    const conflict = out.stance === 'oppose' ? positive.has(pair) : negative.has(pair);
    const articles = new Set(out.evidence.map((e) => e.article)).size;
    applyConfidence('positions', out, positionFeatures(out, [...order.map((k) => readings[k]), ...extra], entityById.get(out.actor), articles, conflict, seedShare, contextOf(out)));
    return out;
  });

  // ── conditions: same actor and much the same commitment and condition ──
  const conditions: { condition: Condition; words: Set<string>; found: ConditionWithAttribution[] }[] = [];
  perArticle.forEach((ae, i) => {
    const doc = docs[i];
    if (!doc) return;
    for (const c of ae.conditions) {
      const actor = global(c.actor);
      if (!actor) continue;
      const w = words(`${c.commitment} ${c.condition}`);
      const span: Span = { article: doc.article.id, start: c.start, end: c.end };
      const same = conditions.find((x) => x.condition.actor === actor && jaccard(x.words, w) >= 0.5);
      if (same) {
        addSpan(same.condition.evidence, span);
        same.found.push(c as ConditionWithAttribution);
      } else conditions.push({ condition: { actor, commitment: c.commitment, condition: c.condition, evidence: [span] }, words: w, found: [c as ConditionWithAttribution] });
    }
  });

  for (const c of conditions) {
    const articles = new Set(c.condition.evidence.map((e) => e.article)).size;
    applyConfidence('conditions', c.condition, conditionFeatures(c.condition, c.found, entityById.get(c.condition.actor), articles, seedShare));
  }
  return { events, positions: positionList, conditions: conditions.map((c) => c.condition) };
}
