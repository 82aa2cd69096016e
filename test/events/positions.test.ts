import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPositions, issueFromPhrase, lastIssueIn, pastAside, positionsInSentence } from '../../src/events/positions.js';
import { textOf } from '../../src/events/clause.js';
import type { QuoteAnnotation } from '../../src/annotations.js';
import { doc, entities, keyOf, view } from './helpers.js';

function stances(text: string) {
  const v = view(text);
  return positionsInSentence(v).map((p) => ({ issue: p.issue, stance: p.stance, subject: p.subject ? textOf(v, p.subject.from, p.subject.to) : null }));
}

function has(text: string, issue: string, stance: string, subject?: string) {
  const found = stances(text);
  assert.ok(
    found.some((p) => p.issue === issue && p.stance === stance && (subject === undefined || p.subject === subject)),
    `expected ${subject ?? '?'} ${stance} ${issue} in: ${text}\n got ${JSON.stringify(found)}`,
  );
}

test('the four plain stances on seed issues', () => {
  has('Kyiv supports a 30-day ceasefire.', 'ceasefire', 'support', 'Kyiv');
  has('Moscow ruled out any territorial concessions.', 'territorial concessions', 'oppose', 'Moscow');
  has('Kyiv insisted on security guarantees.', 'security guarantees', 'demand', 'Kyiv');
  has('Ankara offered to host a summit.', 'summit', 'offer', 'Ankara');
});

test('variants map to the canonical issue', () => {
  has('Moscow rejected a truce.', 'ceasefire', 'oppose');
  has('Kyiv proposed a prisoner swap.', 'prisoner exchange', 'offer');
});

test('negation turns support into opposition; "no" before the issue opposes it', () => {
  has('Kyiv would not accept any territorial concessions.', 'territorial concessions', 'oppose', 'Kyiv');
  // Not dropping a bid for something backs it.
  has('Kyiv will not drop its bid for NATO membership.', 'NATO membership', 'support', 'Kyiv');
  has('The Kremlin said there would be no ceasefire.', 'ceasefire', 'oppose');
});

test('a stance after the issue: "a ceasefire is out of the question"', () => {
  has('For Moscow, a ceasefire is out of the question.', 'ceasefire', 'oppose');
});

test('a request frame gives the requester the stance', () => {
  has('Russia has repeatedly demanded that Ukraine renounce its NATO ambitions.', 'NATO membership', 'oppose', 'Russia');
  has('The ministers called on Russia to agree to a ceasefire.', 'ceasefire', 'demand', 'ministers');
});

test('a commitment tied to a condition is conditional; what it depends on is demanded', () => {
  has('Moscow would agree to a truce only if Ukraine withdrew its forces.', 'ceasefire', 'conditional', 'Moscow');
  has('Moscow would agree to a truce only if Ukraine withdrew its forces.', 'troop withdrawal', 'demand', 'Moscow');
});

test('issues grow from the text when the seed vocabulary lacks them', () => {
  has('The Liberals rejected a wealth tax.', 'wealth tax', 'oppose', 'Liberals');
  const v = view('the immediate release of all civilians');
  assert.equal(issueFromPhrase(v.tokens), 'release of civilians');
  assert.equal(issueFromPhrase(view('the plan').tokens), null);
});

test('a group position belongs to the group, with its members', () => {
  const d = doc('Kenya and Egypt joined the African Union mission. The African Union called for a ceasefire in Darfur.');
  const ents = entities(d, [['African Union', 'group', [], ['Kenya', 'Egypt']], ['Kenya', 'place'], ['Egypt', 'place'], ['Darfur', 'place']]);
  const ps = findPositions(d, ents, []);
  const p = ps.find((x) => x.issue === 'ceasefire');
  assert.ok(p, JSON.stringify(ps));
  assert.equal(p.actor, keyOf(ents, 'African Union'));
  assert.equal(p.stance, 'demand');
  assert.deepEqual(p.members, [keyOf(ents, 'Kenya'), keyOf(ents, 'Egypt')]);
});

test('attribution: own words, the writer, and a third party', () => {
  const d = doc(
    'Ukraine said it would accept a ceasefire. Russia has long opposed NATO membership for Ukraine. ' +
      'Analyst Lena Frost said Moscow wants sanctions relief.',
  );
  const ents = entities(d, [['Ukraine', 'place'], ['Russia', 'place', ['Moscow']], ['Lena Frost', 'person']]);
  const ps = findPositions(d, ents, []);
  const own = ps.find((p) => p.issue === 'ceasefire');
  const writer = ps.find((p) => p.issue === 'NATO membership');
  const third = ps.find((p) => p.issue === 'sanctions relief');
  assert.equal(own?.actor, keyOf(ents, 'Ukraine'));
  assert.equal(own?.attributedBy, 'own');
  assert.equal(writer?.attributedBy, 'writer');
  assert.equal(third?.actor, keyOf(ents, 'Russia'));
  assert.equal(third?.attributedBy, 'third-party');
});

