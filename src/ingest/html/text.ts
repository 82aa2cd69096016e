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
  const walk = (node: NodeLike, inPre: boolean) => {
    if (node.nodeType === 3) {
      const value = node.textContent ?? '';
      line += inPre ? value : value.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      line += '\n';
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    if (CELL.has(name)) line += ' ';
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i], inPre || name === 'PRE');
    if (CELL.has(name)) line += ' ';
    if (block) flush();
  };
  walk(root, false);
  flush();
  return blocks.join('\n\n');
}
