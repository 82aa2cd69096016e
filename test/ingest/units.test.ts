// Small units (the address policy has test/ingest/hosts.test.ts): ids, byte decoding, HTML → text with paragraph breaks, language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idForFile, idForUrl, slugify, uniqueIds } from '../../src/ingest/ids.js';
import { decodeText, looksLikeHtml, sniff } from '../../src/ingest/decode.js';
import { domToText, type NodeLike } from '../../src/ingest/html/text.js';
import { parseDocument } from '../../src/ingest/html/extract.js';
import { detectLanguage } from '../../src/ingest/language.js';

test('ids: file base names, URL slugs, uniqueness', () => {
  assert.equal(idForFile('reports/geneva talks.html'), 'geneva talks');
  assert.equal(idForUrl('https://www.courier.example/world/2025/06/03/ceasefire-talks-resume.html?utm=x'), 'ceasefire-talks-resume');
  assert.equal(idForUrl('https://news.example/europe/ostmark-truce-condition-12345678'), 'ostmark-truce-condition-12345678');
  assert.equal(idForUrl('https://news.example/articles/ostmark-truce/1234567'), 'ostmark-truce');
  assert.equal(idForUrl('https://www.courier.example/'), 'courier-example');
  assert.equal(slugify('Çatışma: Ankara’da görüşmeler'), 'catisma-ankara-da-gorusmeler');
  assert.deepEqual(uniqueIds(['a', 'a', 'a-2', 'b', 'a']), ['a', 'a-2', 'a-2-2', 'b', 'a-3']);
});

test('decoding: UTF-8, BOMs, declared charsets, windows-1252 fallback', () => {
  assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), 'A');
  assert.equal(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00])), 'AB');
  assert.equal(decodeText(Buffer.from('Erdoğan')), 'Erdoğan');
  assert.equal(decodeText(new Uint8Array([0x93, 0x48, 0x69, 0x94])), '“Hi”');
  const latin = Buffer.concat([Buffer.from('<meta charset="iso-8859-1"><p>'), Buffer.from([0xe9]), Buffer.from('</p>')]);
  assert.match(decodeText(latin), /<p>é<\/p>/);
  assert.equal(sniff(Buffer.from('plain text\n')).kind, 'text');
  assert.equal(sniff(new Uint8Array([0xff, 0xfe, 0x41, 0x00])).kind, 'text');
  assert.ok(looksLikeHtml('<!DOCTYPE html><html><body><p>x</p></body></html>'));
  assert.ok(!looksLikeHtml('By Jane Doe\n\nThe talks <in Lisvaro> resumed.'));
});

test('HTML to text: blocks are paragraphs, <br> a line, inline runs joined, scripts skipped', () => {
  const doc = parseDocument(
    '<div><h2>Heading</h2><p>First <b>bold</b> <a href="#">link</a> sentence.</p><p>Line one<br>line two</p><script>var x = 1;</script><ul><li>item a</li><li>item b</li></ul><table><tr><td>c1</td><td>c2</td></tr></table></div>',
  );
  assert.equal(
    domToText(doc.querySelector('div') as unknown as NodeLike),
    'Heading\n\nFirst bold link sentence.\n\nLine one\nline two\n\nitem a\n\nitem b\n\nc1 c2',
  );
});

test('HTML to text: two names in elements side by side do not glue into one word; a word split by markup stays whole', () => {
  const doc = parseDocument('<div><p>Gov. <a href="#">Mara Lind</a><span><span><a href="#">Mara Elise Lind</a><a href="#">Governor of Ostmark</a></span></span> spoke. The <b>Ost</b>mark talks and <i>re</i>-opened <b>talks</b>.</p></div>');
  assert.equal(domToText(doc.querySelector('div') as unknown as NodeLike), 'Gov. Mara Lind Mara Elise Lind Governor of Ostmark spoke. The Ostmark talks and re-opened talks.');
});

test('language: fastText on the body text; too little text gives no guess', async () => {
  assert.equal((await detectLanguage('The negotiators met for six hours and agreed to meet again next week.'))?.code, 'en');
  assert.equal((await detectLanguage('Les négociateurs se sont réunis pendant six heures et ont convenu de se revoir.'))?.code, 'fr');
  assert.equal(await detectLanguage('OK 123'), null);
});
