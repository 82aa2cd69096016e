// Bylines that name an outlet, outlets beside the date, and headlines a page copy states as a
// sentence or as a labelled teaser: plain-text copies with a headline, a "By …" line and a date line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { organisationOf, readByline } from '../../src/ingest/plain/byline.js';
import { bioOutlet, datelineOutlet } from '../../src/ingest/plain/outlet.js';
import { parseCreditLine } from '../../src/ingest/plain/credits.js';
import { cleanPageCopy } from '../../src/ingest/plain/index.js';

const BODY = `Negotiators from Dravenia and the Ostmark Federation resumed ceasefire talks on Tuesday after a four-week pause, exchanging written proposals.

The two delegations met behind closed doors for six hours, and officials said a second round would follow next week in the same building.`;

const copy = (header: string) => cleanPageCopy(`${header}\n\n${BODY}\n`);

test('an organisation after ;, ,, |, a dash or "for" in a byline is the outlet, not an author', () => {
  assert.deepEqual(readByline('By Sofia Pereira-Lund; Continental Wire'), { authors: ['Sofia Pereira-Lund'], outlet: 'Continental Wire' });
  assert.deepEqual(readByline('By Jan Vos, Harbour Press Agency'), { authors: ['Jan Vos'], outlet: 'Harbour Press Agency' });
  assert.deepEqual(readByline('By Jan Vos | Lisvaro Radio'), { authors: ['Jan Vos'], outlet: 'Lisvaro Radio' });
  assert.deepEqual(readByline('By Jan Vos — The Harbour Times'), { authors: ['Jan Vos'], outlet: 'The Harbour Times' });
  assert.deepEqual(readByline('By Jan Vos for BBC News'), { authors: ['Jan Vos'], outlet: 'BBC News' });
  assert.deepEqual(readByline('By Jan Vos, writing for the Baltic Policy Review'), { authors: ['Jan Vos'], outlet: 'The Baltic Policy Review' });
  assert.deepEqual(readByline('By Jan Vos, TV7 News'), { authors: ['Jan Vos'], outlet: 'TV7 News' });
});

test('roles, desks and bureaus are neither authors nor outlets; people stay authors whatever their surname', () => {
  assert.deepEqual(readByline('By Marta Kovalenko, Diplomatic Correspondent'), { authors: ['Marta Kovalenko'], outlet: null });
  assert.deepEqual(readByline('By Clara Berg, Diplomatic Desk'), { authors: ['Clara Berg'], outlet: null });
  assert.deepEqual(readByline('By Daniel Mwari, Lisvaro Bureau'), { authors: ['Daniel Mwari'], outlet: null });
  assert.deepEqual(readByline('By Jane Post'), { authors: ['Jane Post'], outlet: null });
  assert.deepEqual(readByline('By Tom Daily and Ann Sun, Continental Wire'), { authors: ['Tom Daily', 'Ann Sun'], outlet: 'Continental Wire' });
  assert.deepEqual(readByline('By PRIYA NATARAJAN and LUIS ORTEGA'), { authors: ['Priya Natarajan', 'Luis Ortega'], outlet: null });
});

test('a newsroom or staff byline names the outlet; "reporting by" adds the reporter; "Staff Reporter" is a byline with no author', () => {
  assert.deepEqual(readByline('By Radio Lisvaro newsroom (reporting by Ana Duarte)'), { authors: ['Ana Duarte'], outlet: 'Radio Lisvaro' });
  assert.deepEqual(readByline('By Reuters staff'), { authors: [], outlet: 'Reuters' });
  assert.deepEqual(readByline('By Staff Reporter'), { authors: [], outlet: null });
  assert.deepEqual(readByline('By Baltic Wire, with additional reporting by Harbour Times staff'), { authors: [], outlet: 'Baltic Wire' });
  assert.deepEqual(readByline('By Lisvaro Today (Channel 4N), presenter Sam Oke, correspondent Ilse Marr'), { authors: ['Sam Oke', 'Ilse Marr'], outlet: 'Lisvaro Today' });
  // Sentences starting with "By" are no bylines.
  assert.equal(readByline('By the end of the day, negotiators had agreed nothing.'), null);
  assert.equal(organisationOf('Jun 3'), null);
});

