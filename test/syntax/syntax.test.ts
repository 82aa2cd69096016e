import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc, type Doc } from '../../src/text/doc.js';
import {
  agentOf,
  childrenOf,
  governingVerb,
  headOf,
  isNegated,
  isPassive,
  labelOf,
  modifiersOf,
  objectsOf,
  parseDoc,
  parseSentence,
  predicateOf,
  setSentenceParse,
  subjectOf,
} from '../../src/syntax/index.js';
import type { Article } from '../../src/types.js';

function doc(text: string): Doc {
  const article: Article = { id: 't', source: 't', url: null, outlet: null, title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text };
  return buildDoc(article);
}

/** Doc index of the n-th token with this text. */
function tok(d: Doc, text: string, nth = 1): number {
  let seen = 0;
  const i = d.tokens.findIndex((t) => t.text === text && ++seen === nth);
  assert.ok(i >= 0, `no token "${text}"`);
  return i;
}

// The parser on clear sentences written for these tests.

test('adjective, subject and object: "The defiant minister rejected the offer."', () => {
  const d = doc('The defiant minister rejected the offer.');
  const [defiant, minister, rejected, offer] = ['defiant', 'minister', 'rejected', 'offer'].map((w) => tok(d, w));
  assert.equal(headOf(d, defiant), minister);
  assert.equal(labelOf(d, defiant), 'amod');
  assert.equal(subjectOf(d, rejected), minister);
  assert.deepEqual(objectsOf(d, rejected), [offer]);
  assert.ok(modifiersOf(d, minister).includes(defiant));
  assert.equal(predicateOf(d, minister), rejected);
  assert.equal(governingVerb(d, offer), rejected);
  assert.equal(headOf(d, rejected), -1);
  assert.equal(isNegated(d, rejected), false);
});

test('possessive object: "Critics slammed Kestria\'s proposal."', () => {
  const d = doc("Critics slammed Kestria's proposal.");
  const [critics, slammed, kestria, proposal] = ['Critics', 'slammed', 'Kestria', 'proposal'].map((w) => tok(d, w));
  assert.equal(subjectOf(d, slammed), critics);
  assert.deepEqual(objectsOf(d, slammed), [proposal]);
  assert.equal(labelOf(d, kestria), 'nmod:poss');
  assert.ok(modifiersOf(d, proposal).includes(kestria));
});

test('passive: "Talks were praised by the mediator."', () => {
  const d = doc('Talks were praised by the mediator.');
  const [talks, praised, mediator] = ['Talks', 'praised', 'mediator'].map((w) => tok(d, w));
  assert.equal(labelOf(d, talks), 'nsubj:pass');
  assert.equal(subjectOf(d, praised), talks);
  assert.ok(isPassive(d, praised));
  assert.equal(agentOf(d, praised), mediator);
  assert.deepEqual(objectsOf(d, praised), []);
});

test('apposition: "The envoy, a seasoned diplomat, arrived."', () => {
  const d = doc('The envoy, a seasoned diplomat, arrived.');
  const [envoy, seasoned, diplomat, arrived] = ['envoy', 'seasoned', 'diplomat', 'arrived'].map((w) => tok(d, w));
  assert.equal(headOf(d, diplomat), envoy);
  assert.equal(labelOf(d, diplomat), 'appos');
  assert.equal(subjectOf(d, arrived), envoy);
  assert.ok(modifiersOf(d, envoy).includes(diplomat));
  assert.equal(headOf(d, seasoned), diplomat);
});

test('negation: "Ruiz did not oppose the plan."', () => {
  const d = doc('Ruiz did not oppose the plan.');
  const [ruiz, not, oppose, plan] = ['Ruiz', 'not', 'oppose', 'plan'].map((w) => tok(d, w));
  assert.equal(headOf(d, not), oppose);
  assert.ok(isNegated(d, oppose));
  assert.equal(subjectOf(d, oppose), ruiz);
  assert.deepEqual(objectsOf(d, oppose), [plan]);
  assert.ok(!isNegated(d, ruiz));
});

test('a Doc is parsed once: parseDoc and parseSentence share the cached parse', () => {
  const d = doc('The envoy arrived. Talks resumed on Monday.');
  const whole = parseDoc(d);
  assert.equal(whole, parseDoc(d));
  const second = parseSentence(d, 1);
  assert.equal(second.firstToken, d.sentences[1].firstToken);
  assert.equal(second.heads.length, d.sentences[1].endToken - d.sentences[1].firstToken);
  for (let i = 0; i < second.heads.length; i++) assert.equal(second.heads[i], whole.heads[second.firstToken + i]);
  // Every head stays inside its sentence, and each sentence has one root.
  for (let s = 0; s < d.sentences.length; s++) {
    const { firstToken, endToken } = d.sentences[s];
    let roots = 0;
    for (let i = firstToken; i < endToken; i++) {
      const h = whole.heads[i];
      if (h === -1) roots++;
      else assert.ok(h >= firstToken && h < endToken);
    }
    assert.equal(roots, 1);
  }
});

// The helpers on trees built by hand, so that their logic is tested apart from the model.

