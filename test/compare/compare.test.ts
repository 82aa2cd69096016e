import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare } from '../../src/compare/index.js';
import { buildDoc } from '../../src/text/doc.js';
import { article, briefOf } from './helpers.js';

test('compare fills discrepancies, framing and every article’s kind from a whole brief', () => {
  const a = article('a', 'GENEVA (Reuters) - The defence ministry said Eastland fired 40 missiles at Dobrec on Sunday night. Eastland claimed the strike hit only military targets.');
  const b = article('b', 'Monitors counted 25 missiles fired at Dobrec on Sunday night, well below the ministry figure.');
  const brief = briefOf([a, b], {
    entities: [{ id: 'e', name: 'Eastland', type: 'organization', aliases: [], roles: [], mentions: [...a.text.matchAll(/Eastland/g)].map((m) => ({ article: 'a', start: m.index!, end: m.index! + 8 })) }],
  });
  const out = compare(brief, brief.articles.map(buildDoc));
  assert.equal(out.discrepancies.length, 1);
  for (const c of out.discrepancies[0].claims) assert.equal(brief.articles.find((x) => x.id === c.article)!.text.slice(c.start, c.end), c.text);
  // The cue is there whatever its confidence; whether it counts toward the tone is the model's call.
  const row = out.framing.find((f) => f.article === 'a' && f.entity === 'e');
  assert.ok(row?.cueSpans?.some((c) => c.text === 'claimed' && c.weight < 0 && typeof c.confidence === 'number'));
  assert.ok(out.discrepancies.every((d) => typeof d.confidence === 'number'));
  assert.deepEqual(Object.keys(out.kinds).sort(), ['a', 'b']);
});

test('empty, blank and odd articles do not break it', () => {
  const odd = [article('empty', ''), article('blank', '   \n\n  '), article('symbols', '«»“”"\'‘’ 40 — 25 — ; ; $ % 2026-13-45'), article('one', 'One.')];
  const brief = briefOf(odd, { times: [{ article: 'symbols', start: 0, end: 2, text: '«»', value: 'not-a-date', anchor: null }] });
  const out = compare(brief, brief.articles.map(buildDoc));
  assert.deepEqual(out.discrepancies, []);
  assert.equal(out.kinds.empty, null);
  assert.deepEqual(compare(briefOf([]), []), { discrepancies: [], framing: [], kinds: {} });
});
