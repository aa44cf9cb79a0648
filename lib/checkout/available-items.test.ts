import { describe, expect, it } from 'vitest';
import { availableItems } from '@/lib/checkout/available-items';
import { applyIntent, emptySelections } from '@/lib/checkout/intents';
import { testCatalog } from '@/test/fixtures/catalog';

const withdrawn = { ...testCatalog, products: testCatalog.products.filter((p) => p.id !== 'test-mug') };
const quotedLines = [{ productId: 'test-mug', name: 'Test Mug' }];
const none = new Map<string, number>();

describe('availableItems', () => {
  it('keeps an order the store can still sell as it is, with no notice', () => {
    const items = [{ productId: 'test-mug', quantity: 2 }];
    expect(availableItems(items, { catalog: testCatalog, unavailableUnits: none })).toEqual({ items, notices: [] });
  });

  it('removes a withdrawn product, naming it as the order last showed it', () => {
    const result = availableItems(
      [
        { productId: 'test-headphones', quantity: 1 },
        { productId: 'test-mug', quantity: 2 },
      ],
      { catalog: withdrawn, unavailableUnits: none, quotedLines },
    );
    expect(result).toEqual({
      items: [{ productId: 'test-headphones', quantity: 1 }],
      notices: [
        { code: 'item_removed', message: 'Test Mug is no longer available, so it was removed from your order.' },
      ],
    });
  });

  it('removes what sold out and reduces what has fewer units left than the order holds', () => {
    const result = availableItems(
      [
        { productId: 'test-rare-watch', quantity: 2 },
        { productId: 'test-headphones', quantity: 3 },
        { productId: 'test-mug', quantity: 1 },
      ],
      {
        catalog: testCatalog,
        unavailableUnits: new Map([
          ['test-rare-watch', 2],
          ['test-headphones', 38],
        ]),
      },
    );
    expect(result.items).toEqual([
      { productId: 'test-headphones', quantity: 2 },
      { productId: 'test-mug', quantity: 1 },
    ]);
    expect(result.notices).toEqual([
      { code: 'item_removed', message: 'Test Rare Watch sold out, so it was removed from your order.' },
      {
        code: 'item_quantity_reduced',
        message: 'Only 2 of Test Headphones can be ordered now, so your order has 2.',
      },
    ]);
  });

  it('refuses with 409 checkout_items_unavailable when nothing of the order is left', () => {
    expect(() =>
      availableItems([{ productId: 'test-mug', quantity: 1 }], {
        catalog: withdrawn,
        unavailableUnits: none,
        quotedLines,
      }),
    ).toThrow(
      expect.objectContaining({
        status: 409,
        code: 'checkout_items_unavailable',
        message: 'Test Mug is no longer available. Go back to the store to choose something else.',
      }),
    );
  });
});

describe('applyIntent with items the store no longer sells', () => {
  const context = {
    catalog: withdrawn,
    allowedCountries: ['US'],
    unavailableUnits: none,
    discounts: null,
    now: new Date(),
    quotedLines,
  };

  it('takes them out before any change, and drops the add-ons that covered them', () => {
    const selections = {
      ...emptySelections([
        { productId: 'test-headphones', quantity: 1 },
        { productId: 'test-mug', quantity: 1 },
      ]),
      addOns: [{ addOnId: 'gift-wrap', productId: null }],
    };
    const outcome = applyIntent(selections, { type: 'refresh' }, context);
    expect(outcome.selections.items).toEqual([{ productId: 'test-headphones', quantity: 1 }]);
    expect(outcome.selections.addOns).toEqual([{ addOnId: 'gift-wrap', productId: null }]);
    expect(outcome.notices.map((notice) => notice.code)).toEqual(['item_removed']);
  });

  it('leaves the items a new cart brings (replace-items) to the cart’s own checks', () => {
    const outcome = applyIntent(
      emptySelections([{ productId: 'test-mug', quantity: 1 }]),
      { type: 'replace-items', items: [{ productId: 'test-headphones', quantity: 1 }] },
      context,
    );
    expect(outcome).toEqual({
      selections: emptySelections([{ productId: 'test-headphones', quantity: 1 }]),
      notices: [],
    });
  });
});
