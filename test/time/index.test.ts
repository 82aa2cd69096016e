import test from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../../src/text/doc.js';
import { annotateTimes, toTimeExpressions } from '../../src/time/index.js';
import { article } from './helpers.js';

test('every expression is a stand-off span of the unchanged text', () => {
  const text = 'Erdoğan’s envoy said on Tuesday, 3 June, that a 60-day truce begins tomorrow at 09:15 CEST.\n\n“We meet every week,” he said.';
  const docs = [buildDoc(article('a', text, '2025-06-02T08:00:00+03:00'))];
  const { articles, times } = annotateTimes(docs);
  assert.equal(articles[0].text, text);
  assert.ok(times[0].length >= 5);
  for (const t of times[0]) assert.equal(text.slice(t.start, t.end), t.text);
  const out = toTimeExpressions(docs, times);
  assert.equal(out.length, times[0].length);
  for (const e of out) {
    assert.equal(e.article, 'a');
    assert.equal(text.slice(e.start, e.end), e.text);
    assert.ok(e.type);
  }
});

test('bad input does not crash the batch', () => {
  const docs = [
    buildDoc(article('empty', '', null)),
    buildDoc(article('junk', '2025-13-45 99:99 ////// \u0000 May May May', 'not a date')),
    buildDoc(article('ok', 'They met on 2 June 2025.', null)),
  ];
  const r = annotateTimes(docs);
  assert.equal(r.times.length, 3);
  assert.deepEqual(r.times[0], []);
  assert.equal(r.times[2][0].value, '2025-06-02');
});