test('"we" inside a quote is the speaker', () => {
  const text = '"We demand security guarantees," said Olena Marchuk.';
  const d = doc(text);
  const ents = entities(d, [['Olena Marchuk', 'person']]);
  const start = text.indexOf('We');
  const end = text.indexOf(',"');
  const quote: QuoteAnnotation = { start, end, text: text.slice(start, end), speaker: keyOf(ents, 'Olena Marchuk'), speakerSpan: null, speakerText: 'Olena Marchuk', cue: 'said', cueSpan: null, partial: false };
  const [p] = findPositions(d, ents, [quote]);
  assert.equal(p?.actor, keyOf(ents, 'Olena Marchuk'));
  assert.equal(p?.stance, 'demand');
  assert.equal(p?.attributedBy, 'own');
});

test('a commitment to act is an offer; refusing to act is opposition', () => {
  has('The United Kingdom will host a donor conference in the autumn.', 'donor conference', 'offer', 'United Kingdom');
  has('Iran will not ship its enriched uranium abroad.', 'nuclear enrichment', 'oppose', 'Iran');
  // A past act is no offer.
  assert.ok(!stances('The United Kingdom hosted a donor conference.').some((p) => p.stance === 'offer'));
});

test('a question takes no stance', () => {
  assert.deepEqual(stances('Will you accept a ceasefire?'), []);
});

test('an interview answer: the labelled speaker, and a state official\'s "we" is the state', () => {
  const d = doc('Abbas Tavakoli, Iran\'s deputy foreign minister, spoke to us in Rome.\nTAVAKOLI: We demand sanctions relief first.\nTAVAKOLI: I support direct talks.');
  const ents = entities(d, [['Abbas Tavakoli', 'person', ['TAVAKOLI']], ['Iran', 'place'], ['Rome', 'place']]);
  const ps = findPositions(d, ents, []);
  const relief = ps.find((p) => p.issue === 'sanctions relief');
  const talks = ps.find((p) => p.issue === 'direct talks');
  assert.equal(relief?.actor, keyOf(ents, 'Iran'), JSON.stringify(ps));
  assert.equal(relief?.attributedBy, 'own');
  assert.equal(talks?.actor, keyOf(ents, 'Abbas Tavakoli'));
});

test('"Russia and China said they opposed…": one position per reporter', () => {
  const d = doc('Russia and China said they opposed any new sanctions.');
  const ents = entities(d, [['Russia', 'place'], ['China', 'place']]);
  const ps = findPositions(d, ents, []).filter((p) => p.issue === 'sanctions' && p.stance === 'oppose');
  assert.deepEqual(ps.map((p) => p.actor).sort(), [keyOf(ents, 'Russia'), keyOf(ents, 'China')].sort());
  assert.ok(ps.every((p) => p.attributedBy === 'own'));
});

test('realistic wire phrasing: coordinated demands, "unlikely to", a clause after "but", a threatened refusal', () => {
  has('Putin has demanded that Ukraine abandon its NATO ambitions and withdraw its troops from four regions.', 'troop withdrawal', 'demand', 'Putin');
  has('Putin has demanded that Ukraine abandon its NATO ambitions and withdraw its troops from four regions.', 'NATO membership', 'oppose', 'Putin');
  has('Analysts say the Kremlin is unlikely to accept a ceasefire soon.', 'ceasefire', 'oppose', 'Kremlin');
  assert.ok(!stances('The Kremlin said it was open to talks but that any ceasefire had to address root causes.').some((p) => p.issue === 'ceasefire' && p.stance === 'support'));
  has('Washington could impose sanctions if Moscow refused a truce.', 'ceasefire', 'demand', 'Washington');
  has('Washington could impose sanctions if Moscow refused a truce.', 'sanctions', 'conditional', 'Washington');
});

test('concession cues: refusing to give ground is a demand, readiness to compromise an offer', () => {
  has('Sanna Kivi cannot give ground on coal.', 'coal', 'demand', 'Sanna Kivi');
  has('The union is ready to compromise on wages.', 'wages', 'offer', 'union');
});

