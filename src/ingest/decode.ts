// Bytes → text: recognise binaries we cannot read, and decode text in the charset it declares.

export type Sniffed = { kind: 'binary'; what: string } | { kind: 'text' };

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or a Word/OpenDocument file)'],
  [[0x1f, 0x8b], 'a gzip-compressed file'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office document'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF binary)'],
  [[0x52, 0x49, 0x46, 0x46], 'a media file (RIFF)'],
];

/** Is this a text file? Checks known file signatures, then NUL and control bytes in the head. */
export function sniff(bytes: Uint8Array): Sniffed {
  for (const [sig, what] of MAGIC) {
    if (sig.every((b, i) => bytes[i] === b)) return { kind: 'binary', what };
  }
  const head = bytes.subarray(0, 8192);
  // UTF-16 text has NUL bytes but starts with a byte-order mark.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return { kind: 'text' };
  let control = 0;
  for (const b of head) {
    if (b === 0) return { kind: 'binary', what: 'a binary file' };
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (head.length > 0 && control / head.length > 0.05) return { kind: 'binary', what: 'a binary file' };
  return { kind: 'text' };
}

function charsetOf(bytes: Uint8Array, declared: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (declared) return declared;
  // A <meta charset> in the first few kilobytes of an HTML page.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1] : 'utf-8';
}

// Node's TextDecoder reads windows-1252 as ISO-8859-1, which turns curly quotes and dashes
// (0x80–0x9F) into control characters; map that range by hand.
const CP1252 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

/** Decode text bytes. Invalid UTF-8 falls back to windows-1252, the usual culprit. */
export function decodeText(bytes: Uint8Array, declaredCharset: string | null = null): string {
  let label = charsetOf(bytes, declaredCharset).toLowerCase();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    label = 'utf-8';
    decoder = new TextDecoder('utf-8');
  }
  if (label === 'utf-8' || label === 'utf8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      return decodeWindows1252(bytes);
    }
  }
  if (/^(?:windows-1252|cp1252|iso-8859-1|latin1|us-ascii|ascii)$/.test(label)) return decodeWindows1252(bytes);
  return decoder.decode(bytes).replace(/^\uFEFF/, '');
}

/** Does this text look like an HTML document rather than plain text? */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return /^(?:<!doctype html|<html[\s>]|<head[\s>]|<\?xml[^>]*>\s*<html)/.test(head) || (/<(?:body|article|p|div)[\s>]/.test(head) && /<\/(?:p|div|body)>/.test(text.slice(0, 65536)));
}
