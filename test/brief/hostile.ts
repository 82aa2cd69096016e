// A brief with hostile text in every field a renderer shows: the kind of thing a page copy, an
// outlet name or an author line can carry.
import type { Brief } from '../../src/types.js';

export const HOSTILE = [
  `<script>window.__parleyPwned='script';alert(1)</script>`,
  `<img src=x onerror="window.__parleyPwned='img';alert(2)">`,
  `"><svg onload=window.__parleyPwned='svg'>`,
  `</script><script>window.__parleyPwned='breakout'</script>`,
  `<a href="javascript:window.__parleyPwned='link'">x</a>`,
  `' onmouseover='window.__parleyPwned=1`,
  `<!-- \u2028\u2029 -->`,
];

export function hostileBrief(): Brief {
  const evil = HOSTILE.join(' ');
  const text = `Intro. ${evil} “We will ${evil} never sign,” said Ana ${evil}. Tail ${evil} 40 missiles.`;
  const q = text.indexOf('“');
  const qEnd = text.indexOf('”') + 1;
  const id = `a"><script>window.__parleyPwned='id'</script>`;
  return {
    schema: 'parley/brief@1',
    articles: [
      { id, source: evil, url: null, outlet: `Outlet ${evil}`, title: `Title ${evil}`, authors: [evil], published: '2026-05-12', publishedBasis: 'metadata', language: 'en', kind: 'news', text },
      { id: 'b', source: 'b', url: null, outlet: 'Other', title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text: `Other text ${evil} 25 missiles.` },
    ],
    entities: [{ id: 'e1', name: `Ana ${evil}`, type: 'person', aliases: [evil], roles: [evil], mentions: [{ article: id, start: 0, end: 5 }, { article: 'b', start: 0, end: 5 }] }],
    quotes: [{ id: 'q1', article: id, start: q, end: qEnd, text: text.slice(q + 1, qEnd - 1), speaker: 'e1', speakerText: evil, cue: evil, partial: false }],
    times: [{ article: id, start: 0, end: 5, text: 'Intro', value: '2026-05-12', anchor: 'absolute', type: 'DATE' }],
    events: [{ id: 'ev1', type: evil, mode: null, source: 'e1', target: null, date: '2026-05-12', location: null, text: evil, evidence: [{ article: id, start: 0, end: 5 }] }],
    positions: [{ actor: 'e1', issue: evil, stance: 'oppose', evidence: [{ article: id, start: 0, end: 5 }] }],
    conditions: [{ actor: 'e1', commitment: evil, condition: evil, evidence: [{ article: id, start: 0, end: 5 }] }],
    discrepancies: [
      {
        topic: `number ${evil}`,
        claims: [
          { article: id, start: 0, end: text.length, text },
          { article: 'b', start: 0, end: 5, text: 'Other' },
        ],
        explanation: evil,
      },
    ],
    framing: [{ article: id, entity: 'e1', tone: -0.4, mentions: 3, cues: [evil] }],
    problems: [{ source: evil, message: evil }],
  };
}
