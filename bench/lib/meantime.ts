// Rebuilding a MEANTIME (CAT XML) document's text from its tokens, shared by the NER and time
// benchmarks. The join is deterministic, so gold offsets computed here are stable.

export interface MeantimeTokens {
  id: string;
  text: string;
  /** t_id → offsets in `text` and sentence number. */
  tokens: Map<string, { start: number; end: number; sentence: number }>;
  /** Start offset of each MEANTIME sentence. */
  sentenceStarts: number[];
}

const NO_SPACE_BEFORE = /^([.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^([([{$#])$/;

export function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The headline (sentence 0) and the dateline (sentence 1) on lines of their own, then the body
 * with single spaces except around punctuation. */
export function rebuildMeantimeText(xml: string, fallbackId: string): MeantimeTokens {
  const id = /doc_id="([^"]+)"/.exec(xml)?.[1] ?? fallbackId;
  const tokens = new Map<string, { start: number; end: number; sentence: number }>();
  const sentenceStarts: number[] = [];
  let text = '';
  let prevSentence = -1;
  let prevToken = '';
  const tokenRe = /<token number="\d+" sentence="(\d+)" t_id="(\d+)">([^<]*)<\/token>/g;
  for (let m = tokenRe.exec(xml); m; m = tokenRe.exec(xml)) {
    const sentence = Number(m[1]);
    const value = decodeXml(m[3]);
    if (text.length > 0) {
      if (sentence !== prevSentence && prevSentence <= 1) text += '\n';
      else if (!NO_SPACE_BEFORE.test(value) && !NO_SPACE_AFTER.test(prevToken)) text += ' ';
    }
    if (sentence !== prevSentence) sentenceStarts[sentence] = text.length;
    tokens.set(m[2], { start: text.length, end: text.length + value.length, sentence });
    text += value;
    prevSentence = sentence;
    prevToken = value;
  }
  return { id, text, tokens, sentenceStarts };
}
