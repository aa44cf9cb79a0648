import { describe, expect, it } from 'vitest';
import { clientAddressOf, normalizeAddress } from '@/lib/rate-limit/client-address';

const h = (headers: Record<string, string>) => new Headers(headers);

describe('clientAddressOf', () => {
  it('never trusts the first hop of X-Forwarded-For, whatever the source', () => {
    const spoofed = h({ 'x-forwarded-for': '203.0.113.7' });
    expect(clientAddressOf(spoofed, { kind: 'unknown' })).toBeNull();
    expect(clientAddressOf(spoofed, { kind: 'vercel' })).toBeNull();
    expect(clientAddressOf(spoofed, { kind: 'header', header: 'x-real-ip' })).toBeNull();
    // One appending proxy: the client-sent hops come first, the proxy's view of the client last.
    expect(
      clientAddressOf(h({ 'x-forwarded-for': '203.0.113.7, 198.51.100.4' }), { kind: 'proxy-hops', hops: 1 }),
    ).toBe('198.51.100.4');
  });

  it('knows no address without a trusted source, even with every header present', () => {
    const all = h({ 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '198.51.100.4', 'cf-connecting-ip': '192.0.2.1' });
    expect(clientAddressOf(all, { kind: 'unknown' })).toBeNull();
  });

  it('on Vercel reads x-real-ip, else x-vercel-forwarded-for', () => {
    expect(
      clientAddressOf(h({ 'x-real-ip': '198.51.100.4', 'x-forwarded-for': '203.0.113.7' }), { kind: 'vercel' }),
    ).toBe('198.51.100.4');
    expect(clientAddressOf(h({ 'x-vercel-forwarded-for': '198.51.100.5' }), { kind: 'vercel' })).toBe('198.51.100.5');
    expect(clientAddressOf(h({}), { kind: 'vercel' })).toBeNull();
  });

  it('reads a configured trusted header (its last entry if a proxy appended to it)', () => {
    const source = { kind: 'header', header: 'cf-connecting-ip' } as const;
    expect(clientAddressOf(h({ 'cf-connecting-ip': ' 192.0.2.1 ' }), source)).toBe('192.0.2.1');
    expect(clientAddressOf(h({ 'cf-connecting-ip': '10.9.9.9, 192.0.2.1' }), source)).toBe('192.0.2.1');
    expect(clientAddressOf(h({ 'x-real-ip': '192.0.2.1' }), source)).toBeNull();
  });

  it('takes the Nth address from the right of X-Forwarded-For, and none when there are fewer hops', () => {
    const source = { kind: 'proxy-hops', hops: 2 } as const;
    expect(clientAddressOf(h({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.0.0.2' }), source)).toBe('203.0.113.9');
    expect(clientAddressOf(h({ 'x-forwarded-for': ' 203.0.113.9 ,10.0.0.2' }), source)).toBe('203.0.113.9');
    // Fewer hops than proxies: the request did not come through them all, so nothing in it can be trusted.
    expect(clientAddressOf(h({ 'x-forwarded-for': '10.0.0.2' }), source)).toBeNull();
    expect(clientAddressOf(h({ 'x-forwarded-for': ' , ' }), { kind: 'proxy-hops', hops: 1 })).toBeNull();
    expect(clientAddressOf(h({}), source)).toBeNull();
  });

  it('refuses a value that is not an IP address', () => {
    const source = { kind: 'header', header: 'x-real-ip' } as const;
    expect(clientAddressOf(h({ 'x-real-ip': 'unknown' }), source)).toBeNull();
    expect(clientAddressOf(h({ 'x-real-ip': `1.2.3.4${'x'.repeat(100)}` }), source)).toBeNull();
    expect(clientAddressOf(h({ 'x-real-ip': 'discount-code:session:cs_1' }), source)).toBeNull();
  });
});

describe('normalizeAddress', () => {
  it('keeps IPv4 addresses, dropping a port', () => {
    expect(normalizeAddress('198.51.100.4')).toBe('198.51.100.4');
    expect(normalizeAddress('198.51.100.4:51234')).toBe('198.51.100.4');
    expect(normalizeAddress('999.1.1.1')).toBeNull();
  });

  it('buckets IPv6 by its /64 prefix (one subscriber holds a whole /64), and unwraps IPv4-mapped addresses', () => {
    expect(normalizeAddress('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd:12::/64');
    expect(normalizeAddress('2001:DB8:ABCD:0012:ffff::1')).toBe('2001:db8:abcd:12::/64');
    expect(normalizeAddress('[2001:db8::1]:443')).toBe('2001:db8:0:0::/64');
    expect(normalizeAddress('::1')).toBe('0:0:0:0::/64');
    expect(normalizeAddress('::ffff:198.51.100.4')).toBe('198.51.100.4');
    expect(normalizeAddress('2001:db8::1::2')).toBeNull();
    expect(normalizeAddress('')).toBeNull();
  });
});
