// CSV exports of a brief: quotes, positions, conditions and discrepancies, one item (one claim for
// discrepancies) per row, each row carrying the passage it came from. RFC 4180: CRLF line ends,
// a field in double quotes when it holds a comma, a quote or a line break, quotes doubled.
// Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, and
// article text is not ours to trust: such a text cell gets a leading apostrophe.
import type { Brief, Span } from '../types.js';

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Names and passages looked up from the brief. */
function lookups(brief: Brief) {
  const entities = new Map((brief.entities ?? []).map((e) => [e.id, e.name]));
  const articles = new Map(brief.articles.map((a) => [a.id, a]));
  const entity = (id: string | null | undefined) => (id ? (entities.get(id) ?? id) : null);
  const outlet = (id: string) => articles.get(id)?.outlet ?? id;
  const passage = (s: Span) => articles.get(s.article)?.text.slice(s.start, s.end) ?? '';
  const spans = (list: Span[]) => list.map((s) => `${s.article}:${s.start}-${s.end}`).join('; ');
  return { entity, outlet, passage, spans, article: (id: string) => articles.get(id) };
}

export function quotesCsv(brief: Brief): string {
  const l = lookups(brief);
  return toCsv(
    ['id', 'speaker', 'speaker_id', 'speaker_text', 'possible_speaker', 'speaker_confidence', 'cue', 'partial', 'quote', 'article', 'outlet', 'published', 'url', 'start', 'end', 'statement'],
    (brief.quotes ?? []).map((q) => [
      q.id,
      l.entity(q.speaker),
      q.speaker,
      q.speakerText,
      l.entity(q.possibleSpeaker),
      q.speakerConfidence,
      q.cue,
      q.partial,
      q.text,
      q.article,
      l.outlet(q.article),
      l.article(q.article)?.published,
      l.article(q.article)?.url,
      q.start,
      q.end,
      q.statement,
    ]),
  );
}

export function positionsCsv(brief: Brief): string {
  const l = lookups(brief);
  return toCsv(
    ['actor', 'actor_id', 'issue', 'stance', 'confidence', 'uncertain', 'evidence_count', 'first_article', 'first_outlet', 'first_attributed_by', 'first_passage', 'all_evidence'],
    (brief.positions ?? []).map((p) => [
      l.entity(p.actor),
      p.actor,
      p.issue,
      p.stance,
      p.confidence,
      p.uncertain ?? false,
      p.evidence.length,
      p.evidence[0]?.article,
      p.evidence[0] ? l.outlet(p.evidence[0].article) : null,
      p.attributedBy?.[0],
      p.evidence[0] ? l.passage(p.evidence[0]) : null,
      l.spans(p.evidence),
    ]),
  );
}

export function conditionsCsv(brief: Brief): string {
  const l = lookups(brief);
  return toCsv(
    ['actor', 'actor_id', 'commitment', 'condition', 'confidence', 'uncertain', 'evidence_count', 'first_article', 'first_outlet', 'first_passage', 'all_evidence'],
    (brief.conditions ?? []).map((c) => [
      l.entity(c.actor),
      c.actor,
      c.commitment,
      c.condition,
      c.confidence,
      c.uncertain ?? false,
      c.evidence.length,
      c.evidence[0]?.article,
      c.evidence[0] ? l.outlet(c.evidence[0].article) : null,
      c.evidence[0] ? l.passage(c.evidence[0]) : null,
      l.spans(c.evidence),
    ]),
  );
}

/** One row per claim, so every outlet's version sits on its own line with its passage. */
export function discrepanciesCsv(brief: Brief): string {
  const l = lookups(brief);
  return toCsv(
    ['discrepancy', 'topic', 'explanation', 'confidence', 'uncertain', 'article', 'outlet', 'published', 'claim', 'start', 'end'],
    (brief.discrepancies ?? []).flatMap((d, i) =>
      d.claims.map((c) => [i + 1, d.topic, d.explanation, d.confidence, d.uncertain ?? false, c.article, l.outlet(c.article), l.article(c.article)?.published, c.text, c.start, c.end]),
    ),
  );
}
