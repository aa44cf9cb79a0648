import { describe, expect, it } from 'vitest';
import { availabilityOf } from '@/components/shop/stock';

describe('availabilityOf', () => {
  it('tells shoppers when a product is sold out, nearly gone or in stock', () => {
    expect(availabilityOf(0)).toEqual({ kind: 'sold-out' });
    expect(availabilityOf(1)).toEqual({ kind: 'low', left: 1 });
    expect(availabilityOf(5)).toEqual({ kind: 'low', left: 5 });
    expect(availabilityOf(6)).toEqual({ kind: 'in-stock' });
  });
});
