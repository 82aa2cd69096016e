import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitiesOf, entityAt } from './helpers.js';
import { buildDoc } from '../../src/text/doc.js';
import { organizationCue } from '../../src/entities/cues.js';

test('a name that moves by points or is called an index is a market index, not an organisation', () => {
  const found = entitiesOf('Stocks fell on Monday. The Kelvora dropped 340 points to close at 8,120. In Tokyo, the Sandai stock index lost 2 percent.');
  assert.equal(entityAt(found, 'Kelvora')?.type, 'other');
  assert.equal(entityAt(found, 'Sandai')?.type, 'other');
  assert.equal(entityAt(found, 'Tokyo')?.type, 'place');
});

test('an index named in apposition to "index", or falling below a level, is a market index', () => {
  const found = entitiesOf('The main Brennish index, the Varlo 100, rose on Friday. Elsewhere the Quorin, was down 3.1% at noon.');
  assert.equal(entityAt(found, 'Varlo 100')?.type, 'other');
  const f2 = entitiesOf('Traders were nervous all week. The Quorin fell below 9,000 for the first time.');
  assert.equal(entityAt(f2, 'Quorin')?.type, 'other');
});

test('a company share move in dollars stays an organisation', () => {
  const found = entitiesOf('Investors sold shares of Halvex on Monday. Halvex fell $2 to close at $31.');
  assert.equal(entityAt(found, 'Halvex')?.type, 'organization');
});

test('an acronym linked to a long form takes the long form\'s type: "Dow Jones Industrial Average (DJIA)"', () => {
  const found = entitiesOf('The Dow Jones Industrial Average (DJIA) fell sharply. Later the DJIA recovered, and the DJIA ended the day lower.');
  assert.equal(entityAt(found, 'Dow Jones Industrial Average')?.type, 'other');
  assert.equal(entityAt(found, 'DJIA')?.type, 'other');
});

test('products: launched objects, "model X", and "X, the new version of …" are things', () => {
  const found = entitiesOf('Brightcore unveiled Pellucid at its annual event. Pellucid, the new version of its operating software, ships in May. The company also showed its next model Falcor and said sales would rise.');
  assert.equal(entityAt(found, 'Pellucid')?.type, 'other');
  assert.equal(entityAt(found, 'Falcor')?.type, 'other');
  assert.equal(entityAt(found, 'Brightcore')?.type, 'organization');
});

test('"In the new version Brightcore has …": a name opening a clause after a product word is no product', () => {
  const found = entitiesOf('Brightcore said it was pleased. In the new version Brightcore has added security features.');
  assert.equal(entityAt(found, 'Brightcore')?.type, 'organization');
});

test('a company named after a city is an organisation in company contexts', () => {
  const sector = entitiesOf('Sales rose 17%, as the firm outsold automakers Toyota and Halvex last year.');
  assert.equal(entityAt(sector, 'Toyota')?.type, 'organization');
  const possessed = entitiesOf('Analysts were surprised when Toyota\'s profits fell for a third quarter.');
  assert.equal(entityAt(possessed, 'Toyota')?.type, 'organization');
  const spokesman = entitiesOf('The recall was confirmed by a Toyota spokesman on Tuesday.');
  assert.equal(entityAt(spokesman, 'Toyota')?.type, 'organization');
  const apposed = entitiesOf('Investors cheered Toyota, the Japanese carmaker, after the report.');
  assert.equal(entityAt(apposed, 'Toyota')?.type, 'organization');
});

test('cities and countries outside company contexts stay places; a country never becomes a company', () => {
  const found = entitiesOf('The talks were held in Toyota, and officials from Japan attended. Japan\'s profits from exports rose. A summit in Wyoming, the envoy said, was useful.');
  assert.equal(entityAt(found, 'Toyota')?.type, 'place');
  assert.equal(entityAt(found, 'Japan')?.type, 'place');
  assert.equal(entityAt(found, 'Wyoming')?.type, 'place');
});

test('a company cue never turns a named person into an organisation', () => {
  const found = entitiesOf('The company was founded by automaker Michael Harlow, who left in 2001.');
  assert.equal(entityAt(found, 'Michael Harlow')?.type, 'person');
});

