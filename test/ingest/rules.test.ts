// The page-copy rule units, one by one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateline, zoneOffset } from '../../src/ingest/plain/dateline.js';
import { stampKind } from '../../src/ingest/plain/stamps.js';
import { parseBioLine, parseByLine, parseWritesLine, cleanAuthorList } from '../../src/ingest/plain/byline.js';
import { chromeKind, isShareRow } from '../../src/ingest/plain/chrome.js';
import { isCaption } from '../../src/ingest/plain/caption.js';
import { isDateOnlyLine } from '../../src/ingest/plain/dateonly.js';
import { toLines, isProse, isHeadlineLike } from '../../src/ingest/plain/lines.js';
import { findOutlet } from '../../src/ingest/plain/outlet.js';
import { findHeadline } from '../../src/ingest/plain/headline.js';
import { filterBody } from '../../src/ingest/plain/body.js';
import { classify } from '../../src/ingest/plain/index.js';
import { normalizeDate } from '../../src/ingest/dates.js';

test('datelines in several house styles, zones kept as offsets', () => {
  const cases: [string, string][] = [
    ['Tuesday 3 June 2025 09:15 CEST', '2025-06-03T09:15+02:00'],
    ['June 3, 2025, 6:02 p.m. ET', '2025-06-03T18:02-04:00'],
    ['Dec. 2, 2025 9:05 AM ET', '2025-12-02T09:05-05:00'],
    ['Published: 3 June 2025 at 14:30 GMT', '2025-06-03T14:30+00:00'],
    ['3rd of June 2025, 08:00 (UTC+3)', '2025-06-03T08:00+03:00'],
    ['2025-06-03 09:15', '2025-06-03T09:15'],
    ['03.06.2025', '2025-06-03'],
    ['Posted Jun 3, 2025', '2025-06-03'],
    ['By Jane Doe | 3 June 2025', '2025-06-03'],
  ];
  for (const [line, iso] of cases) assert.equal(parseDateline(line)?.iso, iso, line);
  assert.equal(parseDateline('Published: 3 June 2025')?.marked, true);
  assert.equal(parseDateline('Tuesday 3 June 2025')?.marked, false);
});

test('dateline traps: today stamps, update times, copyright years, impossible dates', () => {
  for (const line of [
    'Today: Thursday 5 June 2025',
    "Today's date: 5 June 2025",
    'Updated: Wednesday 4 June 2025 14:02 CEST',
    'Last updated June 5, 2025 at 11:00 a.m. ET',
    '© 2025 The Harbour Courier',
    'Copyright 3 June 2025',
    '31 June 2025',
    'Feb 30, 2024',
  ]) {
    assert.equal(parseDateline(line), null, line);
  }
  assert.equal(parseDateline('Published 3 June 2025, updated 4 June 2025')?.iso, '2025-06-03');
});

test('US zones follow daylight saving; numeric offsets pass through', () => {
  assert.equal(zoneOffset('ET', 2025, 3, 8), '-05:00');
  assert.equal(zoneOffset('ET', 2025, 3, 9), '-04:00');
  assert.equal(zoneOffset('PT', 2025, 11, 2), '-08:00');
  assert.equal(zoneOffset('GMT+5:30', 2025, 1, 1), '+05:30');
  assert.equal(zoneOffset('Reuters', 2025, 1, 1), null);
});

test('machine dates from metadata keep their offset', () => {
  assert.equal(normalizeDate('2025-06-03T09:15:00.000+0200'), '2025-06-03T09:15:00+02:00');
  assert.equal(normalizeDate('2025-06-03'), '2025-06-03');
  assert.equal(normalizeDate('Tue, 03 Jun 2025 07:15:00 GMT'), '2025-06-03T07:15:00Z');
  assert.equal(normalizeDate('June 3'), null);
  assert.equal(normalizeDate('2025-13-03'), null);
});

test('stamps are short dated lines; a sentence starting "Today" is not one', () => {
  assert.equal(stampKind('Today: Thursday 5 June 2025'), 'today');
  assert.equal(stampKind('Updated 2 hours ago'), 'updated');
  assert.equal(stampKind('| UPDATED: 11:05, Tue, Nov 19, 2019'), 'updated');
  assert.equal(stampKind('Today the two sides met again in Lisvaro and agreed on an agenda for 2025.'), null);
  assert.equal(stampKind('Updated figures were not available.'), null);
});

