/**
 * Which outbound URLs a customer's webhook may point at: every address class that is not the public
 * internet is refused, in every notation the URL parser accepts and behind hostnames, unless the
 * host is allowlisted; https only in production.
 */
import {
  addressClass,
  checkOutboundUrl,
  outboundPolicyFromEnv,
  type OutboundPolicy,
  type Resolve,
} from '../../../security/outbound-url';

const open: OutboundPolicy = { httpsOnly: false, allowedHosts: [] };

/** A resolver for made-up hostnames: no real DNS in unit tests. */
const resolver =
  (table: Record<string, string[]>, calls: string[] = []): Resolve =>
  async (hostname) => {
    calls.push(hostname);
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const check = (url: string, policy = open, resolve = resolver({})) =>
  checkOutboundUrl(url, { policy, resolve });

describe('addressClass', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['100.127.255.254', 'shared (CGNAT)'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'], // Teredo
    ['169.254.169.254', 'cloud metadata'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['168.63.129.16', 'cloud metadata'],
    ['100.100.100.200', 'cloud metadata'],
    // IPv6 forms that lead to an IPv4 address are judged by that address
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0:0:0:0:0:ffff:a00:1', 'private'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['64:ff9b::7f00:1', 'loopback'], // NAT64
    ['2002:c0a8:0101::1', 'private'], // 6to4 of 192.168.1.1
    ['::127.0.0.1', 'reserved'], // IPv4-compatible
  ])('%s is %s', (address, kind) => {
    expect(addressClass(address)).toBe(kind);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('%s is public', (address) => {
    expect(addressClass(address)).toBeUndefined();
  });
});

describe('checkOutboundUrl', () => {
  it.each([
    ['http://127.0.0.1:4010/port-requests', '127.0.0.1 is a loopback address'],
    ['http://2130706433/', '127.0.0.1 is a loopback address'], // decimal
    ['http://0x7f.1/', '127.0.0.1 is a loopback address'], // hex shorthand
    ['http://0177.0.0.1/', '127.0.0.1 is a loopback address'], // octal
    ['http://0x7f000001/', '127.0.0.1 is a loopback address'],
    ['http://127.1:8080/', '127.0.0.1 is a loopback address'],
    ['http://%31%32%37.0.0.1/', '127.0.0.1 is a loopback address'], // percent-encoded
    ['http://[::1]:3000/', '::1 is a loopback address'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is a loopback address'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', '::ffff:7f00:1 is a loopback address'],
    ['http://0.0.0.0:3000/', '0.0.0.0 is an unspecified address'],
    ['http://0/', '0.0.0.0 is an unspecified address'],
    ['http://10.0.0.5/hook', '10.0.0.5 is a private address'],
    ['https://192.168.0.1/hook', '192.168.0.1 is a private address'],
    ['http://100.64.1.1/', '100.64.1.1 is a shared (CGNAT) address'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud metadata address'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'fd00:ec2::254 is a cloud metadata address'],
    ['http://[fe80::1]/', 'fe80::1 is a link-local address'],
    ['http://[fc00::1]/', 'fc00::1 is a unique-local address'],
    ['http://224.0.0.1/', '224.0.0.1 is a multicast address'],
    ['http://255.255.255.255/', '255.255.255.255 is a broadcast address'],
  ])('refuses %s', async (url, message) => {
    expect(await check(url)).toEqual({ ok: false, refusal: 'destination_not_allowed', message });
  });

  it('refuses a hostname that resolves to loopback (the real resolver: localhost)', async () => {
    const result = await checkOutboundUrl('http://localhost:4010/', { policy: open });
    expect(result).toMatchObject({ ok: false, refusal: 'destination_not_allowed' });
    expect(result.ok || result.message).toMatch(
      /^localhost resolves to (127\.0\.0\.1|::1), a loopback address$/,
    );
  });

  it('refuses a hostname when any of its addresses is internal, and resolves it once', async () => {
    const calls: string[] = [];
    const resolve = resolver({ 'hooks.customer.test': ['93.184.216.34', '10.0.0.7'] }, calls);
    expect(await check('https://hooks.customer.test/in', open, resolve)).toEqual({
      ok: false,
      refusal: 'destination_not_allowed',
      message: 'hooks.customer.test resolves to 10.0.0.7, a private address',
    });
    expect(calls).toEqual(['hooks.customer.test']);
  });

  it('refuses a hostname resolving to the metadata service', async () => {
    const resolve = resolver({ 'metadata.google.internal': ['169.254.169.254'] });
    expect(await check('http://metadata.google.internal/computeMetadata/v1/', open, resolve)).toMatchObject({
      ok: false,
      message: 'metadata.google.internal resolves to 169.254.169.254, a cloud metadata address',
    });
  });

  it('accepts a public host and answers the addresses it vetted', async () => {
    const resolve = resolver({ 'hooks.customer.test': ['93.184.216.34', '2606:4700::1111'] });
    const result = await check('https://hooks.customer.test/in', open, resolve);
    expect(result).toMatchObject({
      ok: true,
      addresses: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:4700::1111', family: 6 },
      ],
    });
    expect(result.ok && result.url.hostname).toBe('hooks.customer.test');
  });

  it('accepts a public address literal without resolving it', async () => {
    const calls: string[] = [];
    expect(await check('http://93.184.216.34/', open, resolver({}, calls))).toMatchObject({
      ok: true,
      addresses: [{ address: '93.184.216.34', family: 4 }],
    });
    expect(calls).toEqual([]);
  });

  it('reports a host that does not resolve', async () => {
    expect(await check('https://nowhere.customer.test/')).toEqual({
      ok: false,
      refusal: 'dns_failure',
      message: 'nowhere.customer.test did not resolve (ENOTFOUND)',
    });
  });

  it.each([
    ['ftp://files.customer.test/', 'only http and https URLs can be called'],
    ['not a url', 'not a URL'],
    ['https://user:pass@hooks.customer.test/', 'must not contain credentials'],
  ])('refuses %s as unusable', async (url, message) => {
    expect(await check(url)).toEqual({ ok: false, refusal: 'invalid_url', message });
  });

  it('allows https only in production', async () => {
    const resolve = resolver({ 'hooks.customer.test': ['93.184.216.34'] });
    const production = { httpsOnly: true, allowedHosts: [] };
    expect(await check('http://hooks.customer.test/', production, resolve)).toEqual({
      ok: false,
      refusal: 'invalid_url',
      message: 'must be an https URL',
    });
    expect(await check('https://hooks.customer.test/', production, resolve)).toMatchObject({ ok: true });
  });

  describe('the allowlist', () => {
    const resolve = resolver({ 'receiver.local.test': ['127.0.0.1'] });

    it('lets a listed host through whatever it resolves to, any port', async () => {
      const policy = outboundPolicyFromEnv({ WEBHOOK_ALLOWED_HOSTS: 'receiver.local.test, 127.0.0.1' });
      expect(await check('http://receiver.local.test:8080/h', policy, resolve)).toMatchObject({
        ok: true,
        addresses: [{ address: '127.0.0.1', family: 4 }],
      });
      expect(await check('http://127.0.0.1:9999/h', policy)).toMatchObject({ ok: true });
      // In any notation of the same address.
      expect(await check('http://0x7f.1:9999/h', policy)).toMatchObject({ ok: true });
      // Not the rest of loopback.
      expect(await check('http://127.0.0.2:9999/h', policy)).toMatchObject({ ok: false });
      expect(await check('http://localhost:9999/h', policy)).toMatchObject({ ok: false });
    });

    it('host:port lets that port through only', async () => {
      const policy = outboundPolicyFromEnv({
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1:8080,[::1]:8443,receiver.local.test:80',
      });
      expect(await check('http://127.0.0.1:8080/', policy)).toMatchObject({ ok: true });
      expect(await check('http://127.0.0.1:4010/', policy)).toMatchObject({
        ok: false,
        refusal: 'destination_not_allowed',
      });
      expect(await check('https://[::1]:8443/', policy)).toMatchObject({ ok: true });
      expect(await check('http://[::1]:8080/', policy)).toMatchObject({ ok: false });
      expect(await check('http://receiver.local.test/', policy, resolve)).toMatchObject({ ok: true });
      expect(await check('https://receiver.local.test/', policy, resolve)).toMatchObject({ ok: false });
    });

    it('still requires https in production', async () => {
      const policy = outboundPolicyFromEnv({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', NODE_ENV: 'production' });
      expect(policy.httpsOnly).toBe(true);
      expect(await check('http://127.0.0.1/', policy)).toMatchObject({ ok: false, refusal: 'invalid_url' });
    });

    it('is canonical, and refuses entries that are not hosts', () => {
      expect(
        outboundPolicyFromEnv({ WEBHOOK_ALLOWED_HOSTS: ' Receiver.Local.TEST. ,0x7f.1:8080,[0::1]' }),
      ).toEqual({
        httpsOnly: false,
        allowedHosts: ['receiver.local.test', '127.0.0.1:8080', '[::1]'],
      });
      expect(outboundPolicyFromEnv({})).toEqual({ httpsOnly: false, allowedHosts: [] });
      expect(() =>
        outboundPolicyFromEnv({ WEBHOOK_ALLOWED_HOSTS: 'ok.test,http://x.test/path,a b' }),
      ).toThrow('WEBHOOK_ALLOWED_HOSTS: not a host or host:port: "http://x.test/path", "a b"');
    });
  });
});
