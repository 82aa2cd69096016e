// The address classifier behind the URL guard, over the IANA IPv4 and IPv6 special-purpose
// registries (plus multicast and the deprecated site-local block): one address inside each block,
// and public addresses just outside the blocks' edges, so that a block drawn too wide fails too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkHost, connectAddress, nonPublicReason, refusalFor } from '../../src/ingest/hosts.js';

const REFUSED_V4: [string, RegExp][] = [
  ['0.0.0.0', /unspecified/],
  ['0.1.2.3', /unspecified/],
  ['10.0.0.1', /private/],
  ['10.255.255.255', /private/],
  ['100.64.0.1', /carrier-grade NAT/],
  ['100.127.255.254', /carrier-grade NAT/],
  ['127.0.0.1', /loopback/],
  ['127.255.255.254', /loopback/],
  ['169.254.169.254', /link-local/],
  ['172.16.0.1', /private/],
  ['172.31.255.255', /private/],
  ['192.0.0.1', /IETF protocol assignments/],
  ['192.0.0.170', /IETF protocol assignments/],
  ['192.0.2.1', /documentation/],
  ['192.31.196.1', /AS112/],
  ['192.52.193.1', /AMT/],
  ['192.88.99.1', /6to4 relay/],
  ['192.168.0.1', /private/],
  ['192.175.48.1', /AS112/],
  ['198.18.0.1', /benchmarking/],
  ['198.19.255.255', /benchmarking/],
  ['198.51.100.7', /documentation/],
  ['203.0.113.9', /documentation/],
  ['224.0.0.1', /multicast/],
  ['239.255.255.250', /multicast/],
  ['240.0.0.1', /reserved/],
  ['255.255.255.255', /broadcast/],
];

const PUBLIC_V4 = [
  '1.1.1.1', '8.8.8.8', '11.0.0.1', '93.184.215.14', '100.63.255.255', '100.128.0.0', '126.255.255.255', '128.0.0.1',
  '169.253.255.255', '172.15.255.255', '172.32.0.1', '192.0.1.1', '192.167.255.255', '192.169.0.1', '198.17.255.255',
  '198.20.0.1', '223.255.255.254',
];

const REFUSED_V6: [string, RegExp][] = [
  ['::', /unspecified/],
  ['::1', /loopback/],
  ['0:0:0:0:0:0:0:1', /loopback/],
  // IPv4-mapped, in both spellings: the URL parser turns the first into the second.
  ['::ffff:127.0.0.1', /loopback, IPv4-mapped 127\.0\.0\.1/],
  ['::ffff:7f00:1', /loopback, IPv4-mapped 127\.0\.0\.1/],
  ['::ffff:10.0.0.1', /private/],
  ['::ffff:a9fe:a9fe', /link-local, IPv4-mapped 169\.254\.169\.254/],
  ['::ffff:100.64.0.1', /carrier-grade NAT/],
  ['::ffff:0:7f00:1', /IPv4-translated/],
  // IPv4-compatible (deprecated): refused even for a public IPv4 address.
  ['::7f00:1', /IPv4-compatible form of 127\.0\.0\.1, loopback/],
  ['::127.0.0.1', /IPv4-compatible form of 127\.0\.0\.1, loopback/],
  ['::8.8.8.8', /IPv4-compatible form of 8\.8\.8\.8/],
  // NAT64 and 6to4 lead to the IPv4 address they carry.
  ['64:ff9b::7f00:1', /NAT64 to 127\.0\.0\.1, loopback/],
  ['64:ff9b::10.1.2.3', /NAT64 to 10\.1\.2\.3, private/],
  ['64:ff9b::a9fe:a9fe', /NAT64 to 169\.254\.169\.254, link-local/],
  ['64:ff9b:1::1', /NAT64 local-use/],
  ['64:ff9b:1::808:808', /NAT64 local-use/],
  ['2002:7f00:1::1', /6to4 to 127\.0\.0\.1, loopback/],
  ['2002:a00:1::', /6to4 to 10\.0\.0\.1, private/],
  ['2002:c0a8:101::1', /6to4 to 192\.168\.1\.1, private/],
  ['100::1', /discard/],
  ['100:0:0:1::1', /reserved/],
  ['2001::1', /Teredo/],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', /Teredo/],
  ['2001:1::1', /reserved/],
  ['2001:2::1', /benchmarking/],
  ['2001:3::1', /AMT/],
  ['2001:4:112::1', /AS112/],
  ['2001:10::1', /ORCHID/],
  ['2001:20::1', /ORCHIDv2/],
  ['2001:30::1', /drone/],
  ['2001:1ff::1', /reserved/],
  ['2001:db8::1', /documentation/],
  ['2620:4f:8000::1', /AS112/],
  ['3fff::1', /documentation/],
  ['5f00::1', /segment routing/],
  ['fc00::1', /unique local/],
  ['fd12:3456::1', /unique local/],
  ['fe80::1', /link-local/],
  ['febf:ffff::1', /link-local/],
  ['fec0::1', /site-local/],
  ['feff::1', /site-local/],
  ['ff02::1', /multicast/],
  ['ff05::1:3', /multicast/],
  ['1234::1', /outside global unicast/],
  ['4000::1', /outside global unicast/],
];

