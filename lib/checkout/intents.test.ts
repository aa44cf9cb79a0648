import { describe, expect, it } from 'vitest';
import type { Catalog } from '@/lib/catalog/schema';
import { allowedShippingCountries } from '@/lib/checkout/deps';
import { applyIntent, emptySelections, sameItems } from '@/lib/checkout/intents';
import { usAddress } from '@/test/fixtures/addresses';
import { testCatalog } from '@/test/fixtures/catalog';

const catalog: Catalog = testCatalog;
const context = {
  catalog,
  allowedCountries: ['US', 'CA', 'DE'],
  unavailableUnits: new Map<string, number>(),
  discounts: null,
  now: new Date('2026-11-18T12:00:00Z'),
};
const address = usAddress;

describe('applyIntent', () => {
  it('sets the shipping address, keeping everything else', () => {
    const before = emptySelections([{ productId: 'test-headphones', quantity: 1 }]);
    const { selections: after, notices } = applyIntent(before, { type: 'set-shipping-address', address }, context);
    expect(after.shippingAddress).toEqual(address);
    expect(after.items).toEqual(before.items);
    expect(before.shippingAddress).toBeNull();
    expect(notices).toEqual([]);
  });

  it('refuses an address in a country the store does not ship to, naming it and the served countries', () => {
    const before = emptySelections([{ productId: 'test-headphones', quantity: 1 }]);
    expect(() =>
      applyIntent(before, { type: 'set-shipping-address', address: { ...address, country: 'BR' } }, context),
    ).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'country_not_supported',
        message: expect.stringMatching(/Brazil.*United States, Canada, Germany/),
      }),
    );
  });

  it('replaces the items and drops add-ons for items no longer in the cart', () => {
    const before = {
      ...emptySelections([
        { productId: 'test-headphones', quantity: 1 },
        { productId: 'test-mug', quantity: 2 },
      ]),
      addOns: [{ addOnId: 'extended-warranty', productId: 'test-headphones' }],
    };
    const kept = applyIntent(
      before,
      { type: 'replace-items', items: [{ productId: 'test-headphones', quantity: 2 }] },
      context,
    ).selections;
    expect(kept.addOns).toEqual(before.addOns);
    const dropped = applyIntent(
      before,
      { type: 'replace-items', items: [{ productId: 'test-mug', quantity: 1 }] },
      context,
    ).selections;
    expect(dropped.items).toEqual([{ productId: 'test-mug', quantity: 1 }]);
    expect(dropped.addOns).toEqual([]);
  });
});

describe('sameItems', () => {
  it('compares products, quantities and order', () => {
    const a = [
      { productId: 'x', quantity: 1 },
      { productId: 'y', quantity: 2 },
    ];
    expect(sameItems(a, [...a])).toBe(true);
    expect(sameItems(a, [{ productId: 'x', quantity: 1 }])).toBe(false);
    expect(
      sameItems(a, [
        { productId: 'x', quantity: 1 },
        { productId: 'y', quantity: 3 },
      ]),
    ).toBe(false);
    expect(
      sameItems(a, [
        { productId: 'y', quantity: 2 },
        { productId: 'x', quantity: 1 },
      ]),
    ).toBe(false);
  });
});

describe('allowedShippingCountries', () => {
  it('keeps configured countries the store has shipping rates for', () => {
    expect(allowedShippingCountries(['US', 'DE', 'KP'])).toEqual(['US', 'DE']);
  });
});
