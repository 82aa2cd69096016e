// Lines that are nothing but a date or time with a label ("PUBLISHED: 10:48, Tue, Nov 19, 2019",
// "Posted Nov 19, 6:51 AM", "segunda-feira, 22 de janeiro de 2018 às 0:13"). They carry no
// sentence of the article, whatever language the label is in.

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const LABELS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|a\.?m|p\.?m|published|posted|updated?|last|modified|created|date|on|at|the|of|by|et|est|edt|cst|cdt|pst|pdt|gmt|utc|bst|cet|cest|eet|eest|ist|jst)\b\.?/gi;

const CLOCK = /\b(?:[01]?\d|2[0-3])[:.h][0-5]\d\b/;
const YEAR = /\b(?:19|20)\d{2}\b/;
const NUMERIC_DATE = /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/;
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`, 'i');

export function isDateOnlyLine(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean).length;
  if (words === 0 || words > 14) return false;
  // The attribution closing an embedded post ("— Jane Doe (@jdoe) June 3, 2025") is content.
  if (/^[—–-]/.test(line.trim()) || /\(@\w+\)/.test(line)) return false;
  const clock = CLOCK.test(line);
  const date = NUMERIC_DATE.test(line) || MONTH_DAY.test(line);
  // A clock time together with a date or year, in a short line: a timestamp in any language.
  if (clock && (date || YEAR.test(line)) && words <= 10 && !/[.!?]["”]?$/.test(line.replace(/\b[ap]\.m\.$/i, ''))) return true;
  if (!date && !(clock && YEAR.test(line))) return false;
  const rest = line
    .replace(LABELS, ' ')
    .replace(/[\p{N}\p{P}\p{S}]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 3);
  return rest.length <= 1;
}
