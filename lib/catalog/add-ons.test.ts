import { describe, expect, it } from 'vitest';
import {
  ADD_ON_IDS,
  addOnConfig,
  addOnConfigSchema,
  addOnUnitAmount,
  checkAddOnEligibility,
  findAddOn,
  giftMessageSchema,
  pruneIneligibleAddOns,
} from '@/lib/catalog/add-ons';
import { getCatalog } from '@/lib/catalog/index';
import { shippingConfig } from '@/lib/catalog/shipping';
import { testCatalog } from '@/test/fixtures/catalog';
import { selectionsOf } from '@/test/fixtures/selections';

const withCart = (addOns: Array<{ addOnId: string; productId: string | null }> = []) =>
  selectionsOf({
    items: [
      { productId: 'studio-headphones', quantity: 2 },
      { productId: 'linen-throw', quantity: 1 },
    ],
    addOns,
  });
const check = (addOnId: string, productId: string | null, selections = withCart()) =>
  checkAddOnEligibility(addOnId, productId, selections, testCatalog);

describe('add-on data', () => {
  it('offers gift wrap, gift message, extended warranty and express handling, priced in the store currency', () => {
    expect(ADD_ON_IDS).toEqual(['gift-wrap', 'gift-message', 'extended-warranty', 'express-handling']);
    expect(addOnConfig.currency).toBe(getCatalog().currency);
    expect(shippingConfig.currency).toBe(getCatalog().currency);
  });

  it('rejects add-on data with a requirement that does not exist or a per-order add-on priced per item', () => {
    const base = { id: 'a', name: 'A', description: 'A thing.', scope: 'order', price: { kind: 'flat', amount: 100 } };
    expect(addOnConfigSchema.safeParse({ currency: 'usd', addOns: [{ ...base, requires: ['nope'] }] }).success).toBe(
      false,
    );
    expect(
      addOnConfigSchema.safeParse({
        currency: 'usd',
        addOns: [{ ...base, price: { kind: 'share-of-item', basisPoints: 100 } }],
      }).success,
    ).toBe(false);
  });
});

describe('checkAddOnEligibility', () => {
  it('allows per-order add-ons for any non-empty order', () => {
    expect(check('gift-wrap', null)).toEqual({ ok: true });
    expect(check('express-handling', null)).toEqual({ ok: true });
  });

  it('refuses add-ons for an empty cart (unknown products do not count)', () => {
    const empty = selectionsOf({ items: [{ productId: 'ghost', quantity: 1 }] });
    expect(check('gift-wrap', null, empty)).toMatchObject({ ok: false, code: 'empty_cart' });
  });

  it('refuses an unknown add-on', () => {
    expect(check('free-money', null)).toMatchObject({ ok: false, code: 'unknown_add_on' });
  });

  it('refuses a per-order add-on aimed at one item', () => {
    expect(check('gift-wrap', 'studio-headphones')).toMatchObject({ ok: false, code: 'add_on_is_per_order' });
  });

  it('requires gift wrap before a gift message', () => {
    const refusal = check('gift-message', null);
    expect(refusal).toMatchObject({ ok: false, code: 'requires_add_on' });
    expect(refusal.ok ? '' : refusal.message).toMatch(/gift wrap/);
    expect(check('gift-message', null, withCart([{ addOnId: 'gift-wrap', productId: null }]))).toEqual({ ok: true });
  });

  it('allows an extended warranty only for warranty-eligible items in the cart', () => {
    expect(check('extended-warranty', 'studio-headphones')).toEqual({ ok: true });
    const notEligible = check('extended-warranty', 'linen-throw');
    expect(notEligible).toMatchObject({ ok: false, code: 'not_eligible' });
    expect(notEligible.ok ? '' : notEligible.message).toBe(
      'Extended warranty (2 years) is not available for Linen throw.',
    );
    expect(check('extended-warranty', 'desk-speaker')).toMatchObject({ ok: false, code: 'product_not_in_cart' });
    expect(check('extended-warranty', 'ghost')).toMatchObject({ ok: false, code: 'unknown_product' });
    expect(check('extended-warranty', null)).toMatchObject({ ok: false, code: 'product_required' });
  });
});

describe('add-on prices', () => {
  it('prices the warranty per unit at 15 % of the item, rounded half up', () => {
    const warranty = findAddOn('extended-warranty');
    const headphones = testCatalog.products.find((p) => p.id === 'studio-headphones');
    if (!warranty || !headphones) throw new Error('fixture');
    expect(addOnUnitAmount(warranty, headphones)).toBe(1_935);
    expect(addOnUnitAmount(warranty, { ...headphones, unitAmount: 1_999 })).toBe(300);
  });

  it('prices per-order add-ons flat', () => {
    const wrap = findAddOn('gift-wrap');
    if (!wrap) throw new Error('fixture');
    expect(addOnUnitAmount(wrap, null)).toBe(499);
  });
});

describe('giftMessageSchema', () => {
  it('accepts up to 200 characters, trimmed, with new lines', () => {
    expect(giftMessageSchema.parse('  Happy birthday!\nLove, Ada  ')).toBe('Happy birthday!\nLove, Ada');
    expect(giftMessageSchema.safeParse('x'.repeat(200)).success).toBe(true);
  });

  it('refuses empty, too long or control-character messages', () => {
    expect(giftMessageSchema.safeParse('   ').success).toBe(false);
    expect(giftMessageSchema.safeParse('x'.repeat(201)).success).toBe(false);
    expect(giftMessageSchema.safeParse('hi\u0007').success).toBe(false);
  });
});

describe('pruneIneligibleAddOns', () => {
  it('drops a gift message together with the gift wrap it needed, and warranties for removed items', () => {
    const selections = selectionsOf({
      items: [{ productId: 'linen-throw', quantity: 1 }],
      addOns: [
        { addOnId: 'gift-message', productId: null },
        { addOnId: 'extended-warranty', productId: 'studio-headphones' },
        { addOnId: 'express-handling', productId: null },
        { addOnId: 'express-handling', productId: null },
      ],
    });
    expect(pruneIneligibleAddOns(selections, testCatalog).addOns).toEqual([
      { addOnId: 'express-handling', productId: null },
    ]);
  });

  it('keeps everything that is still eligible', () => {
    const selections = withCart([
      { addOnId: 'gift-wrap', productId: null },
      { addOnId: 'gift-message', productId: null },
      { addOnId: 'extended-warranty', productId: 'studio-headphones' },
    ]);
    expect(pruneIneligibleAddOns(selections, testCatalog)).toEqual(selections);
  });
});
