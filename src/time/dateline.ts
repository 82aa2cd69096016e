// Datelines: "KYIV, June 2 (Reuters) -", "GENEVA, 3 June 2025 —". The date there is when the
// piece was filed, not a happening: publication inference reads it, the timeline leaves it out.

/** Is the date at [start, end) the date of a dateline at the head of its line? */
export function isDatelineDate(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const head = text.slice(lineStart, start);
  const tail = text.slice(end, end + 40);
  return /^\s*\p{Lu}[\p{L}.'’ -]{1,40}(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30})?,\s*$/u.test(head) && /^\s*(?:\([^)]{1,40}\)\s*)?[-–—:]/.test(tail);
}