test('bylines: "By …", "writes …", closing biography', () => {
  assert.deepEqual(parseByLine('By Marta Kovalenko, Diplomatic Correspondent'), ['Marta Kovalenko']);
  assert.deepEqual(parseByLine('By PRIYA NATARAJAN and LUIS ORTEGA'), ['Priya Natarajan', 'Luis Ortega']);
  assert.deepEqual(parseByLine('Words by Ana Duarte in Lisvaro'), ['Ana Duarte']);
  assert.equal(parseByLine('By the end of the day, negotiators had agreed nothing. Officials left the building.'), null);
  assert.equal(parseWritesLine('A bad truce would reward aggression, writes Helena Osei'), 'Helena Osei');
  assert.equal(parseBioLine('Helena Osei is a senior fellow at the Institute for Northern Security.'), 'Helena Osei');
  assert.equal(parseBioLine('Tomas Reinholt is the envoy who walked out of the talks.'), null);
  assert.deepEqual(cleanAuthorList(['Jane Doe, john@x.example', 'Jane Doe']), ['Jane Doe']);
});

test('chrome lines by kind; article sentences are not chrome', () => {
  const cases: [string, string | null][] = [
    ['Skip to main content', 'navigation'],
    ['Sign up for our newsletter', 'prompt'],
    ['Turn on notifications to get breaking news alerts', 'prompt'],
    ['Share on WhatsApp', 'share'],
    ['Listen · 4:12 min', 'share'],
    ['Comments (34)', 'comments'],
    ['Join the conversation', 'comments'],
    ['Advertisement', 'ads'],
    ['Story continues below advertisement', 'ads'],
    ['More from The Harbour Courier', 'teaserHeader'],
    ['You may also like...', 'teaserHeader'],
    ['Read more: Why the April round collapsed', 'inlineTeaser'],
    ['Topics: Diplomacy, Ceasefire', 'tail'],
    ['© 2025 The Harbour Courier. All rights reserved.', 'tail'],
    ['Email: marta.kovalenko@courier.example', 'tail'],
    ['Mediators said they would sign up both delegations for a second round of talks next week in Lisvaro.', null],
    ['The newsletter, which officials circulated on Monday, listed the demands of both sides in full detail, from prisoners to grain.', null],
    ['— Ilse Varga (@IlseVarga) June 3, 2025', null],
  ];
  for (const [line, kind] of cases) assert.equal(chromeKind(line), kind, line);
  assert.equal(isShareRow('Whatsapp Facebook Pint Baixar'), true);
  assert.equal(isShareRow('Facebook said on Monday'), false);
});

test('captions and credits', () => {
  assert.ok(isCaption('Delegates arrive at the Palais Ferrand. Photo: Ana Duarte/Reuters'));
  assert.ok(isCaption('Image source, Getty Images'));
  assert.ok(isCaption('Tomas Reinholt arriving on Monday.Credit...Jon Varo for Metro Daily'));
  assert.ok(isCaption('(Photo by Ana Duarte/AFP via Getty Images)'));
  assert.ok(isCaption('© Reuters'));
  assert.ok(!isCaption('Reuters reported on Monday that the talks had stalled over the question of monitors.'));
});

test('date-only lines in any language; sentences with a year are kept', () => {
  assert.ok(isDateOnlyLine('PUBLISHED: 10:48, Tue, Nov 19, 2019'));
  assert.ok(isDateOnlyLine('Posted Nov 19, 6:51 AM'));
  assert.ok(isDateOnlyLine('segunda-feira, 22 de janeiro de 2018 às 0:13'));
  assert.ok(!isDateOnlyLine('Talks began in 2019.'));
  assert.ok(!isDateOnlyLine('The deadline is 30 June 2025, officials said.'));
});

test('lines: hard-wrapped paragraphs are joined, page-copy lines are not', () => {
  const wrapped = [
    'Negotiators from Dravenia and the Ostmark Federation resumed talks on',
    'Tuesday after a four-week pause, exchanging written proposals on prisoner',
    'swaps and a monitored buffer zone, officials said in a statement.',
    '',
    'The two delegations, led by Foreign Minister Ilse Varga and the envoy',
    'Tomas Reinholt, met behind closed doors for six hours in the old palace',
    'and agreed to meet again next week, according to the mediators.',
  ].join('\n');
  assert.equal(toLines(wrapped).length, 2);
  assert.equal(toLines('Home\nWorld\nPolitics\n\nA headline here').length, 4);
});

test('prose and headline shapes', () => {
  assert.ok(isProse('Negotiators met for six hours on Tuesday and agreed to meet again.'));
  assert.ok(!isProse('Ceasefire talks resume in Lisvaro'));
  assert.ok(isHeadlineLike('Ceasefire talks resume in Lisvaro'));
  assert.ok(!isHeadlineLike('Sign in.'));
});