test('a stance cue stops at a subordinate clause', () => {
  const text = 'Analysts say the Kremlin is unlikely to accept a ceasefire before it captures more territory.';
  assert.ok(!stances(text).some((p) => p.issue === 'territorial concessions'));
  has(text, 'ceasefire', 'oppose', 'Kremlin');
  // With a negated commitment the same shape is a condition: no ceasefire before territory.
  has('The Kremlin will not accept a ceasefire before it captures more territory.', 'ceasefire', 'conditional', 'Kremlin');
});

test('the object of a refused action is opposed', () => {
  has("Moscow's refusal to discuss the return of occupied territory stalled the talks.", 'territorial concessions', 'oppose', 'Moscow');
  has('Tehran refused to ship its uranium stockpile abroad.', 'nuclear enrichment', 'oppose', 'Tehran');
});

test('a modal passive with the issue as subject: the agent or the speaker holds the stance', () => {
  has('New sanctions would be imposed if the summit collapsed.', 'sanctions', 'conditional');
  has('The sanctions would be imposed by Washington.', 'sanctions', 'support', 'Washington');
  // Lifting is a limitation: committed to by the agent, its polarity is unclear (an offer of
  // relief, not opposition to the measure), so it takes no stance.
  assert.ok(!stances('The sanctions would be lifted by Washington.').some((p) => p.issue === 'sanctions'));
  // A past passive reports a fact, not a stance.
  assert.ok(!stances('Sanctions were imposed last year.').some((p) => p.issue === 'sanctions'));
});

test('"wants X out of <body>" opposes X\'s membership of the body', () => {
  has('Moscow wants Ukraine out of NATO for good.', 'NATO membership', 'oppose', 'Moscow');
  has('The party wanted to keep Britain out of the EU.', 'EU membership', 'oppose');
});

test('a pronoun object takes the issue named in the sentence before', () => {
  const d = doc('Kyiv proposed a ceasefire on Monday. Good. Ankara supports that fully.');
  const e = entities(d, [['Kyiv', 'place'], ['Ankara', 'place']]);
  const found = findPositions(d, e, []);
  assert.ok(found.some((p) => p.issue === 'ceasefire' && p.stance === 'support' && d.text.slice(p.start, p.end).startsWith('supports that')), JSON.stringify(found));
  assert.equal(lastIssueIn(view('Brussels will not release the money unless there is an independent safety audit.')), 'independent safety audit');
  assert.equal(lastIssueIn(view('Kyiv proposed a ceasefire on Monday.')), 'ceasefire');
  assert.equal(lastIssueIn(view('Good.')), null);
  // "that" before a noun is a determiner, and "that" opening a clause is no object.
  assert.equal(positionsInSentence(view('We support that proposal.')).length, 0);
  assert.ok(!positionsInSentence(view('He said that the plan was good.')).some((p) => p.refersTo === 'previous'));
});

test('a parenthetical reporter does not hide the stance from its subject', () => {
  const d = doc("Russia's aim, says Tatiana Stanovaya-Hill, a fellow at the Forum, is not a ceasefire.");
  const e = entities(d, [['Russia', 'place'], ['Tatiana Stanovaya-Hill', 'person']]);
  const found = findPositions(d, e, []);
  const p = found.find((x) => x.issue === 'ceasefire');
  assert.ok(p && p.stance === 'oppose' && p.actor === keyOf(e, 'Russia'), JSON.stringify(found));
  assert.ok(d.text.slice(p.start, p.end).startsWith('aim'), d.text.slice(p.start, p.end));
});

test('"no" before a noun cue negates it: "has no objection to" supports', () => {
  has('Poland has no objection to sanctions.', 'sanctions', 'support', 'Poland');
  has('There is no support for a ceasefire in Moscow.', 'ceasefire', 'oppose');
  has('Poland voiced its objection to sanctions.', 'sanctions', 'oppose');
});

test('a pronoun subject of a modal passive takes the seed issue of the sentences before', () => {
  const found = positionsInSentence(view('An official said they would be imposed if the summit collapsed.'));
  assert.ok(found.some((p) => p.refersTo === 'antecedent' && p.stance === 'conditional' && p.cue === 'impose'), JSON.stringify(found));
  assert.ok(!positionsInSentence(view('It was imposed last year.')).some((p) => p.refersTo === 'antecedent'));
  const d = doc('Brussels has drafted new sanctions on oil firms. Officials said they would be imposed by Washington.');
  const e = entities(d, [['Washington', 'place'], ['Brussels', 'place']]);
  const p = findPositions(d, e, []).find((x) => x.issue === 'sanctions' && x.stance === 'support' && d.text.slice(x.start, x.end).startsWith('they'));
  assert.ok(p, JSON.stringify(findPositions(d, e, [])));
  assert.equal(p.actor, keyOf(e, 'Washington'));
});

