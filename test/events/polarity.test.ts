// Polarity and scope of stances (issue 10): negation, negating frames, limitation, rejection as
// insufficient, campaigning against. Each rule has sentences that must read one way and, where a
// wrong reading is easy, an assertion that the opposite stance is not produced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positionsInSentence } from '../../src/events/positions.js';
import { insufficientAfter, limitationOf, negatingFrameBefore } from '../../src/events/polarity.js';
import { textOf } from '../../src/events/clause.js';
import { view } from './helpers.js';

function found(text: string): { issue: string; stance: string; subject: string | null }[] {
  const v = view(text);
  return positionsInSentence(v).map((p) => ({ issue: p.issue, stance: p.stance, subject: p.subject ? textOf(v, p.subject.from, p.subject.to) : null }));
}

function has(text: string, issue: string, stance: string, subject?: string): void {
  const f = found(text);
  assert.ok(
    f.some((p) => p.issue === issue && p.stance === stance && (subject === undefined || p.subject === subject)),
    `expected ${subject ?? '?'} ${stance} «${issue}» in: ${text}\n got ${JSON.stringify(f)}`,
  );
}

function never(text: string, issue: string, stance: string): void {
  const f = found(text);
  assert.ok(!f.some((p) => p.issue === issue && p.stance === stance), `did not expect ${stance} «${issue}» in: ${text}\n got ${JSON.stringify(f)}`);
}

function nothingOn(text: string, issue: string): void {
  const f = found(text);
  assert.ok(!f.some((p) => p.issue === issue), `expected no position on «${issue}» in: ${text}\n got ${JSON.stringify(f)}`);
}

test('negation: "did not oppose", "never agreed to", "no objection to", "is not opposed to"', () => {
  has('Poland did not oppose the sanctions package.', 'sanctions', 'support', 'Poland');
  never('Poland did not oppose the sanctions package.', 'sanctions', 'oppose');
  has('Hungary never agreed to the troop withdrawal.', 'troop withdrawal', 'oppose', 'Hungary');
  has('Berlin raised no objection to a prisoner exchange.', 'prisoner exchange', 'support', 'Berlin');
  has('Tokyo is not opposed to direct talks.', 'direct talks', 'support', 'Tokyo');
});

test('negating frames: "refused to accept" opposes, "declined to back" opposes', () => {
  has('Moscow refused to accept a ceasefire.', 'ceasefire', 'oppose', 'Moscow');
  never('Moscow refused to accept a ceasefire.', 'ceasefire', 'support');
  has('Ankara declined to back the ceasefire.', 'ceasefire', 'oppose', 'Ankara');
  has('The council is unlikely to endorse a summit.', 'summit', 'oppose');
  assert.ok(negatingFrameBefore(view('They refused outright to sign it.').tokens, 4, 0));
  assert.ok(!negatingFrameBefore(view('They agreed to sign it.').tokens, 3, 0));
});

test('double negation: "did not rule out", "refused to rule out" do not oppose', () => {
  has('The Kremlin did not rule out a summit.', 'summit', 'support', 'Kremlin');
  has('Seoul refused to rule out new sanctions.', 'sanctions', 'support', 'Seoul');
  never('Seoul refused to rule out new sanctions.', 'sanctions', 'oppose');
  has('The treasury refused to rule out a wealth tax.', 'wealth tax', 'support');
  never('The treasury refused to rule out a wealth tax.', 'wealth tax', 'oppose');
});

test('limitation: wanting X limited opposes X', () => {
  has('Washington wants to limit Iran\'s uranium enrichment.', 'nuclear enrichment', 'oppose', 'Washington');
  never('Washington wants to limit Iran\'s uranium enrichment.', 'nuclear enrichment', 'demand');
  has('The Greens pushed to roll back the tariffs.', 'tariffs', 'oppose', 'Greens');
  never('The Greens pushed to roll back the tariffs.', 'tariffs', 'demand');
  has('Labour vowed to rein in rent increases.', 'rent increase', 'oppose', 'Labour');
  has('The EU called for a cap on gas prices.', 'gas price', 'oppose', 'EU');
  has('The unions demanded enrichment limits.', 'nuclear enrichment', 'oppose', 'unions');
  has('The mayor wants to freeze new housing projects.', 'housing project', 'oppose', 'mayor');
  // A goal of limiting: the stated aim is a demand, the limited thing opposed.
  has('The president\'s stated goal is to curb immigration.', 'immigration', 'oppose');
  never('The president\'s stated goal is to curb immigration.', 'immigration', 'support');
});