test('outlet from the copyright line or a "More from" header', () => {
  assert.equal(findOutlet(['Home', '© 2025 The Harbour Courier. All rights reserved.']), 'The Harbour Courier');
  assert.equal(findOutlet(['More from Baltic Wire']), 'Baltic Wire');
  assert.equal(findOutlet(['Copyright 2019–2025 Northern Ledger Ltd']), 'Northern Ledger');
  assert.equal(findOutlet(['Nothing here']), null);
});

test('headline: the title-shaped line above the byline, over a standfirst', () => {
  const lines = [
    { text: 'World | Diplomacy', claimed: false },
    { text: 'Ceasefire talks resume in Lisvaro', claimed: false },
    { text: 'Negotiators met for six hours on Tuesday while the mediators waited outside the hall', claimed: false },
    { text: 'By Marta Kovalenko', claimed: true },
  ];
  assert.equal(findHeadline(lines, 4, 3), 1);
  assert.equal(findHeadline([{ text: 'Ceasefire talks resume', claimed: false }], 1, -1), 0);
});

test('teaser sections: headline–blurb pairs dropped, the article resumes after bare headlines', () => {
  const lines = [
    'The talks resumed on Tuesday after a pause of a month, officials in both capitals said.',
    'More from the Courier',
    'Grain prices fall as lanes reopen',
    'Traders welcomed the news.',
    'Most Read',
    'Storm hits the coast',
    'Markets rally on trade hopes',
    'Mediators proposed a buffer zone patrolled by neutral monitors.',
  ];
  const kinds = lines.map(classify);
  const keep = lines.map(() => false);
  filterBody(lines, kinds, 0, keep, []);
  assert.deepEqual(
    lines.filter((_, i) => keep[i]),
    [lines[0], lines[7]],
  );
});

test('the masthead date of the day above the headline is not the publication date', async () => {
  const { cleanPageCopy } = await import('../../src/ingest/plain/index.js');
  const copy = cleanPageCopy(
    ['The Courier', 'Home', 'World', 'Friday, June 6, 2025', "Today's Paper", 'World', 'Envoys trade proposals in Lisvaro talks', 'By Jane Doe',
      'Negotiators from Dravenia and Ostmark resumed talks on Tuesday after a pause of four weeks, officials said.'].join('\n'),
  );
  assert.equal(copy.title, 'Envoys trade proposals in Lisvaro talks');
  assert.equal(copy.published, null);
  const kicker = cleanPageCopy(['Home', 'June 3, 2025', 'Envoys trade proposals in Lisvaro talks', 'Negotiators from Dravenia and Ostmark resumed talks on Tuesday after a pause of four weeks, officials said.'].join('\n'));
  assert.equal(kicker.published, '2025-06-03');
});

test('more chrome: gallery captions, agency/photographer credits, age notices, licensing links', () => {
  assert.ok(isCaption('[1/3] Envoy Tomas Reinholt speaks to the media in Lisvaro, June 3, 2025. Northwire/Ana Duarte'));
  assert.ok(isCaption('Item 1 of 3 Envoy Tomas Reinholt speaks to the media.'));
  assert.equal(chromeKind('This article is more than 1 year old'), 'prompt');
  assert.equal(chromeKind('Purchase Licensing Rights, opens new tab'), 'prompt');
  assert.equal(chromeKind('Reporting by Nadia Haddad in Lisvaro; Editing by Mark Oduya'), 'tail');
  assert.equal(chromeKind("The views expressed are the author's own."), 'tail');
});

test('promos in capitals are dropped from the body; capitalised subhead questions are kept', () => {
  const lines = [
    'The talks resumed on Tuesday after a pause of a month, officials in both capitals said.',
    "ENVOY 'PROUD' OF DELEGATION AS PRISONER LISTS ARE SWAPPED",
    'WHAT HAPPENS NEXT?',
    'Mediators proposed a buffer zone patrolled by neutral monitors.',
    'CLICK HERE TO GET THE COURIER APP',
  ];
  const kinds = lines.map(classify);
  const keep = lines.map(() => false);
  filterBody(lines, kinds, 0, keep, []);
  assert.deepEqual(lines.filter((_, i) => keep[i]), [lines[0], lines[2], lines[3]]);
});

test('clock-first datelines and agency bylines', () => {
  assert.equal(parseDateline('PUBLISHED: 10:48, Tue, Nov 19, 2019')?.iso, '2019-11-19T10:48');
  assert.equal(parseDateline('14:30 BST, 3 June 2025')?.iso, '2025-06-03T14:30+01:00');
  assert.equal(parseDateline('Tue 3 Jun 2025 09.15 BST')?.iso, '2025-06-03T09:15+01:00');
  assert.deepEqual(parseByLine('By Jane Doe and John Roe, Reuters'), ['Jane Doe', 'John Roe']);
  assert.deepEqual(cleanAuthorList(['Associated Press', 'AFP', 'Staff', 'Jane Doe']), ['Jane Doe']);
});