test('an aside between commas does not part a cue from its object', () => {
  assert.equal(pastAside(view('accepted , in principle , a plan').tokens, 1, 7), 5);
  // A clause with a verb is no aside.
  assert.equal(pastAside(view('rejected , as expected , the plan').tokens, 1, 7), 1);
  has('The Liberals accepted, in principle, a wealth tax.', 'wealth tax', 'support', 'Liberals');
});

test('a verb of continuation passes its gerund\'s object to the request', () => {
  has('European leaders urged the United States to keep supplying air-defence systems to Kyiv.', 'military aid', 'demand', 'European leaders');
  has('The ministers urged Moscow to continue observing the truce.', 'ceasefire', 'demand', 'ministers');
});

test('hyphenated vocabulary matches the tokenizer\'s split form ("cease - fire")', () => {
  has('Moscow rejected a cease-fire.', 'ceasefire', 'oppose', 'Moscow');
  has('Kyiv wants face-to-face talks.', 'direct talks', 'demand', 'Kyiv');
});

test('"withdraw" names a troop withdrawal, unless what is left is a process', () => {
  has('Ukraine must withdraw from the Zaporizhzhia region by June or face a new offensive, the ministry said.', 'troop withdrawal', 'demand', 'ministry');
  has('Moscow demanded that Kyiv withdraw from the four regions.', 'troop withdrawal', 'demand', 'Moscow');
  assert.ok(!stances('Iran threatened to withdraw from the treaty.').some((p) => p.issue === 'troop withdrawal'));
  assert.ok(!stances('Russia will withdraw from the talks if attacked.').some((p) => p.issue === 'troop withdrawal'));
});

test('a transitive "withdraw" of anything but forces is no troop withdrawal', () => {
  assert.ok(!stances('The union accepted her on condition that the government withdraw the threat of requisition first.').some((p) => p.issue === 'troop withdrawal'));
  has('Kyiv demanded that Moscow withdraw all its soldiers.', 'troop withdrawal', 'demand', 'Kyiv');
});

test('a place offered as the venue for something offers that thing', () => {
  has("Erdogan offered Istanbul as the venue for a leaders' meeting.", 'summit', 'offer', 'Erdogan');
  has('Kenya offered Nairobi as the venue for direct talks.', 'direct talks', 'offer', 'Kenya');
  // A place offered for no named purpose is no issue.
  assert.ok(!stances('Kenya offered Nairobi.').some((p) => p.stance === 'offer'));
});

test('a cue in a reduced relative clause takes the offer or demand it modifies', () => {
  const found = positionsInSentence(view('The army wants soldiers at the port, a demand both the union and the opposition reject.'));
  assert.ok(found.some((p) => p.refersTo === 'demand' && p.stance === 'oppose' && p.cue === 'reject'), JSON.stringify(found));
  // The noun cue "demand" does not take the relative clause's subject as its object.
  assert.ok(!found.some((p) => p.issue === 'union'), JSON.stringify(found));
  assert.ok(positionsInSentence(view('The offer that Moscow accepted was vague.')).some((p) => p.refersTo === 'offer' && p.stance === 'support'));
  // A passive has no subject of its own: no relative clause.
  assert.equal(positionsInSentence(view('The proposal was rejected.')).length, 0);
  const d = doc('Ankara proposed a ceasefire on Monday. Moscow made a counter-offer, a proposal Kyiv rejected.');
  const e = entities(d, [['Ankara', 'place'], ['Moscow', 'place'], ['Kyiv', 'place']]);
  assert.ok(findPositions(d, e, []).some((p) => p.actor === keyOf(e, 'Kyiv') && p.issue === 'ceasefire' && p.stance === 'oppose'));
});

test('a negative quantifier holds no stance, not even through the speaker', () => {
  const d = doc('"Nobody backs the harbour levy any more," Ilse Varga said.');
  const e = entities(d, [['Ilse Varga', 'person']]);
  assert.deepEqual(findPositions(d, e, []), []);
});

test('a negated act since a date is a record, not a stance; a stance held since a date is one', () => {
  const d = doc('The Senate has not vetoed a budget since 2004. The Senate has opposed the dam since 2019.');
  const e = entities(d, [['Senate', 'organization']]);
  const ps = findPositions(d, e, []);
  assert.ok(!ps.some((p) => p.stance === 'support'), JSON.stringify(ps));
  assert.ok(ps.some((p) => p.stance === 'oppose' && /dam/.test(p.issue)), JSON.stringify(ps));
});

