// Turn a DOM subtree into plain text that keeps its structure: one paragraph per block element,
// separated by a blank line ("\n\n"), because the Doc splits paragraphs on line breaks and a
// textContent dump glues a heading and the next paragraph into one sentence.

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
  'CAPTION',
]);
const CELL = new Set(['TD', 'TH']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'HEAD', 'SELECT', 'OPTION', 'BUTTON']);

/** Minimal node shape shared by linkedom and the DOM lib types. */
export interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/** Plain text of `root`: blocks become paragraphs separated by "\n\n", <br> a line break. */
export function domToText(root: NodeLike): string {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const cleaned = line
      .split('\n')
      .map((l) => l.replace(/[ \t\f\v\u00a0\u200b]+/g, ' ').trim())
      .filter((l) => l !== '')
      .join('\n');
    if (cleaned !== '') blocks.push(cleaned);
    line = '';
  };
  // An explicit stack rather than recursion: hostile pages nest tens of thousands of elements.
  type Step = { node: NodeLike; inPre: boolean; exit?: string };
  const stack: Step[] = [{ node: root, inPre: false }];
  // Whether an element began or ended since the last text: two inline elements side by side with
  // no space between them ("<a>Ana Ruiz</a><a>Foreign Minister</a>" in a name card) would
  // otherwise glue two names into one word.
  let boundary = false;
  while (stack.length) {
    const { node, inPre, exit } = stack.pop()!;
    if (exit !== undefined) {
      boundary = true;
      if (CELL.has(exit)) line += ' ';
      if (BLOCK.has(exit)) flush();
      continue;
    }
    if (node.nodeType === 3) {
      const value = node.textContent ?? '';
      if (boundary && !inPre && /\p{Ll}$/u.test(line) && /^\p{Lu}\p{Ll}/u.test(value)) line += ' ';
      if (value !== '') boundary = false;
      line += inPre ? value : value.replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    boundary = true;
    if (name === 'BR') {
      line += '\n';
      continue;
    }
    if (BLOCK.has(name)) flush();
    if (CELL.has(name)) line += ' ';
    stack.push({ node, inPre, exit: name });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], inPre: inPre || name === 'PRE' });
  }
  flush();
  return blocks.join('\n\n');
}

/** Whether elements nest deeper than `limit` under `root` (stops as soon as they do). */
export function nestsDeeperThan(root: NodeLike, limit: number): boolean {
  const stack: [NodeLike, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i].nodeType === 1) stack.push([kids[i], depth + 1]);
  }
  return false;
}
