// The usual JavaScript NLP stack, as bench:speed's peer: compromise's people, organisations and
// places and chrono-node's dates over each document of a folder, written to a trivial JSON file.
// Usage: node bench/peers/compromise-chrono.mjs <dir> <out.json>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import * as chrono from 'chrono-node';

const [dir, out] = process.argv.slice(2);
const docs = [];
for (const name of readdirSync(dir).sort()) {
  const text = readFileSync(join(dir, name), 'utf8');
  const doc = nlp(text);
  docs.push({
    name,
    people: doc.people().out('array'),
    organizations: doc.organizations().out('array'),
    places: doc.places().out('array'),
    dates: chrono.parse(text).map((d) => [d.index, d.text, d.start.date().toISOString()]),
  });
}
writeFileSync(out, JSON.stringify(docs));
