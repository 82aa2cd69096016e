// Writing brief.md and brief.html is linear in the brief's size: twice the articles (and so about
// twice the items) costs at most about twice the work. Work is counted in executed blocks of our
// own code (ops.ts), not timed, so the test does not depend on the machine or its load;
// `npm run bench:speed` times the same briefs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// Counting must start before the code it counts is loaded: the modules come in after it.
import { operations } from './ops.js';

const { buildStory } = await import('../../src/compare/story.js');
const { markdownChunks } = await import('../../src/brief/markdown.js');
const { htmlChunks } = await import('../../src/brief/html.js');
const { syntheticBrief } = await import('./synthetic.js');
type Brief = import('../../src/types.js').Brief;

const small = syntheticBrief(1000);
const large = syntheticBrief(2000);

const drain = (chunks: Iterable<string>) => {
  let n = 0;
  for (const c of chunks) n += c.length;
  return n;
};

const renderings: [string, (b: Brief) => unknown][] = [
  ['brief.md', (b) => drain(markdownChunks(b))],
  ['brief.html', (b) => drain(htmlChunks(b))],
  [
    'brief.md and brief.html from one story (as writeBrief does)',
    (b) => {
      const story = buildStory(b);
      return drain(markdownChunks(b, story)) + drain(htmlChunks(b, story));
    },
  ],
];

for (const [name, render] of renderings) {
  test(`${name}: 2,000 articles take at most 2.5 times the work of 1,000`, async (t) => {
    const a = await operations(() => render(small));
    const b = await operations(() => render(large));
    t.diagnostic(`${a} operations for 1,000 articles, ${b} for 2,000: ×${(b / a).toFixed(2)}`);
    assert.ok(b / a < 2.5, `${a} operations for 1,000 articles, ${b} for 2,000 (×${(b / a).toFixed(2)})`);
  });
}
