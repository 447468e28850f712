import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlockedTargetError, checkTarget, classifyAddress, guardedLookup, type Resolver } from './ssrf';

describe('classifyAddress', () => {
  const cases: Array<[string, ReturnType<typeof classifyAddress>]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'link_local'],
    ['0.0.0.0', 'unspecified'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.254', 'shared'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd00:ec2::254', 'private'],
    ['fc00::1', 'private'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link_local'],
    ['::ffff:a9fe:a9fe', 'link_local'],
    ['::ffff:10.0.0.1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'link_local'],
    ['2002:c0a8:0101::1', 'private'],
    // Public: allowed.
    ['93.184.216.34', null],
    ['172.32.0.1', null],
    ['100.128.0.1', null],
    ['2606:2800:220:1:248:1893:25c8:1946', null],
    ['::ffff:93.184.216.34', null],
  ];
  it.each(cases)('%s -> %s', (address, reason) => {
    expect(classifyAddress(address)).toBe(reason);
  });
});

describe('checkTarget', () => {
  const resolver =
    (table: Record<string, string[]>): Resolver =>
    async (host) => {
      const found = table[host];
      if (!found) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
      return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
  const resolve = resolver({
    'public.example': ['93.184.216.34'],
    'mixed.example': ['93.184.216.34', '10.0.0.5'],
    'metadata.example': ['169.254.169.254'],
    localhost: ['127.0.0.1', '::1'],
    'v6.example': ['fd00::1'],
  });

  it('refuses private, loopback, link-local and metadata targets with the reason when the setting is off', async () => {
    const off = { allowPrivate: false, resolve };
    expect(await checkTarget('http://127.0.0.1:8080/health', off)).toEqual({ ok: false, problem: 'loopback', address: '127.0.0.1' });
    expect(await checkTarget('http://localhost/', off)).toMatchObject({ ok: false, problem: 'loopback' });
    expect(await checkTarget('http://169.254.169.254/latest/meta-data/', off)).toMatchObject({ ok: false, problem: 'link_local' });
    expect(await checkTarget('http://metadata.example/', off)).toMatchObject({ ok: false, problem: 'link_local' });
    expect(await checkTarget('https://mixed.example/', off)).toEqual({ ok: false, problem: 'private', address: '10.0.0.5' });
    expect(await checkTarget('http://v6.example/', off)).toMatchObject({ ok: false, problem: 'private' });
    expect(await checkTarget('http://[::1]:3000/', off)).toMatchObject({ ok: false, problem: 'loopback' });
    expect(await checkTarget('http://[::ffff:127.0.0.1]/', off)).toMatchObject({ ok: false, problem: 'loopback' });
    expect(await checkTarget('http://[fe80::1]/', off)).toMatchObject({ ok: false, problem: 'link_local' });
    // Alternative spellings of 127.0.0.1 are normalised by the URL parser first.
    expect(await checkTarget('http://2130706433/', off)).toMatchObject({ ok: false, problem: 'loopback' });
    expect(await checkTarget('http://0x7f.1/', off)).toMatchObject({ ok: false, problem: 'loopback' });
    expect(await checkTarget('http://0/', off)).toMatchObject({ ok: false, problem: 'unspecified' });
    expect(await checkTarget('https://public.example/health', off)).toMatchObject({ ok: true });
  });

  it('allows private targets when the setting is on, but still refuses bad URLs', async () => {
    const on = { allowPrivate: true, resolve };
    expect(await checkTarget('http://127.0.0.1:8080/', on)).toMatchObject({ ok: true });
    expect(await checkTarget('http://metadata.example/', on)).toMatchObject({ ok: true });
    expect(await checkTarget('ftp://public.example/', on)).toEqual({ ok: false, problem: 'scheme' });
    expect(await checkTarget('file:///etc/passwd', on)).toEqual({ ok: false, problem: 'scheme' });
    expect(await checkTarget('http://user:pw@public.example/', on)).toEqual({ ok: false, problem: 'credentials' });
    expect(await checkTarget('not a url', on)).toEqual({ ok: false, problem: 'invalid_url' });
    expect(await checkTarget('http://nowhere.example/', on)).toEqual({ ok: false, problem: 'unresolvable' });
  });
});

describe('guardedLookup', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (allowPrivate: boolean, resolve: Resolver) =>
    new Promise<number>((done, fail) => {
      const request = http.get(`http://probe-target.test:${port}/`, { lookup: guardedLookup(allowPrivate, resolve), agent: false }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      request.on('error', fail);
    });

  it('refuses to connect when the name resolves to a blocked address at connect time', async () => {
    // Rebinding: the name pointed elsewhere when saved; now it answers with loopback.
    const rebound: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    await expect(get(false, rebound)).rejects.toBeInstanceOf(BlockedTargetError);
    expect(await get(true, rebound)).toBe(200);
  });
});
