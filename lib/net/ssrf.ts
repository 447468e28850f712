import { BlockList, isIP, type LookupFunction } from 'node:net';
import dns from 'node:dns';

/**
 * SSRF guard for server-side requests to admin-supplied URLs (monitors, later webhooks).
 *
 * A URL's host is resolved and EVERY address is checked: one private address among public
 * ones is enough to refuse, because the client may connect to any of them. Refused unless the
 * admin setting network.allow_private_targets is on:
 *   loopback     127/8, ::1
 *   private      10/8, 172.16/12, 192.168/16, fc00::/7 (unique local), fec0::/10 (old site-local)
 *   link_local   169.254/16 (cloud metadata at 169.254.169.254), fe80::/10
 *   unspecified  0/8, ::
 *   shared       100.64/10 (carrier-grade NAT)
 *   multicast    224/4, ff00::/8
 *   reserved     240/4 and 255.255.255.255, 192.0.0/24, 198.18/15, the documentation ranges,
 *                100::/64 (discard), 2001:db8::/32
 * IPv6 forms that carry an IPv4 address are judged by that address: IPv4-mapped ::ffff:a.b.c.d,
 * IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96 and 6to4 2002::/16.
 */
export type BlockedReason = 'loopback' | 'private' | 'link_local' | 'unspecified' | 'shared' | 'multicast' | 'reserved';
export type TargetProblem = BlockedReason | 'invalid_url' | 'scheme' | 'credentials' | 'unresolvable';

const ranges = (family: 'ipv4' | 'ipv6', subnets: Array<[string, number]>) => {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, family);
  return list;
};

const IPV4: Array<[BlockedReason, BlockList]> = [
  ['unspecified', ranges('ipv4', [['0.0.0.0', 8]])],
  ['loopback', ranges('ipv4', [['127.0.0.0', 8]])],
  ['private', ranges('ipv4', [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16]])],
  ['link_local', ranges('ipv4', [['169.254.0.0', 16]])],
  ['shared', ranges('ipv4', [['100.64.0.0', 10]])],
  ['multicast', ranges('ipv4', [['224.0.0.0', 4]])],
  [
    'reserved',
    ranges('ipv4', [['240.0.0.0', 4], ['192.0.0.0', 24], ['192.0.2.0', 24], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24]]),
  ],
];

const IPV6: Array<[BlockedReason, BlockList]> = [
  ['unspecified', ranges('ipv6', [['::', 128]])],
  ['loopback', ranges('ipv6', [['::1', 128]])],
  ['private', ranges('ipv6', [['fc00::', 7], ['fec0::', 10]])],
  ['link_local', ranges('ipv6', [['fe80::', 10]])],
  ['multicast', ranges('ipv6', [['ff00::', 8]])],
  ['reserved', ranges('ipv6', [['100::', 64], ['2001:db8::', 32]])],
];

/** The eight 16-bit groups of an IPv6 address (with or without an embedded dotted IPv4 tail). */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const groups = tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

const ipv4From = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/** Why an address may not be reached, or null for a public address. */
export function classifyAddress(address: string): BlockedReason | null {
  const family = isIP(address);
  if (family === 4) {
    for (const [reason, list] of IPV4) if (list.check(address, 'ipv4')) return reason;
    return null;
  }
  if (family !== 6) return 'reserved';
  const g = ipv6Groups(address);
  if (!g) return 'reserved';
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  // IPv4-mapped (::ffff:0:0/96) and IPv4-compatible (::/96, but not :: and ::1 themselves).
  if (zeros(0, 5) && g[5] === 0xffff) return classifyAddress(ipv4From(g[6]!, g[7]!));
  if (zeros(0, 6) && (g[6] !== 0 || g[7]! > 1)) return classifyAddress(ipv4From(g[6]!, g[7]!));
  // NAT64 well-known prefix 64:ff9b::/96 and 6to4 2002::/16 reach the IPv4 address they embed.
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return classifyAddress(ipv4From(g[6]!, g[7]!));
  if (g[0] === 0x2002) return classifyAddress(ipv4From(g[1]!, g[2]!));
  const normalized = g.map((x) => x.toString(16)).join(':');
  for (const [reason, list] of IPV6) if (list.check(normalized, 'ipv6')) return reason;
  return null;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export type TargetCheck =
  | { ok: true; url: URL; addresses: ResolvedAddress[] }
  | { ok: false; problem: TargetProblem; address?: string };

/** The host of a URL without IPv6 brackets. */
export const urlHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/** Refuses every address in `addresses` that is not public (unless private ones are allowed). */
export function checkAddresses(addresses: readonly ResolvedAddress[], allowPrivate: boolean): TargetCheck | undefined {
  if (addresses.length === 0) return { ok: false, problem: 'unresolvable' };
  if (allowPrivate) return undefined;
  for (const { address } of addresses) {
    const reason = classifyAddress(address);
    if (reason) return { ok: false, problem: reason, address };
  }
  return undefined;
}

/**
 * Save-time check of an http(s) URL: scheme, no credentials, host resolves, and (unless
 * allowPrivate) every address is public. Probe time checks again (see guardedLookup): DNS
 * answers can change between saving a monitor and probing it.
 */
export async function checkTarget(
  rawUrl: string,
  { allowPrivate, resolve = systemResolver }: { allowPrivate: boolean; resolve?: Resolver },
): Promise<TargetCheck> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, problem: 'invalid_url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'scheme' };
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  const host = urlHost(url);
  let addresses: ResolvedAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return { ok: false, problem: 'unresolvable' };
    }
  }
  return checkAddresses(addresses, allowPrivate) ?? { ok: true, url, addresses };
}

export class BlockedTargetError extends Error {
  constructor(
    readonly problem: TargetProblem,
    readonly address?: string,
  ) {
    super(`refused: ${address ?? 'target'} is ${problem.replace('_', '-')}`);
    this.name = 'BlockedTargetError';
  }
}

/**
 * A `lookup` for http.request / net.connect that resolves the host and checks the addresses
 * in the same step as the connection uses them. The socket connects to exactly the addresses
 * that were checked, so a DNS answer that changes between check and connect (DNS rebinding)
 * cannot slip a private address through. (Hosts that are IP literals never reach a lookup:
 * check those with checkTarget first.)
 */
export function guardedLookup(allowPrivate: boolean, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        const refusal = checkAddresses(wanted, allowPrivate);
        if (refusal && !refusal.ok) {
          callback(new BlockedTargetError(refusal.problem, refusal.address) as NodeJS.ErrnoException, '', 0);
          return;
        }
        if (options.all) (callback as unknown as (error: null, addresses: ResolvedAddress[]) => void)(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
