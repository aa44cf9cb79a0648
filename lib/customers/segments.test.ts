import { describe, expect, it } from 'vitest';
import { NO_PURCHASES, segmentsOf } from '@/lib/customers/segments';

const now = new Date('2026-12-01T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe('customer segments from purchase history', () => {
  it('a customer without a paid order is a first-order customer, nothing else', () => {
    expect(segmentsOf(NO_PURCHASES, now)).toEqual(['first-order']);
  });

  it('a recent customer is returning, with the categories they bought in', () => {
    const history = {
      orderCount: 2,
      lifetimeSpend: 25_000,
      lastOrderAt: daysAgo(10),
      categoryIds: ['home', 'audio', 'home'],
    };
    expect(segmentsOf(history, now)).toEqual(['returning', 'bought:audio', 'bought:home']);
  });

  it('no order in the last 90 days makes a customer lapsed; 90 days exactly does not', () => {
    const base = { orderCount: 1, lifetimeSpend: 5_000, categoryIds: [] };
    expect(segmentsOf({ ...base, lastOrderAt: daysAgo(91) }, now)).toContain('lapsed');
    expect(segmentsOf({ ...base, lastOrderAt: daysAgo(90) }, now)).not.toContain('lapsed');
  });

  it('$1,000 or more in all makes a big spender', () => {
    const base = { orderCount: 3, lastOrderAt: daysAgo(1), categoryIds: [] };
    expect(segmentsOf({ ...base, lifetimeSpend: 99_999 }, now)).not.toContain('big-spender');
    expect(segmentsOf({ ...base, lifetimeSpend: 100_000 }, now)).toContain('big-spender');
  });
});
