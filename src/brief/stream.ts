// Writing a large brief without building any of its files as one string: brief.json, brief.md and
// brief.html are produced in chunks and written as they come, so memory holds about one section
// at a time, whatever the brief's size.
import { open } from 'node:fs/promises';

/** The text of JSON.stringify(value, null, 2) + "\n", in chunks: one per element of each
 * top-level array (the brief's sections), each stringified on its own. */
export function* jsonChunks(value: object): Generator<string> {
  const entries = Object.entries(value).filter(([, v]) => serialisable(v));
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{\n';
  for (let k = 0; k < entries.length; k++) {
    const [key, v] = entries[k];
    const comma = k < entries.length - 1 ? ',' : '';
    if (Array.isArray(v) && v.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let i = 0; i < v.length; i++) {
        const text = serialisable(v[i]) ? indent(JSON.stringify(v[i], null, 2), '    ') : 'null';
        yield `    ${text}${i < v.length - 1 ? ',' : ''}\n`;
      }
      yield `  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(v, null, 2), '  ')}${comma}\n`;
    }
  }
  yield '}\n';
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function serialisable(v: unknown): boolean {
  return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
}

/** Nested JSON text at a deeper level: JSON strings hold no raw line breaks, so every line break
 * is between values. */
function indent(json: string, by: string): string {
  return json.replace(/\n/g, `\n${by}`);
}

/** Write chunks to a file as they come, in writes of about a megabyte. */
export async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const file = await open(path, 'w');
  try {
    let pending: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) {
        await file.write(pending.join(''), null, 'utf8');
        pending = [];
        size = 0;
      }
    }
    if (pending.length > 0) await file.write(pending.join(''), null, 'utf8');
  } finally {
    await file.close();
  }
}
