import { describe, expect, it } from 'vitest';
import { assertQuantityAvailable, maxQuantityFor, quantityRefusal } from '@/lib/cart/rules';
import type { Product } from '@/lib/catalog/schema';

const lamp: Product = {
  id: 'lamp',
  name: 'Desk lamp',
  description: 'A lamp',
  categoryId: 'home',
  unitAmount: 4500,
  currency: 'usd',
  image: '/products/lamp.svg',
  imageAlt: 'A lamp',
  maxPerOrder: 4,
  stock: 10,
  taxCode: 'txcd_99999999',
  weightGrams: 900,
};

describe('cart quantity rules', () => {
  it('allows up to the per-order limit while stock lasts', () => {
    expect(quantityRefusal(lamp, 4, 0)).toBeNull();
    expect(maxQuantityFor(lamp, 0)).toBe(4);
  });

  it('names the per-order limit when the shopper asks for more', () => {
    expect(quantityRefusal(lamp, 5, 0)).toBe('You can buy at most 4 of Desk lamp per order.');
  });

  it('names the remaining stock when fewer units are left than the limit', () => {
    expect(maxQuantityFor(lamp, 8)).toBe(2);
    expect(quantityRefusal(lamp, 3, 8)).toBe('Only 2 of Desk lamp left in stock.');
    expect(quantityRefusal(lamp, 2, 8)).toBeNull();
  });

  it('says sold out when nothing is left, even if sales overshot stock', () => {
    expect(quantityRefusal(lamp, 1, 10)).toBe('Desk lamp is sold out.');
    expect(maxQuantityFor(lamp, 12)).toBe(0);
  });

  it('refuses with a 409 quantity_unavailable error', () => {
    expect(() => assertQuantityAvailable(lamp, 5, 0)).toThrow(
      expect.objectContaining({ status: 409, code: 'quantity_unavailable' }),
    );
  });
});
