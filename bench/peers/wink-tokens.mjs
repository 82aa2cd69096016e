// wink-nlp tokenising alone (no other annotation in its pipe), as bench:speed's reference for the
// least work a reader of every word can do: each document of a folder read into tokens.
// Usage: node bench/peers/wink-tokens.mjs <dir> <out.json>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const [dir, out] = process.argv.slice(2);
const nlp = winkNLP(model, []);
const counts = [];
for (const name of readdirSync(dir).sort()) {
  const tokens = nlp.readDoc(readFileSync(join(dir, name), 'utf8')).tokens().out();
  counts.push([name, tokens.length]);
}
writeFileSync(out, JSON.stringify(counts));