test('bylines without "By": name with role, name beside the dateline; masthead outlet', async () => {
  const { cleanPageCopy } = await import('../../src/ingest/plain/index.js');
  const body = 'Negotiators from Dravenia and Ostmark resumed talks on Tuesday after a pause of four weeks, officials said.';
  const a = cleanPageCopy(['THE HARBOUR COURIER', 'Home', 'Envoys trade proposals in Lisvaro talks', 'Marta Kovalenko', 'Diplomatic Correspondent', '3 June 2025', body].join('\n'));
  assert.deepEqual(a.authors, ['Marta Kovalenko']);
  assert.equal(a.outlet, 'The Harbour Courier');
  assert.equal(a.text, body);
  const b = cleanPageCopy(['Envoys trade proposals in Lisvaro talks', 'Marta Kovalenko | Europe editor', body].join('\n'));
  assert.deepEqual(b.authors, ['Marta Kovalenko']);
  const c = cleanPageCopy(['Envoys trade proposals in Lisvaro talks', 'Lisvaro Talks Resume', body].join('\n'));
  assert.deepEqual(c.authors, []);
});

test('Guardian- and BBC-style bylines: "Name in Place" by the dateline, name over a desk line', async () => {
  const { cleanPageCopy } = await import('../../src/ingest/plain/index.js');
  const body = 'Negotiators from Dravenia and Ostmark resumed talks on Tuesday after a pause of four weeks, officials said.';
  const g = cleanPageCopy(['Envoys trade proposals in Lisvaro talks', 'Marta Kovalenko in Lisvaro', 'Tue 3 Jun 2025 09.15 BST', 'Last modified on Tue 3 Jun 2025 14.02 BST', 'Share', body].join('\n'));
  assert.deepEqual(g.authors, ['Marta Kovalenko']);
  assert.equal(g.published, '2025-06-03T09:15+01:00');
  const b = cleanPageCopy(['Envoys trade proposals in Lisvaro talks', '3 June 2025', 'Share', 'Save', 'Marta Kovalenko', 'Courier News, Lisvaro', body].join('\n'));
  assert.deepEqual(b.authors, ['Marta Kovalenko']);
  assert.equal(b.text, body);
});

test('sharing nudges, JavaScript notices, affiliate notes, source credits', () => {
  assert.equal(chromeKind('Like this story? Share it with a friend!'), 'prompt');
  assert.equal(chromeKind('This slideshow requires JavaScript.'), 'prompt');
  assert.equal(chromeKind('Follow him on Twitter @jdoe.'), 'prompt');
  assert.equal(chromeKind('SOURCE: News agencies'), 'tail');
  assert.equal(chromeKind('Also on courier.example Envoys trade proposals in Lisvaro'), 'inlineTeaser');
  assert.equal(chromeKind('Sources said the talks would resume on Monday after a pause of a week.'), null);
});

test('a "Topics" header starts the page tail, so the tag list under it goes too', async () => {
  const { cleanPageCopy } = await import('../../src/ingest/plain/index.js');
  const body = 'Negotiators from Dravenia and Ostmark resumed talks on Tuesday after a pause of four weeks, officials said.';
  const copy = cleanPageCopy(['Envoys trade proposals in Lisvaro talks', 'By Jane Doe', body, 'Topics', 'Dravenia  Ostmark  Lisvaro talks  World news'].join('\n'));
  assert.equal(copy.text, body);
});

test('sentences opening with "By" stay article text', () => {
  assert.equal(parseByLine('By Tuesday, officials had agreed on a list of prisoners.'), null);
  assert.equal(parseByLine('By the end of the week, negotiators were tired'), null);
  assert.equal(classify('By Tuesday, officials had agreed on a list of prisoners to be exchanged.'), null);
  assert.deepEqual(parseByLine('By Maria de la Cruz'), ['Maria de la Cruz']);
});

test('short body sentences with a date are not date lines', () => {
  assert.equal(classify('On 3 June 2025, talks resumed.'), null);
  assert.equal(classify('Talks resumed on June 3, 2025 in Lisvaro.'), null);
  assert.equal(classify('Advertisement campaigns by both governments went on.'), null);
  assert.equal(classify('Published on 3 June 2025'), 'dateline');
  assert.equal(classify('By Jane Doe | 3 June 2025'), 'byline');
});

test('embedded-post attributions and prices are not date lines', () => {
  assert.equal(classify('— Ilse Varga (@IlseVarga) June 3, 2025'), null);
  assert.equal(classify('Get it at the market for 39.99'), null);
  assert.ok(!isDateOnlyLine('Tickets cost $67.77 each'));
});
