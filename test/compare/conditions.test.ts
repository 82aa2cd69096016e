import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionReports, conditions } from '../../src/compare/conditions.js';
import { runDetector } from '../../src/compare/claims.js';
import { article, briefOf, context } from './helpers.js';

test('the same refusal on a different condition (a town vs the whole region) is a discrepancy', () => {
  const a = article('a', 'Foreign Minister Leyla Sahin has said there can be no truce before Velarian forces withdraw from Dobrec, the town at the centre of the Halvani dispute.');
  const b = article('b', 'Its foreign minister, Leyla Sahin, has told the mediator there will be no truce until Velarian troops leave the whole of the Halvani region, not just the town of Dobrec.');
  const found = runDetector(conditions, context(briefOf([a, b])).ctx);
  assert.equal(found.length, 1);
  assert.match(found[0].topic, /Sahin/);
});

test('one condition in other words, or two actors with opposite conditions, is not', () => {
  const a = article('a', 'Tallis would not reopen the channel unless Osmera pulled its warships out of the strait.');
  const b = article('b', 'Tallis said it would reopen the channel only if Osmera withdrew its warships from the strait.');
  assert.equal(runDetector(conditions, context(briefOf([a, b])).ctx).length, 0);
  const c = article('c', 'Kostova offered a 30-day truce, but only if monitors were deployed first.');
  const d = article('d', 'Sahin insisted there will be no truce before Velarian troops pull out of Dobrec.');
  assert.equal(runDetector(conditions, context(briefOf([c, d])).ctx).length, 0);
});

test('a trailing attribution is not part of the condition', () => {
  const a = article('a', 'It will only begin returns if Tessmark guarantees an amnesty for deserters, Interior Minister Piotr Halas said.');
  const { ctx } = context(briefOf([a]));
  const reports = conditionReports(ctx);
  assert.equal(reports.length, 1);
  assert.equal(reports[0].condition.text, 'Tessmark guarantees an amnesty for deserters');
});
