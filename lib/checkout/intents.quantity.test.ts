import { describe, expect, it } from 'vitest';
import { applyIntent, emptySelections } from '@/lib/checkout/intents';
import type { CheckoutSelections } from '@/lib/pricing/types';
import { testCatalog as catalog } from '@/test/fixtures/catalog';

const order: CheckoutSelections = {
  ...emptySelections([
    { productId: 'test-headphones', quantity: 1 },
    { productId: 'test-mug', quantity: 2 },
  ]),
  addOns: [{ addOnId: 'extended-warranty', productId: 'test-headphones' }],
};

function setQuantity(selections: CheckoutSelections, productId: string, quantity: number, sold = new Map()) {
  return applyIntent(
    selections,
    { type: 'set-quantity', productId, quantity },
    {
      catalog,
      allowedCountries: ['US'],
      unavailableUnits: sold,
      discounts: null,
      now: new Date('2026-11-18T12:00:00Z'),
    },
  ).selections;
}

describe('set-quantity', () => {
  it('changes one item’s quantity in place, keeping order and add-ons', () => {
    const after = setQuantity(order, 'test-mug', 5);
    expect(after.items).toEqual([
      { productId: 'test-headphones', quantity: 1 },
      { productId: 'test-mug', quantity: 5 },
    ]);
    expect(after.addOns).toEqual(order.addOns);
  });

  it('refuses more than the per-order limit with 409 quantity_unavailable naming the limit', () => {
    expect(() => setQuantity(order, 'test-headphones', 4)).toThrow(
      expect.objectContaining({
        status: 409,
        code: 'quantity_unavailable',
        message: 'You can buy at most 3 of Test Headphones per order.',
      }),
    );
    expect(setQuantity(order, 'test-headphones', 3).items[0]?.quantity).toBe(3);
  });

  it('bounds increases by the stock left, but always allows lowering', () => {
    const watch = emptySelections([
      { productId: 'test-rare-watch', quantity: 2 },
      { productId: 'test-mug', quantity: 1 },
    ]);
    const sold = new Map([['test-rare-watch', 1]]);
    expect(() =>
      setQuantity({ ...watch, items: [{ productId: 'test-rare-watch', quantity: 1 }] }, 'test-rare-watch', 2, sold),
    ).toThrow(
      expect.objectContaining({ code: 'quantity_unavailable', message: 'Only 1 of Test Rare Watch left in stock.' }),
    );
    expect(setQuantity(watch, 'test-rare-watch', 1, sold).items[0]).toEqual({
      productId: 'test-rare-watch',
      quantity: 1,
    });
  });

  it('removes an item at 0 with its add-ons, and refuses to remove the last item with 409 last_item', () => {
    const after = setQuantity(order, 'test-headphones', 0);
    expect(after.items).toEqual([{ productId: 'test-mug', quantity: 2 }]);
    expect(after.addOns).toEqual([]);
    expect(() => setQuantity(after, 'test-mug', 0)).toThrow(
      expect.objectContaining({ status: 409, code: 'last_item', message: expect.stringMatching(/back to the store/) }),
    );
  });

  it('treats removing an item that is already gone as done, and refuses other changes to it with 404', () => {
    expect(setQuantity(order, 'test-rare-watch', 0)).toBe(order);
    expect(() => setQuantity(order, 'test-rare-watch', 1)).toThrow(
      expect.objectContaining({ status: 404, code: 'checkout_item_not_found' }),
    );
  });

  it('refuses negative and fractional quantities with 400', () => {
    for (const quantity of [-1, 1.5, Number.NaN]) {
      expect(() => setQuantity(order, 'test-mug', quantity)).toThrow(expect.objectContaining({ status: 400 }));
    }
  });
});
