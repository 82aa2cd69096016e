// Features of a group of conflicting claims that every detector shares (src/compare/claims.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runDetector, type Detector, type FactClaim, type FoundDiscrepancy } from '../../src/compare/claims.js';
import { sameWords } from '../../src/compare/discrepancies.js';
import { jaccard, type Context } from '../../src/compare/context.js';
import { article, briefOf, context } from './helpers.js';

/** A toy detector: the first figure before "barns" in each article, one bucket, every pair the same fact. */
const barns: Detector = {
  kind: 'number',
  extract(ctx: Context): FactClaim[] {
    return ctx.articles.map((a) => {
      const m = /(\d+) barns/.exec(a.doc.text)!;
      const s = a.sentences.find((x) => x.start <= m.index && m.index < x.end)!;
      return { kind: 'number', article: a.id, sentence: s, start: m.index, end: m.index + m[0].length, value: m[1], display: m[0], subject: 'barns', bucket: 'barns' };
    });
  },
  sameFact: () => true,
  conflict: (a, b) => a.value !== b.value,
  topic: () => 'number of barns',
};

const TEXTS = [
  'The storm flattened 12 barns near Orlen on Sunday, the county office said.',
  'Farmers counted 12 barns lost after the gale swept the valley.',
  'In Orlen, 12 barns were destroyed overnight and roads stayed closed.',
  'A spokeswoman for the fire brigade put the damage at 15 barns and two silos.',
  'Local radio reported 15 barns down across three villages.',
];

function featuresOf(texts: string[]) {
  const { ctx } = context(briefOf(texts.map((t, i) => article(`a${i}`, t))));
  const found = runDetector(barns, ctx);
  assert.equal(found.length, 1);
  return found[0].features;
}

test('one outlet against three independent sources giving one value is an outlier', () => {
  assert.equal(featuresOf(TEXTS.slice(0, 4))['sides:outlier'], 1);
});

test('two against three is no outlier, nor one against two', () => {
  assert.equal(featuresOf(TEXTS)['sides:outlier'], 0);
  assert.equal(featuresOf([TEXTS[0], TEXTS[1], TEXTS[3]])['sides:outlier'], 0);
});

test('two counts stated side by side are two findings; the same words read twice are one', () => {
  const texts = ['The storm killed 4 people and flattened 12 barns near Orlen.', 'The gale killed 6 people and flattened 15 barns in the valley.'];
  const { ctx } = context(briefOf(texts.map((t, i) => article(`a${i}`, t))));
  const claimOf = (id: string, words: string): FactClaim => {
    const a = ctx.byId.get(id)!;
    const start = a.doc.text.indexOf(words);
    return { kind: 'number', article: id, sentence: a.sentences[0], start, end: start + words.length, value: words, display: words, subject: '', bucket: '' };
  };
  const finding = (claims: FactClaim[]): FoundDiscrepancy => ({ kind: 'number', topic: '', claims, explanation: '', features: {}, evolving: false });
  const killed = finding([claimOf('a0', '4 people'), claimOf('a1', '6 people')]);
  const barnsFound = finding([claimOf('a0', '12 barns'), claimOf('a1', '15 barns')]);
  const again = finding([claimOf('a0', 'killed 4 people'), claimOf('a1', '6 people')]);
  assert.equal(sameWords(killed, barnsFound), false);
  assert.equal(sameWords(killed, again), true);
});

test('an article giving a group two values keeps the one whose sentence is most like the other outlets', () => {
  const years: Detector = {
    kind: 'date',
    extract(ctx: Context): FactClaim[] {
      return ctx.articles.flatMap((a) =>
        [...a.doc.text.matchAll(/\b(19\d\d)\b/g)].map((m) => {
          const s = a.sentences.find((x) => x.start <= m.index! && m.index! < x.end)!;
          return { kind: 'date' as const, article: a.id, sentence: s, start: m.index!, end: m.index! + 4, value: m[1], display: m[1], subject: 'indicted', bucket: 'year' };
        }),
      );
    },
    sameFact: () => true,
    conflict: (a, b) => a.value !== b.value,
    topic: () => 'year of the indictment',
    linkage: 'average',
    linkStrength: (a, b) => jaccard(a.sentence.lemmas, b.sentence.lemmas),
  };
  const a = article('a', 'In 1969 he was indicted in Harlow County for bribing the sheriff. He was indicted again in 1990, this time on federal racketeering charges.');
  const b = article('b', 'In 1970 he was indicted in Harlow County for bribing the sheriff and two deputies.');
  const found = runDetector(years, context(briefOf([a, b])).ctx);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].claims.map((c) => c.display).sort(), ['1969', '1970']);
});
