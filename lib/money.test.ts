import { describe, expect, it } from 'vitest';
import { decimalsOf, formatMoney, money, shareOf } from './money';

describe('money', () => {
  it('formats two-, zero- and three-decimal currencies from minor units', () => {
    expect(formatMoney(1099, 'usd')).toBe('$10.99');
    expect(formatMoney(1099, 'jpy')).toBe('¥1,099');
    expect(formatMoney(1099, 'kwd').replace(/\s/g, ' ')).toBe('KWD 1.099');
    expect(decimalsOf('JPY')).toBe(0);
  });

  it('refuses fractional minor units', () => {
    expect(() => money(10.5, 'usd')).toThrow(RangeError);
    expect(() => formatMoney(0.1 + 0.2, 'usd')).toThrow(RangeError);
  });

  it('takes shares with integer rounding half up', () => {
    expect(shareOf(1999, 1500)).toBe(300);
    expect(shareOf(10_000, 1250)).toBe(1250);
    expect(shareOf(1, 5000)).toBe(1);
    expect(shareOf(0, 1500)).toBe(0);
  });
});
