// Lines of a page copy, and the shape tests the other rules share.

/** Split a page copy into trimmed, non-empty lines, undoing hard wrapping when the file has it. */
export function toLines(text: string): string[] {
  const raw = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ');
  const blocks = raw.split(/\n[ ]*\n/);
  const allLines = raw.split('\n').map((l) => l.trim()).filter(Boolean);
  const blockLines = blocks.map((b) => b.split('\n').map((l) => l.trim()).filter(Boolean));
  const wrapped = isHardWrapped(allLines, blockLines);
  const out: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim()).filter(Boolean);
    if (wrapped) {
      let current = '';
      for (const line of lines) {
        if (current && !joinsNext(current, line)) {
          out.push(current);
          current = line;
        } else current = current ? `${current} ${line}` : line;
      }
      if (current) out.push(current);
    } else out.push(...lines);
  }
  return out;
}

/**
 * A file wrapped at a fixed width (e-mail, old wire copy): paragraphs of several lines whose
 * lines, all but the last, end near one column; no line much longer than that column.
 */
export function isHardWrapped(lines: string[], blocks?: string[][]): boolean {
  if (lines.length < 6 || Math.max(...lines.map((l) => l.length)) > 100) return false;
  const multi = (blocks ?? [lines]).filter((b) => b.length >= 2);
  if (multi.length === 0) return false;
  const wrappedBlocks = multi.filter((b) => b.slice(0, -1).every((l) => l.length >= 45 && l.length <= 100));
  return wrappedBlocks.length / multi.length >= 0.6;
}

/** Within a wrapped paragraph, a line continues unless it ends a sentence and is visibly short. */
function joinsNext(line: string, next: string): boolean {
  if (/^[\p{Ll}(,;]/u.test(next)) return true;
  return line.length >= 50 && !/[.!?。！？:"”’]$/.test(line);
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Words in a line; scripts written without spaces count about one word per two characters. */
export function wordCount(line: string): number {
  const cjk = (line.match(CJK) ?? []).length;
  const spaced = cjk ? line.replace(CJK, ' ') : line;
  return (spaced.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length + Math.ceil(cjk / 2);
}

/** Running text: a sentence of some length. Headlines, buttons and menu items are not. */
export function isProse(line: string): boolean {
  const words = wordCount(line);
  if (words >= 25) return true;
  return words >= 10 && /[.!?。！？…]["”’)\]」』]*$/.test(line) && (/\p{Ll}/u.test(line) || HAS_CJK.test(line));
}

/** Title-shaped: a handful of words, no closing full stop. */
export function isHeadlineLike(line: string): boolean {
  const words = wordCount(line);
  return words >= 3 && words <= 25 && !/[.:;,]$/.test(line) && /^[\p{Lu}\p{N}"“‘'']/u.test(line);
}

/** The form lines are compared in against word lists: lower case, no surrounding punctuation or counts. */
export function listKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/^[\s\p{P}\p{S}\d]+|[\s\p{P}\p{S}\d]+$/gu, '')
    .replace(/\s+/g, ' ');
}
