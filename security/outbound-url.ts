/**
 * Whether the service may call an outbound URL a customer gave it (its webhook endpoint). A
 * customer's URL must not reach inside: loopback, private networks, link-local and cloud metadata
 * addresses, and the other ranges that are not the public internet, are refused whatever notation
 * or hostname leads to them. The check resolves the host once and answers the addresses it vetted,
 * so the caller connects to exactly those (no second lookup an attacker's DNS could answer
 * differently). WEBHOOK_ALLOWED_HOSTS lists hosts that may be called anyway (local development,
 * tests); NODE_ENV=production allows https only.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface OutboundPolicy {
  httpsOnly: boolean;
  /** Canonical hosts, `host` (any port) or `host:port` (`[v6]:port` for IPv6 literals). */
  allowedHosts: readonly string[];
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** A host's addresses (all of them, as getaddrinfo answers them). Injected by tests. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

/** Why an outbound URL is refused; the names are the delivery log's error classes. */
export type OutboundRefusal = 'invalid_url' | 'destination_not_allowed' | 'dns_failure';

export type OutboundCheck =
  | { ok: true; url: URL; addresses: ResolvedAddress[] }
  | { ok: false; refusal: OutboundRefusal; message: string };

const DNS_TIMEOUT_MS = 5_000;

/** Reads WEBHOOK_ALLOWED_HOSTS and NODE_ENV; throws naming any allowlist entry that is not a host. */
export function outboundPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): OutboundPolicy {
  const entries = (env.WEBHOOK_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const allowedHosts: string[] = [];
  const bad: string[] = [];
  for (const entry of entries) {
    const canonical = canonicalHost(entry);
    if (canonical) allowedHosts.push(canonical);
    else bad.push(entry);
  }
  if (bad.length)
    throw new Error(`WEBHOOK_ALLOWED_HOSTS: not a host or host:port: ${bad.map((b) => `"${b}"`).join(', ')}`);
  return { httpsOnly: env.NODE_ENV === 'production', allowedHosts };
}

/**
 * An allowlist entry the way the URL parser writes hosts (lowercase, IPv4 in dotted quads, IPv6
 * compressed in brackets, no trailing dot), so `0x7f.1` and `127.0.0.1` are one entry.
 */
function canonicalHost(entry: string): string | undefined {
  try {
    const url = new URL(`http://${entry}`);
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined;
    const hostname = stripDot(url.hostname);
    // `http://h:80` drops the port as the default; an entry naming one means that port only.
    const port = url.port || (/:80$/.test(entry) ? '80' : '');
    return port ? `${hostname}:${port}` : hostname;
  } catch {
    return undefined;
  }
}

const stripDot = (hostname: string) => hostname.replace(/\.$/, '');
const effectivePort = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');

function isAllowlisted(url: URL, policy: OutboundPolicy): boolean {
  const hostname = stripDot(url.hostname);
  return policy.allowedHosts.some((h) => h === hostname || h === `${hostname}:${effectivePort(url)}`);
}

// --- Address classes --------------------------------------------------------------------------

type AddressClass =
  | 'cloud metadata'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared (CGNAT)'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'broadcast'
  | 'reserved';

// Checked in this order, so an address gets its most telling name (169.254.169.254 is link-local
// too, but "cloud metadata" is what matters about it).
const RANGES: [AddressClass, string[]][] = [
  [
    'cloud metadata',
    [
      '169.254.169.254/32', // AWS, GCP, Azure, DigitalOcean, OpenStack
      '169.254.170.2/32', // AWS ECS task metadata
      'fd00:ec2::254/128', // AWS over IPv6
      '168.63.129.16/32', // Azure wire server (a public address)
      '100.100.100.200/32', // Alibaba Cloud
      '192.0.0.192/32', // Oracle Cloud
    ],
  ],
  ['unspecified', ['0.0.0.0/8', '::/128']],
  ['loopback', ['127.0.0.0/8', '::1/128']],
  ['private', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']],
  ['shared (CGNAT)', ['100.64.0.0/10']],
  ['link-local', ['169.254.0.0/16', 'fe80::/10']],
  ['unique-local', ['fc00::/7', 'fec0::/10' /* site-local, deprecated */]],
  ['multicast', ['224.0.0.0/4', 'ff00::/8']],
  ['broadcast', ['255.255.255.255/32']],
  [
    'reserved',
    [
      '192.0.0.0/24', // IETF protocol assignments
      '192.0.2.0/24', // documentation
      '192.88.99.0/24', // 6to4 relay anycast
      '198.18.0.0/15', // benchmarking
      '198.51.100.0/24', // documentation
      '203.0.113.0/24', // documentation
      '240.0.0.0/4', // future use
      '::/96', // IPv4-compatible (deprecated)
      '100::/64', // discard-only
      '2001::/23', // IETF protocol assignments, Teredo included
      '2001:db8::/32', // documentation
      '3fff::/20', // documentation
      '64:ff9b:1::/48', // local-use NAT64
      '5f00::/16', // SRv6 segment ids
    ],
  ],
];

const BLOCKS: [AddressClass, BlockList][] = RANGES.map(([name, cidrs]) => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network, prefix] = cidr.split('/');
    list.addSubnet(network, Number(prefix), isIP(network) === 6 ? 'ipv6' : 'ipv4');
  }
  return [name, list];
});

