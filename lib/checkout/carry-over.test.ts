import { describe, expect, it } from 'vitest';
import { carryOver, clampToStock } from '@/lib/checkout/carry-over';
import type { DiscountRules } from '@/lib/checkout/price';
import { demoRules } from '@/lib/discounts';
import type { DiscountContext } from '@/lib/discounts/types';
import { address, usAddress } from '@/test/fixtures/addresses';
import { testCatalog as catalog } from '@/test/fixtures/catalog';
import { selectionsOf } from '@/test/fixtures/selections';

const now = new Date('2026-11-18T12:00:00Z');
const noRedemptions: DiscountContext = {
  redemptions: { total: () => 0, byEmail: () => 0, held: () => 0, heldByEmail: () => 0 },
  email: null,
  isFirstOrder: null,
};
const discounts: DiscountRules = { rules: demoRules, context: noRedemptions };
const context = {
  catalog,
  allowedCountries: ['US', 'GB'],
  unavailableUnits: new Map<string, number>(),
  discounts,
  now,
};
const items = [
  { productId: 'test-headphones', quantity: 1 },
  { productId: 'test-mug', quantity: 2 },
];
const everything = selectionsOf({
  items,
  shippingAddress: usAddress,
  shippingMethodId: 'express',
  addOns: [
    { addOnId: 'gift-wrap', productId: null },
    { addOnId: 'gift-message', productId: null },
    { addOnId: 'extended-warranty', productId: 'test-headphones' },
  ],
  giftMessage: 'Happy birthday!',
  discountCodes: ['WELCOME10'],
});

describe('carryOver', () => {
  it('keeps the address, shipping method, add-ons with the gift message and the codes, for the items given', () => {
    const { selections, notices } = carryOver(everything, items, context);
    expect(selections).toEqual(everything);
    expect(notices).toEqual([]);
  });

  it('drops what no longer applies, each with the refusal a shopper’s own change would get', () => {
    const previous = {
      ...everything,
      shippingAddress: address('GB'),
      shippingMethodId: 'overnight',
      discountCodes: ['SUMMER25'],
    };
    const { selections, notices } = carryOver(previous, items, context);
    expect(selections).toMatchObject({ shippingAddress: address('GB'), shippingMethodId: null, discountCodes: [] });
    expect(notices).toEqual([
      'Overnight shipping is not available for this address. Choose one of: Standard shipping, Express shipping.',
      'The code SUMMER25 has expired.',
    ]);
  });

  it('leaves out, without a word, the warranty of an item no longer in the order', () => {
    const { selections, notices } = carryOver(everything, [{ productId: 'test-mug', quantity: 2 }], context);
    expect(selections.addOns).toEqual(everything.addOns.filter((a) => a.addOnId !== 'extended-warranty'));
    expect(selections.giftMessage).toBe('Happy birthday!');
    expect(notices).toEqual([]);
  });

  it('drops the codes, saying why, when the new checkout cannot take codes', () => {
    const { selections, notices } = carryOver(everything, items, { ...context, discounts: null });
    expect(selections.discountCodes).toEqual([]);
    expect(notices).toEqual([
      "Discount codes can't be used for this checkout right now. You can still complete your order at the full price.",
    ]);
  });
});

describe('clampToStock', () => {
  it('keeps what is in stock, lowers what is not to what is left, and takes out what sold out, saying so', () => {
    const unavailable = new Map([
      ['test-rare-watch', 1],
      ['test-mug', 100],
    ]);
    const clamped = clampToStock(
      [
        { productId: 'test-headphones', quantity: 2 },
        { productId: 'test-rare-watch', quantity: 2 },
        { productId: 'test-mug', quantity: 3 },
      ],
      catalog,
      unavailable,
    );
    expect(clamped.items).toEqual([
      { productId: 'test-headphones', quantity: 2 },
      { productId: 'test-rare-watch', quantity: 1 },
    ]);
    expect(clamped.notices).toEqual([
      'Only 1 of Test Rare Watch left in stock. Your order now has 1.',
      'Test Mug is sold out. It was taken out of your order.',
    ]);
  });
});