test('markup in a copied byline: the names between the tags; markup alone still holds the byline place', () => {
  assert.deepEqual(readByline('By <a href="/authors/jane-doe">Jane Doe</a> | Jun 3'), { authors: ['Jane Doe'], outlet: null });
  assert.deepEqual(readByline('By <img src=x onerror="alert(1)">'), { authors: [], outlet: null });
  const c = copy('Talks <b>resume</b> in Lisvaro\nBy <img src=x onerror="alert(1)">\nGENEVA, Tuesday 12 May 2026');
  assert.equal(c.title, 'Talks <b>resume</b> in Lisvaro');
  assert.deepEqual(c.authors, []);
  assert.equal(c.outlet, null);
});

test('the outlet beside the date; a place in capitals is not one', () => {
  assert.equal(datelineOutlet('The Lisvaro Observer — Sunday, June 7, 2026'), 'The Lisvaro Observer');
  assert.equal(datelineOutlet('VELGRAD, Sept 2, 2026 (Velgrad News Agency)'), 'Velgrad News Agency');
  assert.equal(datelineOutlet('Harbour Times Online — 10 February 2026, 11:02'), 'Harbour Times Online');
  assert.equal(datelineOutlet('Northern Peace Monitor blog, Friday 19 June 2026'), 'Northern Peace Monitor');
  assert.equal(datelineOutlet('MIRNA, Thursday 22 October 2026'), null);
  assert.equal(datelineOutlet('Published Wednesday 16 September 2026, 19:40'), null);
  assert.equal(datelineOutlet('Broadcast Thursday 12 February 2026, 18:00'), null);
});

test('page copies: outlet from the byline or the date line (a republishing site names itself by the date)', () => {
  const a = copy('Corvania sets terms for refugee returns\nBy Sofia Pereira-Lund, Continental Wire\nMIRNA, Thursday 22 October 2026');
  assert.deepEqual([a.title, a.authors, a.outlet, a.published], ['Corvania sets terms for refugee returns', ['Sofia Pereira-Lund'], 'Continental Wire', '2026-10-22']);
  const b = copy('Osmera and Tallis start talks\nBy Continental Wire, with additional reporting by Harbour Times staff\nHarbour Times Online — 10 February 2026, 11:02');
  assert.deepEqual([b.title, b.authors, b.outlet], ['Osmera and Tallis start talks', [], 'Harbour Times Online']);
  const c = copy('PEACE AT LAST: accord signed in Port Selene\nBy Staff Reporter\nThe Ventria Standard, 16 June 2026');
  assert.deepEqual([c.title, c.authors, c.outlet, c.published], ['PEACE AT LAST: accord signed in Port Selene', [], 'The Ventria Standard', '2026-06-16']);
  const d = copy('Three things to watch after the accord\nBy Dr. Farida Osei\nSouthern Peace Monitor blog, Friday 19 June 2026');
  assert.deepEqual([d.authors, d.outlet, d.published], [['Farida Osei'], 'Southern Peace Monitor', '2026-06-19']);
  const e = copy('Mediators press both sides as death toll confirmed\nBy Radio Coastline newsroom (reporting by Fatou Siaka)\nMonday 8 June 2026, 07:30');
  assert.deepEqual([e.title, e.authors, e.outlet], ['Mediators press both sides as death toll confirmed', ['Fatou Siaka'], 'Radio Coastline']);
  assert.doesNotMatch(e.text, /Radio Coastline newsroom|death toll confirmed/);
});

