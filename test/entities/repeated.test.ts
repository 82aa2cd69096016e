// The repeated-names rule on hand-made tagger output: one article means one thing by one capitalised
// name, so a name the tagger found once is that name where it stands alone again. Texts invented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../../src/text/doc.js';
import { spanRules } from '../../src/entities/rules.js';
import type { TaggedName } from '../../src/entities/model/tagger.js';

const docOf = (text: string) => buildDoc({ id: 't', source: 't', url: null, outlet: null, title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text });
const tokenAt = (doc: ReturnType<typeof docOf>, word: string, nth = 0) => doc.tokens.filter((t) => t.text === word)[nth] && doc.tokens.indexOf(doc.tokens.filter((t) => t.text === word)[nth]);
const texts = (doc: ReturnType<typeof docOf>, names: TaggedName[]) => names.map((n) => doc.text.slice(doc.tokens[n.first].start, doc.tokens[n.last].end));

test('a name the tagger found once is the same name where the article repeats it alone', () => {
  const doc = docOf('The Harriers won 3-1 on Saturday. Lena Marsh scored twice, helping the Harriers secure the title. The Harriers play again on Friday.');
  const first = tokenAt(doc, 'Harriers', 0);
  const found: TaggedName[] = [{ first, last: first, type: 1, probs: [0.05, 0.9, 0.03, 0.02] }];
  const out = spanRules(doc, found, {});
  assert.equal(texts(doc, out).filter((t) => t === 'Harriers').length, 3, JSON.stringify(texts(doc, out)));
  const without = spanRules(doc, found, { without: new Set(['repeated-names']) });
  assert.equal(texts(doc, without).filter((t) => t === 'Harriers').length, 1);
});

test('a repeated name is not taken from inside a longer run of capitals, from a modifier, or where the article writes it in lower case', () => {
  const doc = docOf('Harwick said on Monday it would expand. The Harwick Bay ferry was late, and Harwick officials apologised.');
  const first = tokenAt(doc, 'Harwick', 0);
  const out = spanRules(doc, [{ first, last: first, type: 1, probs: [0.05, 0.9, 0.03, 0.02] }], {});
  assert.deepEqual(texts(doc, out), ['Harwick'], JSON.stringify(texts(doc, out)));
  const lower = docOf('The Rangers patrol the park. Two rangers said the Rangers would return.');
  const r = tokenAt(lower, 'Rangers', 0);
  const given: TaggedName[] = [{ first: r, last: r, type: 1, probs: [0.05, 0.9, 0.03, 0.02] }];
  // Other rules may offer the word for a type rule to settle (byRule); this one adds nothing here.
  const offered = (names: TaggedName[]) => names.filter((n) => !n.byRule).map((n) => n.first);
  assert.deepEqual(offered(spanRules(lower, given, {})), offered(spanRules(lower, given, { without: new Set(['repeated-names']) })));
  assert.deepEqual(offered(spanRules(lower, given, {})), [r]);
});

test('unknown-names: a person\'s word, a given name and a capitalised word are a person even when both are English words', async () => {
  const { typeRules } = await import('../../src/entities/rules.js');
  const doc = docOf('Dunmore made an offer to free agent first baseman Mark Weeks on Tuesday.');
  const first = tokenAt(doc, 'Mark');
  const last = first + 1;
  const start = doc.tokens[first].start;
  const end = doc.tokens[last].end;
  // As the capital-runs rule offers a span the tagger left out: weak probabilities, no type settled.
  const c = { start, end, first, last, text: 'Mark Weeks', form: 'Mark Weeks', key: 'mark weeks', words: ['mark', 'weeks'], score: { person: 0.3, organization: 0.2, place: 0.1, other: 0.1 }, placeKey: null, country: null, roles: [], roleClasses: [], possessive: false, strongPlace: false, strongPerson: false };
  assert.equal(typeRules(doc, c, {}), true);
  assert.ok(c.score.person > Math.max(c.score.organization, c.score.place, c.score.other), JSON.stringify(c.score));
  // Without the person's word before it, ordinary words are no evidence of a person.
  const plain = docOf('They hit the Mark Weeks later than planned.');
  const p = tokenAt(plain, 'Mark');
  const d = { ...c, start: plain.tokens[p].start, end: plain.tokens[p + 1].end, first: p, last: p + 1, score: { ...c.score } };
  assert.equal(typeRules(plain, d, {}), false);
});

test('word-surnames: a given name the tagger stopped at takes the capitalised English word after it', () => {
  const doc = docOf('The agency said its client Odile Page died on Thursday. Page was 85.');
  const first = tokenAt(doc, 'Odile');
  const person = [0.7, 0.05, 0.05, 0.05];
  const out = spanRules(doc, [{ first, last: first, type: 0, probs: person }], {});
  assert.ok(texts(doc, out).includes('Odile Page'), JSON.stringify(texts(doc, out)));
  // Not a word the article also writes in lower case, nor a title.
  const other = docOf('Odile Page turned the page. Odile Mayor arrived later.');
  const a = tokenAt(other, 'Odile', 0);
  const b = tokenAt(other, 'Odile', 1);
  const kept = spanRules(other, [{ first: a, last: a, type: 0, probs: person }, { first: b, last: b, type: 0, probs: person }], {});
  assert.ok(!texts(other, kept).some((t) => t.includes(' ')), JSON.stringify(texts(other, kept)));
});
