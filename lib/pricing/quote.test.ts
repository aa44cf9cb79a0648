import { describe, expect, it, vi } from 'vitest';
import { buildQuote, type DiscountEvaluator } from '@/lib/pricing/quote';
import { address } from '@/test/fixtures/addresses';
import { testCatalog } from '@/test/fixtures/catalog';
import { selectionsOf } from '@/test/fixtures/selections';

const now = new Date('2026-11-20T12:00:00Z');
const summary = (lines: ReadonlyArray<{ key: string; unitAmount: number; quantity: number; amount: number }>) =>
  lines.map((l) => [l.key, l.unitAmount, l.quantity, l.amount]);

describe('buildQuote — products', () => {
  it('prices product lines in cart order and totals them', () => {
    const quote = buildQuote(
      selectionsOf({
        items: [
          { productId: 'linen-throw', quantity: 2 },
          { productId: 'studio-headphones', quantity: 1 },
        ],
      }),
      testCatalog,
      now,
    );
    expect(summary(quote.lines)).toEqual([
      ['product:linen-throw', 5_900, 2, 11_800],
      ['product:studio-headphones', 12_900, 1, 12_900],
    ]);
    expect(quote.lines[0]).toMatchObject({ name: 'Linen throw', image: '/products/linen-throw.svg', kind: 'product' });
    expect(quote).toMatchObject({
      currency: 'usd',
      subtotal: 24_700,
      shippingAmount: 0,
      discountAmount: 0,
      total: 24_700,
    });
  });

  it('drops unknown products, merges repeated ones and caps quantities at the per-order maximum', () => {
    const quote = buildQuote(
      selectionsOf({
        items: [
          { productId: 'ghost', quantity: 1 },
          { productId: 'desk-speaker', quantity: 2 },
          { productId: 'soy-candle', quantity: 0 },
          { productId: 'desk-speaker', quantity: 2 },
        ],
      }),
      testCatalog,
      now,
    );
    expect(summary(quote.lines)).toEqual([['product:desk-speaker', 8_900, 3, 26_700]]);
  });
});

describe('buildQuote — add-ons', () => {
  const cart = [
    { productId: 'studio-headphones', quantity: 2 },
    { productId: 'linen-throw', quantity: 1 },
  ];

  it('adds add-on lines after the products, in a fixed order, named so a shopper understands them', () => {
    const quote = buildQuote(
      selectionsOf({
        items: cart,
        addOns: [
          { addOnId: 'express-handling', productId: null },
          { addOnId: 'extended-warranty', productId: 'studio-headphones' },
          { addOnId: 'gift-wrap', productId: null },
        ],
      }),
      testCatalog,
      now,
    );
    expect(summary(quote.lines)).toEqual([
      ['product:studio-headphones', 12_900, 2, 25_800],
      ['product:linen-throw', 5_900, 1, 5_900],
      ['add-on:gift-wrap', 499, 1, 499],
      ['add-on:extended-warranty:studio-headphones', 1_935, 2, 3_870],
      ['add-on:express-handling', 399, 1, 399],
    ]);
    expect(quote.lines[3]?.name).toBe('Extended warranty (2 years) — Studio headphones');
    expect(quote.subtotal).toBe(25_800 + 5_900 + 499 + 3_870 + 399);
  });

  it('shows the gift message text on its line', () => {
    const quote = buildQuote(
      selectionsOf({
        items: cart,
        addOns: [
          { addOnId: 'gift-wrap', productId: null },
          { addOnId: 'gift-message', productId: null },
        ],
        giftMessage: 'Happy birthday, Ada!',
      }),
      testCatalog,
      now,
    );
    expect(quote.lines.find((l) => l.key === 'add-on:gift-message')).toMatchObject({
      name: 'Gift message card',
      description: 'Your message: “Happy birthday, Ada!”',
      amount: 100,
    });
  });

  it('drops add-ons that are no longer eligible and repeated selections', () => {
    const quote = buildQuote(
      selectionsOf({
        items: cart,
        addOns: [
          { addOnId: 'gift-message', productId: null },
          { addOnId: 'extended-warranty', productId: 'linen-throw' },
          { addOnId: 'extended-warranty', productId: 'desk-speaker' },
          { addOnId: 'express-handling', productId: null },
          { addOnId: 'express-handling', productId: null },
          { addOnId: 'unknown', productId: null },
        ],
      }),
      testCatalog,
      now,
    );
    expect(quote.lines.filter((l) => l.kind === 'add-on').map((l) => l.key)).toEqual(['add-on:express-handling']);
  });

  it('prices no add-ons for an empty cart', () => {
    const quote = buildQuote(
      selectionsOf({ addOns: [{ addOnId: 'gift-wrap', productId: null }], shippingAddress: address('US') }),
      testCatalog,
      now,
    );
    expect(quote).toMatchObject({ lines: [], shippingOptions: [], subtotal: 0, total: 0 });
  });
});

