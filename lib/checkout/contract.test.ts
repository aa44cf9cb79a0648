import { describe, expect, it } from 'vitest';
import { checkoutStateViewSchema } from '@/lib/checkout/contract';
import { emptySelections } from '@/lib/checkout/intents';
import { NO_DISCOUNTS, toStoredQuote } from '@/lib/checkout/price';
import { toCheckoutStateView } from '@/lib/checkout/view';
import { buildQuote } from '@/lib/pricing/quote';
import type { CheckoutSelections } from '@/lib/pricing/types';
import { usAddress } from '@/test/fixtures/addresses';
import { testCatalog as catalog } from '@/test/fixtures/catalog';

const now = new Date('2026-11-20T12:00:00Z');

/** A view exactly as the server builds it, so the browser's schema is checked against the real contract. */
function serverView(selections: CheckoutSelections) {
  const quote = buildQuote(selections, catalog, now);
  const shippingRates = quote.shippingOptions.map((o, i) => ({ methodId: o.methodId, shippingRateId: `shr_${i}` }));
  const row = {
    stripeSessionId: 'cs_test_1',
    status: 'open' as const,
    expiresAt: new Date(now.getTime() + 3_600_000),
    version: 4,
    selections,
    quote: toStoredQuote({ quote, explanation: NO_DISCOUNTS }, shippingRates, null),
    serverDiscounts: true,
  };
  return toCheckoutStateView(row, catalog, new Map(), now);
}

const base: CheckoutSelections = emptySelections([
  { productId: 'test-headphones', quantity: 2 },
  { productId: 'test-mug', quantity: 1 },
]);

describe('checkoutStateViewSchema', () => {
  it('accepts what the server answers, before and after an address and a gift message', () => {
    const before = serverView(base);
    expect(checkoutStateViewSchema.parse(before)).toMatchObject({
      sessionId: 'cs_test_1',
      version: 4,
      shippingMethods: [],
      shippingAddress: null,
    });

    const after = serverView({
      ...base,
      addOns: [
        { addOnId: 'gift-wrap', productId: null },
        { addOnId: 'gift-message', productId: null },
      ],
      giftMessage: 'Happy birthday',
      shippingAddress: { ...usAddress, name: 'Ada' },
    });
    const parsed = checkoutStateViewSchema.parse(after);
    expect(parsed.giftMessage).toBe('Happy birthday');
    expect(parsed.shippingMethods.map((m) => m.methodId)).toEqual(['standard', 'express', 'overnight']);
    expect(parsed.shippingMethods.every((m) => m.shippingRateId?.startsWith('shr_'))).toBe(true);
    expect(parsed.addOns.find((a) => a.addOnId === 'extended-warranty')?.productId).toBe('test-headphones');
  });

  it('refuses an answer that is not a view (so a broken response becomes an error, not a blank control)', () => {
    expect(checkoutStateViewSchema.safeParse({ error: { code: 'x', message: 'y' } }).success).toBe(false);
    const view = serverView(base);
    expect(checkoutStateViewSchema.safeParse({ ...view, total: 12.5 }).success).toBe(false);
  });
});