test('what a party denies is no stance of it: "denied that it would accept", "dismissed reports that it had agreed"', () => {
  const d = doc(
    'Belmar denied that it would accept a troop withdrawal. Karsovia dismissed reports that it had agreed to a ceasefire. ' +
      'Belmar denied it would accept sanctions relief. Karsovia said it would accept a prisoner exchange.',
  );
  const ents = entities(d, [['Belmar', 'place'], ['Karsovia', 'place']]);
  const ps = findPositions(d, ents, []);
  for (const issue of ['troop withdrawal', 'ceasefire', 'sanctions relief']) assert.ok(!ps.some((p) => p.issue === issue), `${issue}: ${JSON.stringify(ps)}`);
  assert.ok(ps.some((p) => p.issue === 'prisoner exchange' && p.actor === keyOf(ents, 'Karsovia')), JSON.stringify(ps));
});

test('"has yet to accept" takes no stance; "new settlements" are places, not a peace agreement', () => {
  const d = doc('Belmar has yet to accept the peace plan. Karsovia has called for a freeze on new settlements. Belmar backs a peace settlement.');
  const ents = entities(d, [['Belmar', 'place'], ['Karsovia', 'place']]);
  const ps = findPositions(d, ents, []);
  assert.ok(!ps.some((p) => p.actor === keyOf(ents, 'Karsovia') && p.issue === 'peace agreement'), JSON.stringify(ps));
  assert.ok(!ps.some((p) => p.actor === keyOf(ents, 'Belmar') && p.issue === 'peace agreement' && p.start < 40), JSON.stringify(ps));
  assert.ok(ps.some((p) => p.actor === keyOf(ents, 'Belmar') && p.issue === 'peace agreement' && p.stance === 'support'), JSON.stringify(ps));
});

test('a withdrawn demand is no position; resisting calls for something opposes it, never demands it', () => {
  const d = doc('Belmar has backed away from its demand for a troop withdrawal. Karsovia has long resisted calls for a prisoner exchange. Karsovia rebuffed demands for sanctions relief.');
  const ents = entities(d, [['Belmar', 'place'], ['Karsovia', 'place']]);
  const ps = findPositions(d, ents, []);
  assert.ok(!ps.some((p) => p.issue === 'troop withdrawal' && p.stance === 'demand'), JSON.stringify(ps));
  assert.ok(!ps.some((p) => p.actor === keyOf(ents, 'Karsovia') && (p.stance === 'demand' || p.stance === 'support')), JSON.stringify(ps));
});

test('no stance for the party named when the clause is about someone else: an accusation\'s object, a possessor\'s allies, "neither… nor"', () => {
  const d = doc('Karsovia accused Belmar of blocking the prisoner exchange. Belmar\'s allies support sanctions relief. Neither Karsovia nor Belmar supports the peace plan. Belmar ruled out nothing and backs a ceasefire.');
  const ents = entities(d, [['Belmar', 'place'], ['Karsovia', 'place']]);
  const ps = findPositions(d, ents, []);
  for (const issue of ['prisoner exchange', 'sanctions relief', 'peace agreement']) assert.ok(!ps.some((p) => p.issue === issue), `${issue}: ${JSON.stringify(ps)}`);
  assert.ok(ps.some((p) => p.issue === 'ceasefire' && p.actor === keyOf(ents, 'Belmar') && p.stance === 'support'), JSON.stringify(ps));
});

test('a territorial settlement is about territory, not a peace agreement', () => {
  has('Ostravia will not accept a territorial settlement imposed from outside.', 'territorial concessions', 'oppose');
  assert.ok(!stances('Ostravia will not accept a territorial settlement imposed from outside.').some((p) => p.issue === 'peace agreement'));
});

test('rejecting a claim about an issue is no stance on the issue: "rejected the idea that a ceasefire depends on a withdrawal"', () => {
  const d = doc('Karsovia rejected the idea that a ceasefire depends on a troop withdrawal. Karsovia rejected sanctions relief.');
  const ents = entities(d, [['Karsovia', 'place']]);
  const ps = findPositions(d, ents, []);
  assert.ok(!ps.some((p) => p.issue === 'ceasefire' || p.issue === 'troop withdrawal'), JSON.stringify(ps));
  assert.ok(ps.some((p) => p.issue === 'sanctions relief' && p.stance === 'oppose'), JSON.stringify(ps));
});