describe('buildQuote — shipping', () => {
  const items = [{ productId: 'soy-candle', quantity: 1 }];

  it('offers no shipping until an address is known', () => {
    const quote = buildQuote(selectionsOf({ items, shippingMethodId: 'express' }), testCatalog, now);
    expect(quote).toMatchObject({
      shippingOptions: [],
      selectedShippingMethodId: null,
      shippingAmount: 0,
      total: 1_800,
    });
  });

  it('puts the chosen method first and charges it', () => {
    const quote = buildQuote(
      selectionsOf({ items, shippingAddress: address('US'), shippingMethodId: 'express' }),
      testCatalog,
      now,
    );
    expect(quote.shippingOptions.map((o) => o.methodId)).toEqual(['express', 'standard', 'overnight']);
    expect(quote).toMatchObject({ selectedShippingMethodId: 'express', shippingAmount: 1_499, total: 1_800 + 1_499 });
  });

  it('falls back to the cheapest option when the chosen one is not offered at the new address', () => {
    const quote = buildQuote(
      selectionsOf({ items, shippingAddress: address('CA'), shippingMethodId: 'overnight' }),
      testCatalog,
      now,
    );
    expect(quote.shippingOptions.map((o) => o.methodId)).toEqual(['standard', 'express']);
    expect(quote).toMatchObject({ selectedShippingMethodId: 'standard', shippingAmount: 1_499 });
  });

  it('offers nothing for a country the store does not ship to', () => {
    const quote = buildQuote(selectionsOf({ items, shippingAddress: address('KP') }), testCatalog, now);
    expect(quote.shippingOptions).toEqual([]);
  });
});

describe('buildQuote — the discount slot', () => {
  const items = [{ productId: 'studio-headphones', quantity: 1 }];

  it('has no discount without an evaluator, even with codes', () => {
    const quote = buildQuote(selectionsOf({ items, discountCodes: ['WELCOME10'] }), testCatalog, now);
    expect(quote).toMatchObject({ discount: null, discountAmount: 0, total: 12_900 });
  });

  it('passes the priced order and the clock to the evaluator and subtracts its discount', () => {
    const evaluator = vi.fn<DiscountEvaluator>((input) => ({
      name: 'WELCOME10',
      amount: Math.floor(input.subtotal / 10),
      applied: [{ ruleId: 'welcome', label: '10 % off', amount: Math.floor(input.subtotal / 10) }],
    }));
    const quote = buildQuote(
      selectionsOf({ items, discountCodes: ['WELCOME10'], shippingAddress: address('US') }),
      testCatalog,
      now,
      evaluator,
    );
    expect(evaluator).toHaveBeenCalledWith(
      expect.objectContaining({
        codes: ['WELCOME10'],
        subtotal: 12_900,
        shippingAmount: 0,
        selectedShippingMethodId: 'standard',
        shippingCountry: 'US',
        now,
      }),
    );
    expect(quote).toMatchObject({ discountAmount: 1_290, subtotal: 12_900, shippingAmount: 0, total: 11_610 });
  });

  it("tells the evaluator each line's product category and the address's state", () => {
    const evaluator = vi.fn<DiscountEvaluator>(() => null);
    const shippingAddress = { ...address('US'), state: 'CA' };
    buildQuote(
      selectionsOf({
        items: [...items, { productId: 'soy-candle', quantity: 2 }],
        addOns: [
          { addOnId: 'gift-wrap', productId: null },
          { addOnId: 'extended-warranty', productId: 'studio-headphones' },
        ],
        shippingAddress,
      }),
      testCatalog,
      now,
      evaluator,
    );
    const input = evaluator.mock.calls[0]?.[0];
    expect(input?.shippingState).toBe('CA');
    expect(input?.lines.map((line) => [line.key, line.categoryId])).toEqual([
      ['product:studio-headphones', 'audio'],
      ['product:soy-candle', 'gifts'],
      ['add-on:gift-wrap', null],
      ['add-on:extended-warranty:studio-headphones', 'audio'],
    ]);
  });

  it('caps a discount at the subtotal: Stripe coupons never reduce shipping', () => {
    const quote = buildQuote(selectionsOf({ items, shippingAddress: address('CA') }), testCatalog, now, () => ({
      name: 'HUGE',
      amount: 1_000_000,
      applied: [],
    }));
    expect(quote).toMatchObject({ discountAmount: 12_900, shippingAmount: 1_499, total: 1_499 });
    expect(quote.discount?.amount).toBe(12_900);
  });
});