const PUBLIC_V6 = [
  '2606:4700:4700::1111', '2001:4860:4860::8888', '2a00:1450:4001::1', '2001:200::1',
  // NAT64 and 6to4 carrying a public address are how IPv6-only networks reach the IPv4 web.
  '64:ff9b::808:808', '64:ff9b::8.8.8.8', '2002:808:808::1',
  // A mapped public address is that public address.
  '::ffff:8.8.8.8', '::ffff:808:808',
];

test('every special-purpose IPv4 block is refused, with its name', () => {
  for (const [ip, why] of REFUSED_V4) assert.match(nonPublicReason(ip) ?? 'PUBLIC', why, ip);
});

test('public IPv4 addresses, including those just outside a special block, pass', () => {
  for (const ip of PUBLIC_V4) assert.equal(nonPublicReason(ip), null, ip);
});

test('every special-purpose IPv6 block is refused, with its name; mapped, NAT64 and 6to4 by the IPv4 inside', () => {
  for (const [ip, why] of REFUSED_V6) assert.match(nonPublicReason(ip) ?? 'PUBLIC', why, ip);
  // Brackets as the URL parser leaves them in `hostname`.
  assert.match(nonPublicReason('[::ffff:7f00:1]') ?? 'PUBLIC', /loopback/);
});

test('public IPv6 addresses pass', () => {
  for (const ip of PUBLIC_V6) assert.equal(nonPublicReason(ip), null, ip);
});

test('a host name that resolves to several addresses is refused if any of them is not public', () => {
  const mixed = [{ address: '93.184.215.14', family: 4 }, { address: '::ffff:a9fe:a9fe', family: 6 }];
  assert.match(refusalFor('cdn.example', mixed) ?? '', /cdn\.example resolves to ::ffff:a9fe:a9fe, not a public address \(link-local/);
  assert.equal(refusalFor('cdn.example', [{ address: '2606:4700:4700::1111', family: 6 }]), null);
});

test('checkHost: localhost names without DNS, literal addresses, and resolved names', async () => {
  assert.match((await checkHost('localhost')) ?? '', /loopback/);
  assert.match((await checkHost('api.localhost')) ?? '', /loopback/);
  assert.match((await checkHost('LOCALHOST.')) ?? '', /loopback/);
  assert.match((await checkHost('[::1]')) ?? '', /loopback/);
  assert.match((await checkHost('[::ffff:7f00:1]')) ?? '', /loopback/);
  assert.equal(await checkHost('8.8.8.8'), null);
  const resolver = (address: string) => async () => [{ address, family: address.includes(':') ? 6 : 4 }];
  assert.match((await checkHost('metadata.example', resolver('169.254.169.254'))) ?? '', /link-local/);
  assert.match((await checkHost('rebind.example', resolver('::ffff:10.0.0.5'))) ?? '', /private/);
  assert.equal(await checkHost('news.example', resolver('93.184.215.14')), null);
});

test('a mapped address is connected to as the IPv4 address it stands for', () => {
  assert.deepEqual(connectAddress({ address: '::ffff:7f00:1', family: 6 }), { address: '127.0.0.1', family: 4 });
  assert.deepEqual(connectAddress({ address: '2606:4700:4700::1111', family: 6 }), { address: '2606:4700:4700::1111', family: 6 });
});