test('"X said in a statement" makes a name an organisation, even one a city bears', () => {
  const found = entitiesOf('Mortgage rates rose again. On Monday, Halifax said in a statement that it would cut rates.');
  assert.equal(entityAt(found, 'Halifax')?.type, 'organization');
  // A city does not cut mortgage rates: without "in a statement" the sentence still reads as the
  // lender's (the rules used to keep a city's name a place unless a statement was mentioned).
  const plain = entitiesOf('Mortgage rates rose again. On Monday, Halifax said that it would cut rates.');
  assert.equal(entityAt(plain, 'Halifax')?.type, 'organization');
  const place = entitiesOf('Storms closed the port in Halifax on Monday.');
  assert.equal(entityAt(place, 'Halifax')?.type, 'place');
});

test('a lower-case letter before a capital spells a product: "iPod", "iTunes"', () => {
  const found = entitiesOf('Sales of the iPod rose again. Owners of the iPod can update it, and iPod users were pleased.');
  assert.equal(entityAt(found, 'iPod')?.type, 'other');
});

test('a product after a model number in quotation marks, and its bare last word, are one product', () => {
  const found = entitiesOf('The Boeing 787 "Dreamliner" made its first flight. Later, the Dreamliner landed safely at the airport.');
  const dreamliner = found.mentions.filter((m) => m.text === 'Dreamliner');
  assert.ok(dreamliner.length >= 2, JSON.stringify(found.mentions));
  for (const m of dreamliner) assert.equal(m.type, 'other', JSON.stringify(m));
});

test('capitals alone that spell a small town are an acronym: "the GAO" is no Malian city', () => {
  const found = entitiesOf('Halvex filed a complaint with the GAO, arguing the tender was rigged. The GAO upheld the complaint.');
  assert.equal(entityAt(found, 'GAO')?.type, 'organization');
  const dateline = entitiesOf('GAO, Mali (Reuters) - Fighting resumed on Monday near the river.');
  assert.equal(entityAt(dateline, 'GAO')?.type, 'place');
});

test('names listed with a clear product share its reading; a listed company keeps its own cue', () => {
  const found = entitiesOf('Besides the eLumo Classic, Mini and Flex, they showed a phone. The eLumo Classic, Halvex and Brightcore Inc. were mentioned.');
  assert.equal(entityAt(found, 'Mini')?.type, 'other');
  assert.equal(entityAt(found, 'Flex')?.type, 'other');
  assert.equal(entityAt(found, 'Brightcore Inc.')?.type, 'organization');
});

test('a name in apposition after a product noun is a product, unless it opens a clause', () => {
  const found = entitiesOf('The maker showed two new cars, the Velora and the Castine, at the fair.');
  assert.equal(entityAt(found, 'Velora')?.type, 'other');
  const clause = entitiesOf('When the ministry chose a rival to build the aircraft, Halvex challenged the award in court.');
  assert.equal(entityAt(clause, 'Halvex')?.type, 'organization');
});

test('a product in quotation marks after its model number: 787 "Dreamliner", 787 ``Dreamliner\'\'', () => {
  for (const text of ['The first 787 "Dreamliner" flew on Tuesday, before a 787 "Dreamliner" for a second airline.', "The first 787 `` Dreamliner '' flew on Tuesday, before a 787 `` Dreamliner '' for a second airline."]) {
    const found = entitiesOf(text);
    assert.equal(entityAt(found, 'Dreamliner')?.type, 'other', text);
  }
});

test('"Black Monday": an adjective naming a day is no entity', () => {
  const found = entitiesOf('Markets fell on what is known as Black Thursday, a black day for traders.');
  assert.equal(found.mentions.find((m) => m.text === 'Black'), undefined, JSON.stringify(found.mentions));
});

test('a name launched in the passive is a product; "X also demonstrated" is not', () => {
  const found = entitiesOf('Brightcore said the Castine was originally introduced in 1986, and that the Castine will be revived next year.');
  assert.equal(entityAt(found, 'Castine')?.type, 'other');
  // What this asserts is that the demonstrator is no product; whether an unfamiliar one-word name
  // that "said" is a company or a person is left to the model (it used to default to a company).
  const active = entitiesOf('Besides the phone hardware, Brightcore also demonstrated new software, and Brightcore said sales rose.');
  assert.ok(entityAt(active, 'Brightcore'), JSON.stringify(active.mentions));
  assert.notEqual(entityAt(active, 'Brightcore')?.type, 'other');
});