test('subjectOf follows coordination, control and relative pronouns', () => {
  // Russia refused to sign and threatened sanctions .
  const d = doc('Russia refused to sign and threatened sanctions.');
  setSentenceParse(d, 0, [1, -1, 3, 1, 5, 1, 5, 1], ['nsubj', 'root', 'mark', 'xcomp', 'cc', 'conj', 'obj', 'punct']);
  const [russia, sign, threatened, sanctions] = ['Russia', 'sign', 'threatened', 'sanctions'].map((w) => tok(d, w));
  assert.equal(subjectOf(d, sign), russia, 'the controller of an infinitive is the subject of its verb');
  assert.equal(subjectOf(d, threatened), russia, 'the second verb of a coordination shares the subject');
  assert.deepEqual(objectsOf(d, threatened), [sanctions]);

  // Ankara urged Karsia to withdraw .
  const d2 = doc('Ankara urged Karsia to withdraw.');
  setSentenceParse(d2, 0, [1, -1, 1, 4, 1, 1], ['nsubj', 'root', 'obj', 'mark', 'xcomp', 'punct']);
  assert.equal(subjectOf(d2, tok(d2, 'withdraw')), tok(d2, 'Karsia'), 'with an object, the object controls');

  // The minister , who resigned , spoke .
  const d3 = doc('The minister, who resigned, spoke.');
  setSentenceParse(d3, 0, [1, 6, 4, 4, 1, 4, -1, 6], ['det', 'nsubj', 'punct', 'nsubj', 'acl:relcl', 'punct', 'root', 'punct']);
  assert.equal(subjectOf(d3, tok(d3, 'resigned')), tok(d3, 'minister'), '"who" stands for the noun the clause modifies');
  assert.equal(subjectOf(d3, tok(d3, 'spoke')), tok(d3, 'minister'));
  assert.equal(governingVerb(d3, tok(d3, 'who')), tok(d3, 'resigned'));
});

test('objects and modifiers include coordinated words; predicates of coordinated subjects', () => {
  // Ruiz and Ortiz were furious and rejected the offer and the plan .
  const d = doc('The bold and reckless envoy and his aide rejected the offer and the plan.');
  // The(0) bold(1) and(2) reckless(3) envoy(4) and(5) his(6) aide(7) rejected(8) the(9) offer(10) and(11) the(12) plan(13) .(14)
  setSentenceParse(
    d,
    0,
    [4, 4, 3, 1, 8, 7, 7, 4, -1, 10, 8, 13, 13, 10, 8],
    ['det', 'amod', 'cc', 'conj', 'nsubj', 'cc', 'nmod:poss', 'conj', 'root', 'det', 'obj', 'cc', 'det', 'conj', 'punct'],
  );
  const [bold, reckless, envoy, aide, rejected, offer, plan] = ['bold', 'reckless', 'envoy', 'aide', 'rejected', 'offer', 'plan'].map((w) => tok(d, w));
  assert.deepEqual(objectsOf(d, rejected), [offer, plan]);
  assert.deepEqual(modifiersOf(d, envoy), [bold, reckless]);
  assert.equal(predicateOf(d, aide), rejected);
  assert.deepEqual(childrenOf(d, rejected, ['nsubj']), [envoy]);
});

test('isNegated reads never and cannot; agentOf needs a passive or an obl:agent', () => {
  const d = doc('Kestria never signed.');
  setSentenceParse(d, 0, [2, 2, -1, 2], ['nsubj', 'advmod', 'root', 'punct']);
  assert.ok(isNegated(d, tok(d, 'signed')));
  const d2 = doc('Kestria cannot sign.');
  setSentenceParse(d2, 0, [2, 2, -1, 2], ['nsubj', 'aux', 'root', 'punct']);
  assert.ok(isNegated(d2, tok(d2, 'sign')));
  // Talks ended by Friday . — "by" without a passive is not an agent.
  const d3 = doc('Talks ended by Friday.');
  setSentenceParse(d3, 0, [1, -1, 3, 1, 1], ['nsubj', 'root', 'case', 'obl', 'punct']);
  assert.equal(agentOf(d3, tok(d3, 'ended')), -1);
  // Talks were praised by Ruiz . — labelled plain obl, still the agent of a passive.
  const d4 = doc('Talks were praised by Ruiz.');
  setSentenceParse(d4, 0, [2, 2, -1, 4, 2, 2], ['nsubj:pass', 'aux:pass', 'root', 'case', 'obl', 'punct']);
  assert.equal(agentOf(d4, tok(d4, 'praised')), tok(d4, 'Ruiz'));
});

test('governingVerb climbs to the nearest verb or copular predicate', () => {
  // The minister was furious about the offer .
  const d = doc('The minister was furious about the offer.');
  setSentenceParse(d, 0, [1, 3, 3, -1, 6, 6, 3, 3], ['det', 'nsubj', 'cop', 'root', 'case', 'det', 'obl', 'punct']);
  assert.equal(governingVerb(d, tok(d, 'offer')), tok(d, 'furious'));
  assert.equal(predicateOf(d, tok(d, 'minister')), tok(d, 'furious'));
  assert.equal(subjectOf(d, tok(d, 'furious')), tok(d, 'minister'));
  assert.equal(governingVerb(d, tok(d, 'furious')), -1);
});
