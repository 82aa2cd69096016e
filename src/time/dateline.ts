// Datelines: "KYIV, June 2 (Reuters) -", "GENEVA, 3 June 2025 —". The date there is when the
// piece was filed, not a happening: publication inference reads it, the timeline leaves it out.

/** Length of a dateline opening a sentence ("KYIV, June 3 (Reuters) - "), else 0. */
export function datelinePrefix(sentence: string): number {
  const m = /^\p{Lu}[\p{L}.'’ -]{1,40}(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30})?,\s*[^\n()–—-]{3,30}?(?:\s*\([^)]{1,40}\))?\s*[-–—]\s+/u.exec(sentence);
  return m ? m[0].length : 0;
}

/** Is the date at [start, end) the date of a dateline at the head of its line? */
export function isDatelineDate(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const head = text.slice(lineStart, start);
  const tail = text.slice(end, end + 40);
  return /^\s*\p{Lu}[\p{L}.'’ -]{1,40}(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30})?,\s*$/u.test(head) && /^\s*(?:\([^)]{1,40}\)\s*)?[-–—:]/.test(tail);
}
