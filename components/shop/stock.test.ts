import { describe, expect, it } from 'vitest';
import { availabilityOf, maxOrderable } from '@/components/shop/stock';

describe('availabilityOf', () => {
  it('tells shoppers when a product is sold out, nearly gone or in stock', () => {
    expect(availabilityOf(0)).toEqual({ kind: 'sold-out' });
    expect(availabilityOf(1)).toEqual({ kind: 'low', left: 1 });
    expect(availabilityOf(5)).toEqual({ kind: 'low', left: 5 });
    expect(availabilityOf(6)).toEqual({ kind: 'in-stock' });
  });
});

describe('maxOrderable', () => {
  it('is the per-order limit unless stock is lower', () => {
    expect(maxOrderable({ maxPerOrder: 4, stock: 40 })).toBe(4);
    expect(maxOrderable({ maxPerOrder: 4, stock: 3 })).toBe(3);
    expect(maxOrderable({ maxPerOrder: 4, stock: 0 })).toBe(0);
  });
});