test('limitation offered or agreed to still opposes X; a refused limitation is itself opposed', () => {
  // The gold's convention: whoever limits X — even its own X, even as an offer — opposes (more of) X.
  has('Tehran offered to cap its enrichment at 3.67 percent.', 'nuclear enrichment', 'oppose', 'Tehran');
  has('The relief agency agreed to limit the number of staff it keeps in the capital.', 'staff', 'oppose');
  has('Vostria has proposed freezing the number of foreign troops at current levels.', 'peacekeepers', 'oppose', 'Vostria');
  never('Vostria has proposed freezing the number of foreign troops at current levels.', 'peacekeepers', 'offer');
  // Refusing a limitation opposes the limitation, never "supports X" nor "opposes X".
  has('Iran rejected any limits on enrichment.', 'limits on nuclear enrichment', 'oppose', 'Iran');
  never('Iran rejected any limits on enrichment.', 'nuclear enrichment', 'oppose');
  never('Iran rejected any limits on enrichment.', 'nuclear enrichment', 'support');
  has('Beshtar never agreed to any cap on the monitoring mission.', 'cap on monitoring mission', 'oppose', 'Beshtar');
  has('Iran will not accept enrichment limits.', 'nuclear enrichment limits', 'oppose', 'Iran');
  // A withdrawn demand for a limitation is no position at all.
  nothingOn('The IMF mission has dropped its insistence on an immediate cut in fuel subsidies.', 'fuel subsidy');
  // "tax cuts" is a policy of its own, not a limitation of taxes.
  has('Democrats vowed to block the tax cuts.', 'tax cut', 'oppose', 'Democrats');
});

test('a limitation told as a finished act is narration, not a stance', () => {
  nothingOn('Firefighters cut the gates to free them.', 'gate');
  nothingOn('The crew lifted the barrier at noon.', 'barrier');
  // …while an aim to limit is one.
  has('The council wants to cut the subsidies.', 'subsidy', 'oppose', 'council');
});

test('limitation inside a conditional commitment is conditional; in its condition it is opposed', () => {
  has('Iran is prepared to cap enrichment provided that sanctions on its oil are lifted.', 'nuclear enrichment', 'conditional');
  has('The bloc will impose duties unless Washington lifts its 50 percent tariff.', 'tariffs', 'oppose');
  never('The bloc will impose duties unless Washington lifts its 50 percent tariff.', 'tariffs', 'demand');
});

test('limitation phrases: where they must stand', () => {
  const v = view('They want to limit Iran\'s enrichment.');
  const at = v.tokens.findIndex((t) => t.lower === 'enrichment');
  assert.deepEqual(limitationOf(v.tokens, at, at + 1, 0), { from: 3, to: 4, after: false });
  const w = view('They proposed enrichment limits.');
  assert.equal(limitationOf(w.tokens, 2, 3, 0)?.after, true);
  // "the cap" alone, or a capped name, is no limitation.
  const x = view('He wore the cap during talks.');
  assert.equal(limitationOf(x.tokens, 5, 6, 0), null);
});

test('rejection as insufficient demands what was offered, never opposes it', () => {
  has('The union rejected the offer of a 3 percent pay rise as insufficient.', 'wages', 'demand', 'union');
  never('The union rejected the offer of a 3 percent pay rise as insufficient.', 'wages', 'oppose');
  has('The opposition rejected the government\'s offer of new protections for renters as not enough.', 'protection', 'demand', 'opposition');
  never('The opposition rejected the government\'s offer of new protections for renters as not enough.', 'protection', 'oppose');
  has('Hamas dismissed the proposed troop withdrawal as too little, too late.', 'troop withdrawal', 'demand', 'Hamas');
  has('Kyiv rejected the partial ceasefire, saying it did not go far enough.', 'ceasefire', 'demand', 'Kyiv');
  // Without a word of insufficiency, rejecting is opposing.
  has('Kyiv rejected the partial ceasefire.', 'ceasefire', 'oppose', 'Kyiv');
  const t = view('rejected the plan as too little').tokens;
  assert.ok(insufficientAfter(t, 1, t.length));
  assert.ok(!insufficientAfter(view('rejected the plan as a trap').tokens, 1, 5));
});

test('relief from a measure is its own issue: demanding it is not demanding the measure', () => {
  has('Russia demanded the lifting of sanctions.', 'sanctions relief', 'demand', 'Russia');
  never('Russia demanded the lifting of sanctions.', 'sanctions', 'demand');
  has('Iran wants sanctions relief first.', 'sanctions relief', 'demand', 'Iran');
});

test('campaigning against opposes; supporters and opponents', () => {
  has('Two senators campaigned against the wealth tax.', 'wealth tax', 'oppose');
  never('Two senators campaigned against the wealth tax.', 'wealth tax', 'demand');
  has('The governor lobbied against the pipeline.', 'pipeline', 'oppose', 'governor');
  has('The senator is a vocal opponent of the wealth tax.', 'wealth tax', 'oppose', 'senator');
  has('The mayor is a longtime supporter of the peace plan.', 'peace agreement', 'support', 'mayor');
  has('The party vowed to block the ceasefire deal.', 'ceasefire', 'oppose', 'party');
});

test('a request to ratify or endorse supports the thing; to accept or do anything else demands it', () => {
  has('Velmont urged the deputies to ratify the pact.', 'the pact', 'support', 'Velmont');
  never('Velmont urged the deputies to ratify the pact.', 'the pact', 'demand');
  has('Velmont urged Norland to accept a truce.', 'ceasefire', 'demand', 'Velmont');
});
