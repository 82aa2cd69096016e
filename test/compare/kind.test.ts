import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleKind, kindHint } from '../../src/compare/kind.js';
import { article, briefOf, context } from './helpers.js';

const NEWS = 'Velaria and Karsia agreed on Tuesday to exchange 240 prisoners, officials said. "This is a small door," the mediator told reporters. The deal was announced after two days of talks, according to a statement. Karsia said the exchange would take place within days. Velaria\'s foreign minister said monitors must be deployed first. The talks resume on Friday, the mediator said. Both delegations declined to comment further on the timing of the exchange or the lists of names, which are still being checked by the monitoring mission.';
const OPINION = 'I have watched these talks for a month, and I am tired of applause. Stop applauding Talvik! The governments that claim to care about this war should pay for the monitors now. It is time we admitted the truth: a prisoner swap is not peace. My own view is simple. Surely we can do better than this shameful waiting game? We must act before winter, and we cannot keep pretending that a handshake is a settlement. Frankly, the mediator deserves better than this farce from the people who sent her.';
const ANALYSIS = 'What does the swap tell us about the talks? First, sequencing matters: analysts say the humanitarian track could build trust, but it may also let both sides avoid the harder questions. Second, whether Karsia clarifies its demand will likely decide the next round. The risk is that ambiguity becomes a strategy. In other words, the outcome depends on leverage neither side is ready to test. Scenarios range from a monitored truce to a frozen conflict, and the incentives point both ways, which suggests the calculus could shift quickly.';

function kindOf(text: string, extra = {}): string | null {
  return articleKind(context(briefOf([article('a', text, extra)])).ctx.articles[0]).kind;
}

test('news, opinion and analysis from the writer’s own words', () => {
  assert.equal(kindOf(NEWS), 'news');
  assert.equal(kindOf(OPINION), 'opinion');
  assert.equal(kindOf(ANALYSIS), 'analysis');
});

test('a page that says what it is decides; a word in a headline does not', () => {
  assert.equal(kindHint({ title: 'Opinion: Stop applauding', url: null, text: '' }), 'opinion');
  assert.equal(kindHint({ title: null, url: 'https://example.org/world/analysis/talvik-talks', text: '' }), 'analysis');
  assert.equal(kindHint({ title: 'Karsia leader defiant as prisoners go home', url: null, text: 'Comments (88)\nNews' }), null);
  assert.equal(kindOf(NEWS, { title: 'Analysis | The Talvik talks' }), 'analysis');
  assert.equal(kindOf('Too short.'), null);
});