test('a country\'s chief negotiator or rival leaves an unfamiliar country a place (negotiation coverage)', () => {
  const found = entitiesOf("Talks between Meridia and Kestria stalled on Tuesday. Kestria's chief negotiator, Pavel Drozd, accused its rival Meridia of stalling, and Kestria's losses mounted.");
  assert.equal(entityAt(found, 'Kestria')?.type, 'place');
});

test('"at stake in X" is no company cue; "a stake in X" is', () => {
  const cueAt = (text: string, name: string) => {
    const doc = buildDoc({ id: 't', source: 't', url: null, outlet: null, title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text });
    const i = doc.tokens.findIndex((t) => t.text === name);
    return organizationCue(doc, i, i, false);
  };
  assert.equal(cueAt('Delegates argued over what is at stake in Castello this week.', 'Castello'), 0);
  assert.ok(cueAt('The fund bought a 10 percent stake in Halvex last year.', 'Halvex') > 0);
});

test('letters glued to a currency sign are a currency code, not a name: "AU$ 52.5 million"', () => {
  const found = entitiesOf('The state government gave Halvex Australia a AU$ 52.5 million package, and a further AU$ 40 million later.');
  assert.equal(found.mentions.find((m) => m.text === 'AU'), undefined, JSON.stringify(found.mentions));
});

test('a given name right after a legal form starts a person: "chairman of Halvex LLC Tom Reyes"', () => {
  const found = entitiesOf('"It is too early," said the deputy head and chairman of Halvex LLC Tom Reyes.');
  assert.equal(entityAt(found, 'Halvex LLC')?.type, 'organization');
  assert.equal(entityAt(found, 'Tom Reyes')?.type, 'person');
});

test('a product noun right before a name makes it a product: "web browser Safari"', () => {
  const found = entitiesOf('The bundle includes the web browser Corvena, and it runs on the operating system Maelstrom.');
  assert.equal(entityAt(found, 'Corvena')?.type, 'other');
  assert.equal(entityAt(found, 'Maelstrom')?.type, 'other');
});

test('a name before "airport" is a place', () => {
  const found = entitiesOf('The plane landed at Kelvora airport on Monday.');
  assert.equal(entityAt(found, 'Kelvora')?.type, 'place');
});

test('"Adam Air Flight 574": the carrier of a numbered flight is an organisation, the flight no entity', () => {
  const found = entitiesOf('Investigators studied the losses of Kelvair Flight 574 and Norda Air Flight 200 last year.');
  assert.equal(entityAt(found, 'Kelvair')?.type, 'organization');
  assert.equal(entityAt(found, 'Norda Air')?.type, 'organization');
  assert.equal(found.mentions.find((m) => /Flight/.test(m.text)), undefined, JSON.stringify(found.mentions));
});

test('an index move through auxiliaries: "the Quorin has fallen almost 15 percent", "finished on 7,223.98"', () => {
  const found = entitiesOf('Traders were gloomy again. The Quorin has fallen almost 15 percent since October.');
  assert.equal(entityAt(found, 'Quorin')?.type, 'other');
  const level = entitiesOf('Traders were cheerful again. The Varlo finished on 7,223.98 after a late rally.');
  assert.equal(entityAt(level, 'Varlo')?.type, 'other');
});

test('"Brightcore announces Pellucid, …": a reporting verb with its own subject takes the name as object', () => {
  const found = entitiesOf('Brightcore announces Pellucid Lion, its new software, and more.');
  assert.notEqual(entityAt(found, 'Pellucid Lion')?.type, 'person');
  const inverted = entitiesOf('"We will not give up," said Halvorsen, before leaving the room.');
  assert.equal(entityAt(inverted, 'Halvorsen')?.type, 'person');
});

test('a dotted role abbreviation is no name; "Service for the …" keeps one organisation name', () => {
  const found = entitiesOf("He stepped down as Halvex's C.E.O. last year. The order came from the Federal Service for the Inland Waterways, which regulates shipping.");
  assert.equal(found.mentions.find((m) => m.text === 'C.E.O.'), undefined, JSON.stringify(found.mentions));
  assert.equal(entityAt(found, 'Federal Service for the Inland Waterways')?.type, 'organization');
});
