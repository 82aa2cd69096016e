import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorResolver, placeIsState, reportingOf, unfoldParenthetical } from '../../src/events/speakers.js';
import { sentenceView, textOf } from '../../src/events/clause.js';
import { doc, entities, keyOf, view } from './helpers.js';

function reporting(text: string) {
  const v = view(text);
  const r = reportingOf(v);
  return { reporter: r.reporter ? textOf(v, r.reporter.from, r.reporter.to) : null, rest: textOf(v, r.clauseStart, r.clauseEnd) };
}

test('reporting frames: leading, trailing, "according to", through appositions and relative clauses', () => {
  assert.deepEqual(reporting('Ankara says it offered talks.'), { reporter: 'Ankara', rest: 'it offered talks.' });
  assert.equal(reporting('Israel lifted the blockade, officials said.').reporter, 'officials');
  assert.equal(reporting('Israel lifted the blockade, officials said.').rest, 'Israel lifted the blockade');
  assert.equal(reporting('According to two diplomats, Russia would agree to a truce.').reporter, 'two diplomats');
  assert.equal(reporting("Ukraine's foreign minister, Olena Marchuk, said Kyiv was ready.").reporter, 'Olena Marchuk');
  assert.equal(reporting('The union, which represents 1,400 workers, says it will strike.').reporter, 'union');
  // "insisted on" is a stance, not a reporting frame.
  assert.equal(reporting('Kyiv insisted on security guarantees.').reporter, null);
});

test('a pronoun after an analyst refers to the party named in the sentence, not the analyst', () => {
  const d = doc('Analysts at the Policy Group say the United States is pressing Kyiv, and that it would ease sanctions.');
  const ents = entities(d, [['Policy Group', 'organization'], ['United States', 'place'], ['Kyiv', 'place']]);
  const r = new ActorResolver(d, ents, []);
  const v = sentenceView(d, 0);
  const it = v.tokens.findIndex((t) => t.lower === 'it');
  const actor = r.resolve(v, { from: it, to: it + 1 }, reportingOf(v));
  assert.equal(actor?.key, keyOf(ents, 'United States'));
  assert.equal(actor?.attributedBy, 'third-party');
});

test('appositions teach who a later description refers to, and whom a person speaks for', () => {
  const d = doc('The port operator, Aegean Terminal Holdings, has made an offer. Later the port operator said it would wait. Ukraine\'s foreign minister, Olena Marchuk, spoke. Ms Marchuk said Kyiv would sign.');
  const ents = entities(d, [['Aegean Terminal Holdings', 'organization'], ['Ukraine', 'place'], ['Olena Marchuk', 'person', ['Marchuk']], ['Kyiv', 'place']]);
  const r = new ActorResolver(d, ents, []);
  const v = sentenceView(d, 1);
  const head = v.tokens.findIndex((t) => t.lower === 'port');
  assert.equal(r.resolve(v, { from: head - 1, to: head + 2 }, { reporter: null, clauseStart: 0, clauseEnd: v.tokens.length })?.key, keyOf(ents, 'Aegean Terminal Holdings'));
  assert.equal(r.sideOf(keyOf(ents, 'Olena Marchuk')), keyOf(ents, 'Ukraine'));
  // Kyiv is Ukraine's capital: Marchuk speaking of Kyiv is her own side.
  assert.equal(r.sameSide(keyOf(ents, 'Olena Marchuk'), keyOf(ents, 'Kyiv')), true);
});

test('", saying …" makes the sentence subject the reporter; a spaced dash ends a phrase', () => {
  assert.equal(reporting('Netanyahu rejected the proposal, saying Israel would not agree to a truce.').reporter, 'Netanyahu');
  assert.equal(reporting('Netanyahu rejected the proposal, saying Israel would not agree to a truce.').rest, 'Israel would not agree to a truce.');
  assert.equal(reporting('GAZA (AP) - Hamas said it would release the hostages.').reporter, 'Hamas');
});

test('a reporting clause between subject and verb moves to the end, where it attributes', () => {
  const v = unfoldParenthetical(view("Russia's aim, says Tatiana Stanovaya-Hill, a senior fellow at the Forum, is not a ceasefire."));
  assert.ok(v);
  assert.equal(v.tokens.map((t) => t.text).join(' '), "Russia 's aim is not a ceasefire , says Tatiana Stanovaya - Hill , a senior fellow at the Forum .");
  const r = reportingOf(v);
  assert.equal(r.reporter ? textOf(v, r.reporter.from, r.reporter.to) : null, 'Tatiana Stanovaya-Hill');
  assert.ok(unfoldParenthetical(view('Moscow, according to two diplomats, has rejected a truce.')));
  // A relative clause and a sentence without a parenthetical stay as they are.
  assert.equal(unfoldParenthetical(view('The plan, which Ukraine says is fair, would end the war.')), null);
  assert.equal(unfoldParenthetical(view('Kyiv said it would accept a ceasefire.')), null);
});

test('a nationality word or "minister of <state>" tells whom a person speaks for', () => {
  const d = doc('Pellanese Foreign Minister Ilse Varga arrived. Tomas Brek, the envoy of Norland, spoke. Ada Holm met them.');
  const ents = entities(d, [['Pellan', 'place'], ['Ilse Varga', 'person'], ['Tomas Brek', 'person'], ['Norland', 'place'], ['Ada Holm', 'person']]);
  const r = new ActorResolver(d, ents, []);
  assert.equal(r.stateOfDemonym('Pellanese'), keyOf(ents, 'Pellan'));
  assert.equal(r.stateOfDemonym('Martian'), null);
  assert.equal(r.sideOf(keyOf(ents, 'Ilse Varga')), keyOf(ents, 'Pellan'));
  assert.equal(r.sideOf(keyOf(ents, 'Tomas Brek')), keyOf(ents, 'Norland'));
  assert.equal(r.sideOf(keyOf(ents, 'Ada Holm')), null);
});

test('a state is known by its everyday name and its seat without the district: "Turkey", "Washington"', () => {
  assert.equal(placeIsState(['Turkey']), true);
  assert.equal(placeIsState(['Türkiye']), true);
  assert.equal(placeIsState(['Washington']), true);
  assert.equal(placeIsState(['Kyiv']), true);
  // Country codes are no names, and a town is no state.
  assert.equal(placeIsState(['TR']), false);
  assert.equal(placeIsState(['Dobrava']), false);
});

test('a name inside the subject\'s relative clause is not the actor; the head before the clause is', () => {
  const d = doc('Every shell that falls on Brasko is a vote against a truce. The envoy who met Oberland officials opposes the plan. The deal that Oberland signed is fragile.');
  const ents = entities(d, [['Brasko', 'place'], ['Oberland', 'place']]);
  const r = new ActorResolver(d, ents, []);
  const subjectThrough = (s: number, last: string) => {
    const v = sentenceView(d, s);
    return { v, chunk: { from: 0, to: v.tokens.findIndex((t) => t.lower === last) + 1 } };
  };
  for (const [s, last] of [[0, 'brasko'], [1, 'officials'], [2, 'oberland']] as const) {
    const { v, chunk } = subjectThrough(s, last);
    assert.equal(r.resolve(v, chunk, reportingOf(v))?.key ?? null, null, `sentence ${s}`);
  }
  // Without a relative clause the name is the subject.
  const v = sentenceView(d, 2);
  const at = v.tokens.findIndex((t) => t.lower === 'oberland');
  assert.equal(r.resolve(v, { from: at, to: at + 1 }, reportingOf(v))?.key, keyOf(ents, 'Oberland'));
});