test('headlines stated as a sentence or under a teaser label are found, and kept out of the body', () => {
  const a = copy("The deal is a start. Don't confuse it with a solution.\nBy Gerhard Vollmer\nThursday 15 October 2026");
  assert.equal(a.title, "The deal is a start. Don't confuse it with a solution.");
  assert.doesNotMatch(a.text, /confuse it with a solution/);
  assert.match(a.text, /^Negotiators from Dravenia/);
  const b = copy('Explainer: what we know about the hostage deal\nBy Daniel Mwangi, Ashkar Bureau\nWednesday 22 April 2026');
  assert.equal(b.title, 'Explainer: what we know about the hostage deal');
  assert.deepEqual([b.authors, b.outlet], [['Daniel Mwangi'], null]);
  // A teaser label inside the body stays a teaser.
  const c = cleanPageCopy(`Talks resume in Lisvaro\nBy Jan Vos\n3 June 2025\n\n${BODY}\n\nExplainer: what the buffer zone means\n\nThe mediator said both sides had agreed to keep talking.\n`);
  assert.doesNotMatch(c.text, /Explainer:/);
});

test('a wire credit line leaves the body; its reporters are the authors when no byline names any', () => {
  assert.deepEqual(parseCreditLine('Reporting by Jan Vos in Lisvaro and Ana Duarte in Velgrad; Editing by Paul White'), { reporters: ['Jan Vos', 'Ana Duarte'] });
  assert.deepEqual(parseCreditLine('(Additional reporting by Tom Roe; Writing by Ann Lee; Editing by Mark Hein)'), { reporters: ['Tom Roe', 'Ann Lee'] });
  assert.equal(parseCreditLine('Reporting by the two sides was contradictory, officials said.'), null);
  const c = cleanPageCopy(`Talks resume in Lisvaro\nLISVARO, 3 June 2025\n\n${BODY}\n\nReporting by Jan Vos in Lisvaro; Editing by Paul White\n`);
  assert.doesNotMatch(c.text, /Reporting by|Editing by/);
  assert.match(c.text, /in the same building\.$/);
  assert.deepEqual(c.authors, ['Jan Vos']);
  // A byline wins over the credit line.
  const d = cleanPageCopy(`Talks resume in Lisvaro\nBy Ana Duarte\nLISVARO, 3 June 2025\n\n${BODY}\n\nReporting by Jan Vos; Editing by Paul White\n`);
  assert.deepEqual(d.authors, ['Ana Duarte']);
});

test('a closing biography names the institution that publishes the commentary', () => {
  assert.equal(bioOutlet("Maren Holt is a senior fellow in the Halden Institute's Conflict and Mediation Programme."), 'Halden Institute');
  assert.equal(bioOutlet('Jan Vos is a correspondent for the Baltic Wire in Lisvaro.'), 'Baltic Wire');
  assert.equal(bioOutlet('Tomas Reinholt is the envoy who walked out of the talks at the Lisvaro Institute.'), null);
  const c = cleanPageCopy(`What each side wants in Lisvaro\nBy Maren Holt\n20 November 2026\n\n${BODY}\n\nMaren Holt is a senior fellow at the Varn Institute for Security.\n`);
  assert.equal(c.outlet, 'Varn Institute for Security');
  assert.deepEqual(c.authors, ['Maren Holt']);
});

test('a line with a recording date and a publication date: the one labelled published wins', () => {
  const c = copy('"A return has to be a choice": an interview\nBy Jonas Ekberg, Refugee Affairs podcast (edited transcript)\nRecorded Wednesday 21 October 2026, published Friday 23 October 2026');
  assert.equal(c.published, '2026-10-23');
  assert.equal(c.outlet, 'Refugee Affairs');
  assert.deepEqual(c.authors, ['Jonas Ekberg']);
});

test('job titles after the name are roles even without a role word the old list knew', () => {
  assert.deepEqual(readByline('By Jane Doe, Chief Political Commentator'), { authors: ['Jane Doe'], outlet: null });
  assert.deepEqual(readByline('By Jane Doe, Senior Fellow, Varn Institute'), { authors: ['Jane Doe'], outlet: 'Varn Institute' });
  assert.deepEqual(readByline('By G7 Presidency Press Office'), { authors: [], outlet: 'G7 Presidency Press Office' });
});
