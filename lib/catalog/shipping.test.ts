import { describe, expect, it } from 'vitest';
import {
  cartWeightGrams,
  isShippableCountry,
  SHIPPABLE_COUNTRIES,
  shippingOptionsFor,
  withSelectedFirst,
} from '@/lib/catalog/shipping';
import type { QuoteLine, QuoteShippingOption } from '@/lib/pricing/types';
import { testCatalog } from '@/test/fixtures/catalog';

type Line = Pick<QuoteLine, 'kind' | 'productId' | 'quantity' | 'amount'>;
const productLine = (productId: string, quantity: number): Line => {
  const product = testCatalog.products.find((p) => p.id === productId);
  if (!product) throw new Error(productId);
  return { kind: 'product', productId, quantity, amount: product.unitAmount * quantity };
};
const summary = (options: QuoteShippingOption[]) => options.map((o) => [o.methodId, o.amount]);

describe('shippable countries', () => {
  it('ships to the US, Canada, Mexico, Europe and a list of other countries, case-insensitively', () => {
    for (const country of ['US', 'CA', 'MX', 'DE', 'GB', 'JP', 'AU', 'us'])
      expect(isShippableCountry(country)).toBe(true);
  });

  it('refuses countries outside the list', () => {
    for (const country of ['KP', 'RU', 'ZZ', '', 'USA']) expect(isShippableCountry(country)).toBe(false);
  });

  it('lists each country once', () => {
    expect(new Set(SHIPPABLE_COUNTRIES).size).toBe(SHIPPABLE_COUNTRIES.length);
  });
});

describe('shippingOptionsFor', () => {
  const lightCart = [productLine('soy-candle', 1)];

  it('offers nothing until an address is known, for an empty cart, or for a country not shipped to', () => {
    expect(shippingOptionsFor(null, lightCart, testCatalog)).toEqual([]);
    expect(shippingOptionsFor({ country: 'US' }, [], testCatalog)).toEqual([]);
    expect(shippingOptionsFor({ country: 'KP' }, lightCart, testCatalog)).toEqual([]);
  });

  it('offers standard, express and overnight at home, with delivery estimates', () => {
    const options = shippingOptionsFor({ country: 'US' }, lightCart, testCatalog);
    expect(summary(options)).toEqual([
      ['standard', 599],
      ['express', 1_499],
      ['overnight', 2_999],
    ]);
    expect(options[2]?.deliveryEstimate).toEqual({
      minimum: { unit: 'business_day', value: 1 },
      maximum: { unit: 'business_day', value: 1 },
    });
  });

  it('prices by region, and overnight is domestic only', () => {
    expect(summary(shippingOptionsFor({ country: 'CA' }, lightCart, testCatalog))).toEqual([
      ['standard', 1_499],
      ['express', 2_999],
    ]);
    expect(summary(shippingOptionsFor({ country: 'FR' }, lightCart, testCatalog))).toEqual([
      ['standard', 2_499],
      ['express', 3_999],
    ]);
    expect(summary(shippingOptionsFor({ country: 'JP' }, lightCart, testCatalog))).toEqual([
      ['standard', 2_999],
      ['express', 4_999],
    ]);
  });

  it('adds a per-kilogram charge for every started kilogram beyond the first', () => {
    // 2 × 1800 g = 3600 g → 3 extra started kilograms.
    const heavy = [productLine('desk-speaker', 2)];
    expect(cartWeightGrams(heavy, testCatalog)).toBe(3_600);
    expect(summary(shippingOptionsFor({ country: 'CA' }, heavy, testCatalog))).toEqual([
      ['standard', 1_499 + 3 * 300],
      ['express', 2_999 + 3 * 500],
    ]);
  });

  it('makes standard shipping free at home from a $75 merchandise subtotal, not abroad', () => {
    const justBelow = [productLine('soy-candle', 4), productLine('sticker', 5)]; // $74.50, 1650 g
    const atThreshold = [productLine('soy-candle', 4), productLine('sticker', 6)]; // $75.00, 1660 g
    expect(shippingOptionsFor({ country: 'US' }, justBelow, testCatalog)[0]?.amount).toBe(599 + 150);
    const free = shippingOptionsFor({ country: 'US' }, atThreshold, testCatalog);
    expect(free[0]).toMatchObject({ methodId: 'standard', amount: 0, displayName: 'Standard shipping (free)' });
    expect(free[1]?.amount).toBe(1_499 + 250);
    expect(shippingOptionsFor({ country: 'CA' }, atThreshold, testCatalog)[0]?.amount).toBe(1_499 + 300);
  });

  it('does not count add-ons towards free shipping', () => {
    const withAddOn: Line[] = [
      productLine('soy-candle', 1),
      { kind: 'add-on', productId: null, quantity: 1, amount: 90_000 },
    ];
    expect(shippingOptionsFor({ country: 'US' }, withAddOn, testCatalog)[0]?.amount).toBe(599);
  });

  it('offers only standard shipping to a PO box: couriers do not deliver express or overnight there', () => {
    const poBox = { country: 'US', line1: 'P.O. Box 1234', line2: null };
    expect(summary(shippingOptionsFor(poBox, lightCart, testCatalog))).toEqual([['standard', 599]]);
    const boxOnLine2 = { country: 'US', line1: '12 Market Street', line2: 'PO Box 9' };
    expect(summary(shippingOptionsFor(boxOnLine2, lightCart, testCatalog))).toEqual([['standard', 599]]);
    const street = { country: 'US', line1: '1 Boxwood Lane', line2: null };
    expect(shippingOptionsFor(street, lightCart, testCatalog).map((o) => o.methodId)).toEqual([
      'standard',
      'express',
      'overnight',
    ]);
  });

  it('refuses to mix currencies', () => {
    expect(() => shippingOptionsFor({ country: 'US' }, lightCart, { ...testCatalog, currency: 'eur' })).toThrow();
  });
});

describe('withSelectedFirst', () => {
  const options = shippingOptionsFor({ country: 'US' }, [productLine('soy-candle', 1)], testCatalog);

  it('puts the requested method first, keeping the others in order', () => {
    const result = withSelectedFirst(options, 'overnight');
    expect(result.selectedMethodId).toBe('overnight');
    expect(result.options.map((o) => o.methodId)).toEqual(['overnight', 'standard', 'express']);
  });

  it('falls back to the cheapest offered option when the requested one is not offered or none was chosen', () => {
    const canada = shippingOptionsFor({ country: 'CA' }, [productLine('soy-candle', 1)], testCatalog);
    expect(withSelectedFirst(canada, 'overnight').selectedMethodId).toBe('standard');
    expect(withSelectedFirst(options, null).selectedMethodId).toBe('standard');
    const expressCheaper = options.map((o) => (o.methodId === 'express' ? { ...o, amount: 1 } : o));
    expect(withSelectedFirst(expressCheaper, 'bogus').options[0]?.methodId).toBe('express');
  });

  it('selects nothing when nothing is offered', () => {
    expect(withSelectedFirst([], 'standard')).toEqual({ options: [], selectedMethodId: null });
  });
});