/** The 8 groups of an IPv6 address (which may end in a dotted quad), or undefined. */
function ipv6Groups(address: string): number[] | undefined {
  if (isIP(address) !== 6) return undefined;
  let text = address.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number);
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const front = parse(head);
  const back = parse(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - front.length - back.length).fill(0);
  const groups = [...front, ...zeros, ...back];
  return groups.length === 8 ? groups : undefined;
}

const quadOf = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

/**
 * The IPv4 address an IPv6 address carries and leads to: IPv4-mapped (::ffff:a.b.c.d), NAT64
 * (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::/48). `::ffff:127.0.0.1` is loopback.
 */
function embeddedIPv4(address: string): string | undefined {
  const g = ipv6Groups(address);
  if (!g) return undefined;
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && g[5] === 0xffff) return quadOf(g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return quadOf(g[6], g[7]);
  if (g[0] === 0x2002) return quadOf(g[1], g[2]);
  return undefined;
}

/** What kind of non-public address `address` is, or undefined for a public one. */
export function addressClass(address: string): AddressClass | undefined {
  const family = isIP(address);
  if (family === 0) return 'reserved'; // not an address at all (a zone id, garbage): never called
  if (family === 6) {
    const v4 = embeddedIPv4(address);
    if (v4) return addressClass(v4);
  }
  const type = family === 6 ? 'ipv6' : 'ipv4';
  return BLOCKS.find(([, list]) => list.check(address, type))?.[0];
}

// --- The check --------------------------------------------------------------------------------

export const systemResolve: Resolve = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('DNS lookup timed out'), { code: 'ETIMEOUT' })),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const refuse = (refusal: OutboundRefusal, message: string): OutboundCheck => ({
  ok: false,
  refusal,
  message,
});

/**
 * Checks `raw` against `policy`: a parseable http(s) URL (https only when the policy says so),
 * without credentials, whose host is allowlisted or resolves only to public addresses. Answers the
 * vetted addresses to connect to.
 */
export async function checkOutboundUrl(
  raw: string,
  options: { policy?: OutboundPolicy; resolve?: Resolve } = {},
): Promise<OutboundCheck> {
  const policy = options.policy ?? outboundPolicyFromEnv();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('invalid_url', 'not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return refuse('invalid_url', 'only http and https URLs can be called');
  if (policy.httpsOnly && url.protocol !== 'https:') return refuse('invalid_url', 'must be an https URL');
  if (url.username || url.password) return refuse('invalid_url', 'must not contain credentials');

  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: ResolvedAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await withTimeout((options.resolve ?? systemResolve)(host), DNS_TIMEOUT_MS);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      return refuse('dns_failure', `${host} did not resolve${typeof code === 'string' ? ` (${code})` : ''}`);
    }
    if (addresses.length === 0) return refuse('dns_failure', `${host} did not resolve`);
  }
  if (isAllowlisted(url, policy)) return { ok: true, url, addresses };
  // Every address: a host answering one public and one internal address could be connected to either.
  for (const { address } of addresses) {
    const kind = addressClass(address);
    if (kind) {
      const what = `${kind === 'unspecified' ? 'an' : 'a'} ${kind} address`;
      const message = address === host ? `${host} is ${what}` : `${host} resolves to ${address}, ${what}`;
      return refuse('destination_not_allowed', message);
    }
  }
  return { ok: true, url, addresses };
}
