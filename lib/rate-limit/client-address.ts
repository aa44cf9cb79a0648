/**
 * The client's IP address for per-address rate limits, read only from where the platform or our own proxy put it
 * (`ClientIpSource`, from the configuration). The first hop of `X-Forwarded-For` is whatever the client sent and is
 * never trusted: rotating it used to give every request a fresh budget.
 *
 * Route handlers never see the socket address, and `next start` copies a client-sent `X-Forwarded-For` through unchanged
 * (it fills it in only when absent), so without a configured source the address is unknown (null) — in development,
 * tests and a bare `next start`. Callers then skip the per-address budget; they must NOT fall back to one shared
 * bucket, which a few clients could spend for everyone.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { ClientIpSource } from '@/lib/config';

type HeaderSource = Pick<Headers, 'get'>;

function listOf(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** The raw address the trusted source names, or null. */
function rawAddressOf(headers: HeaderSource, source: ClientIpSource): string | null {
  switch (source.kind) {
    case 'vercel':
      // Set by Vercel's edge (a client-sent value is overwritten).
      return headers.get('x-real-ip')?.trim() || (listOf(headers.get('x-vercel-forwarded-for'))[0] ?? null);
    case 'header':
      // Set by the proxy; if one appended to it instead, its own entry is the last.
      return listOf(headers.get(source.header)).at(-1) ?? null;
    case 'proxy-hops': {
      // Each of our `hops` proxies appends the address it saw; everything left of those is the client's own story.
      const hops = listOf(headers.get('x-forwarded-for'));
      return hops.length >= source.hops ? (hops[hops.length - source.hops] ?? null) : null;
    }
    case 'unknown':
      return null;
  }
}

/** Expands an IPv6 address to its eight 16-bit groups (numbers), or null. */
function ipv6Groups(address: string): number[] | null {
  let text = address;
  const embedded = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (embedded?.[1] && embedded[2]) {
    const octets = embedded[2].split('.').map(Number);
    const [a = 0, b = 0, c = 0, d = 0] = octets;
    text = `${embedded[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string | undefined) => (part ? part.split(':') : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return groups.map((group) => Number.parseInt(group, 16));
}

/**
 * A rate-limit key for an address: IPv4 as is (a port dropped); IPv6 as its /64 prefix, since one subscriber is
 * routinely given a whole /64 and could otherwise rotate through 2^64 addresses; IPv4-mapped IPv6 as the IPv4 address.
 * Null for anything that is not an IP address.
 */
export function normalizeAddress(raw: string): string | null {
  let text = raw.trim();
  if (text.length === 0 || text.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
  if (withPort?.[1]) text = withPort[1];
  if (isIPv4(text)) return text;
  text = text.replace(/%.*$/, ''); // zone index, e.g. fe80::1%eth0
  if (!isIPv6(text)) return null;
  const groups = ipv6Groups(text.toLowerCase());
  if (!groups) return null;
  const isMapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (isMapped) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The client's address (normalised, see `normalizeAddress`) from the trusted source, or null when unknown. */
export function clientAddressOf(headers: HeaderSource, source: ClientIpSource): string | null {
  const raw = rawAddressOf(headers, source);
  return raw ? normalizeAddress(raw) : null;
}
