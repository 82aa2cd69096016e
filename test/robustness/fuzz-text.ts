// Seeded random article texts for the fuzz test and `bench:pipeline -- --fuzz N`: built from the
// pieces that trip stages up (quote marks of every style, dates and weekdays, titles and names
// with diacritics, conditions, numbers, line breaks, astral characters).

export const PIECES = [
  // quote marks, balanced or not
  '“', '”', '"', '‘', '’', "'", '«', '»', '„', '‹', '›', '“We will not sign,”', '"Never," ', '‘open to’', '« non »',
  // reporting
  'said', 'told reporters', 'added', 'according to', 'stated', 'wrote on X', 'insisted', 'denied',
  // people, titles, places, groups
  'Foreign Minister', 'President', 'Ayşe Demirağ', 'Demirağ', 'Tomáš Šebestík', 'Šebestík', 'Sefcovic', 'Ines Wüthrich',
  'Mr.', 'Dr.', 'the Turkish leader', 'the G7 ministers', 'the African Union', 'Valdoria', 'Kesmet', 'Orsava', 'NATO', 'U.N.',
  'Valdoria’s', 'Kesmet\'s', 'she', 'he', 'they', 'a senior official', 'two people familiar with the talks',
  // time
  'on Monday', 'Tuesday evening', 'last week', 'next month', 'in 2014', 'since 1989', '3 June 2025', 'June 3, 2025',
  '09:15 CEST', '9pm', 'a 60-day truce', 'two years ago', 'tomorrow', 'Monday’s session', 'early 2020', '31 February',
  // negotiation
  'would sign', 'only if', 'provided that', 'unless', 'as a precondition for', 'or face', 'ceasefire', 'sanctions',
  'prisoner exchange', 'troop withdrawal', 'rejected', 'offered', 'demanded', 'agreed', 'threatened', 'no truce before',
  // numbers and punctuation
  '40', '25', '1,200', '30 km', '$5bn', '50%', '.', ',', ';', ':', '—', '–', '(', ')', '...', '…', '?', '!', '-',
  // layout and odd characters
  '\n', '\n\n', '\r\n', '\t', ' ', '\u00A0', '\u200B', '🕊️', '🇺🇳', '𝐃', 'é', 'ğ', '<b>', '&amp;', 'http://example.org/a?b=c',
];

/** mulberry32: a small seeded generator, so every run builds the same texts. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomText(seed: number): string {
  const next = random(seed);
  const length = 40 + Math.floor(next() * 260);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    const piece = PIECES[Math.floor(next() * PIECES.length)];
    // Glue some pieces without a space, as quote marks and punctuation usually are.
    words.push(next() < 0.3 ? piece : ` ${piece}`);
  }
  return words.join('');
}
