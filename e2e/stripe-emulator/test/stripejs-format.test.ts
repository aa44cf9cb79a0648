import { describe, expect, it } from 'vitest';
import { checkoutAmount, formatAmount, minorUnitsAmountDivisor } from '../src/stripejs/format';

describe('stand-in Stripe.js amount formatting', () => {
  it('formats minor units like Stripe.js for two-, zero- and three-decimal currencies', () => {
    expect(formatAmount(1099, 'usd')).toBe('$10.99');
    expect(formatAmount(123456, 'USD')).toBe('$1,234.56');
    expect(formatAmount(500, 'jpy')).toBe('¥500');
    expect(formatAmount(1500, 'kwd')).toMatch(/^KWD\s1\.500$/); // Intl puts a no-break space here
    expect(formatAmount(0, 'eur')).toBe('€0.00');
  });

  it('reports the divisor from minor to major units', () => {
    expect(minorUnitsAmountDivisor('usd')).toBe(100);
    expect(minorUnitsAmountDivisor('jpy')).toBe(1);
    expect(minorUnitsAmountDivisor('bhd')).toBe(1000);
  });

  it("follows Stripe's zero- and three-decimal lists and its two-decimal special cases", () => {
    for (const c of ['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv']) {
      expect(minorUnitsAmountDivisor(c)).toBe(1);
    }
    for (const c of ['xaf', 'xof', 'xpf']) expect(minorUnitsAmountDivisor(c)).toBe(1);
    for (const c of ['bhd', 'jod', 'kwd', 'omr', 'tnd']) expect(minorUnitsAmountDivisor(c)).toBe(1000);
    for (const c of ['huf', 'isk', 'twd', 'eur', 'gbp']) expect(minorUnitsAmountDivisor(c)).toBe(100);
  });

  it('pairs the integer amount with its formatted string', () => {
    expect(checkoutAmount(2500, 'usd')).toEqual({ minorUnitsAmount: 2500, amount: '$25.00' });
  });
});
