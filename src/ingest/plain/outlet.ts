// The outlet named in a page copy's chrome: "© 2025 The Harbour Courier", "More from The Harbour Courier".

const COPYRIGHT = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*([\p{Lu}][\p{L}&'’. -]{1,60}?)(?:\s*[.,|]|\s+\d{4}\b|\s+all rights|\s+(?:ltd|inc|llc|limited|company|co|corporation|group|plc|gmbh)\b|$)/iu;
const MORE_FROM = /^[Mm]ore (?:from|stories from)\s+([\p{Lu}][\p{L}&'’. -]{1,60}?)\s*$/u;

export function findOutlet(lines: string[]): string | null {
  for (const line of lines) {
    const m = COPYRIGHT.exec(line.trim()) ?? MORE_FROM.exec(line.trim());
    if (m) {
      const name = m[1].trim().replace(/[.\s]+$/, '');
      if (name.split(/\s+/).length <= 6 && !/^(?:all|the author|the authors|author)$/i.test(name)) return name;
    }
  }
  return null;
}
