import { describe, expect, it } from 'vitest';
import { clientAddressOf } from '@/lib/rate-limit/client-address';

describe('clientAddressOf', () => {
  it('takes the first hop of x-forwarded-for, then x-real-ip, else one shared bucket', () => {
    expect(
      clientAddressOf(new Headers({ 'x-forwarded-for': ' 203.0.113.7 , 10.0.0.1', 'x-real-ip': '10.0.0.2' })),
    ).toBe('203.0.113.7');
    expect(clientAddressOf(new Headers({ 'x-real-ip': '198.51.100.4' }))).toBe('198.51.100.4');
    expect(clientAddressOf(new Headers({ 'x-forwarded-for': ' , ' }))).toBe('unknown');
    expect(clientAddressOf(new Headers())).toBe('unknown');
  });
});
