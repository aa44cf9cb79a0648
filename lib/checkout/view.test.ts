import { describe, expect, it } from 'vitest';
import type { UpdateNotice } from '@/lib/checkout/contract';
import { emptySelections } from '@/lib/checkout/intents';
import { NO_DISCOUNTS, priceCheckout, toStoredQuote } from '@/lib/checkout/price';
import { toCheckoutStateView } from '@/lib/checkout/view';
import { demoRules, NO_REDEMPTIONS } from '@/lib/discounts';
import { buildQuote } from '@/lib/pricing/quote';
import type { CheckoutSelections } from '@/lib/pricing/types';
import { usAddress } from '@/test/fixtures/addresses';
import { testCatalog as catalog } from '@/test/fixtures/catalog';

const now = new Date('2026-11-20T12:00:00Z');

function viewOf(
  selections: CheckoutSelections,
  options: {
    sold?: Map<string, number>;
    rates?: boolean;
    expiresAt?: Date;
    withDiscounts?: boolean;
    notices?: UpdateNotice[];
  } = {},
) {
  const priced = options.withDiscounts
    ? priceCheckout(selections, catalog, now, {
        rules: demoRules,
        context: { redemptions: NO_REDEMPTIONS, email: null, isFirstOrder: null },
      })
    : { quote: buildQuote(selections, catalog, now), explanation: NO_DISCOUNTS };
  const { quote } = priced;
  const shippingRates = options.rates
    ? quote.shippingOptions.map((o, i) => ({ methodId: o.methodId, shippingRateId: `shr_${i}` }))
    : [];
  const row = {
    stripeSessionId: 'cs_test_1',
    status: 'open' as const,
    expiresAt: options.expiresAt ?? new Date(now.getTime() + 3_600_000),
    version: 3,
    selections,
    quote: toStoredQuote(priced, shippingRates, null),
    serverDiscounts: false,
  };
  return toCheckoutStateView(row, catalog, options.sold ?? new Map(), now, options.notices);
}

describe('toCheckoutStateView', () => {
  const selections: CheckoutSelections = {
    ...emptySelections([
      { productId: 'test-headphones', quantity: 2 },
      { productId: 'test-mug', quantity: 1 },
    ]),
    addOns: [{ addOnId: 'gift-wrap', productId: null }],
  };

  it('lists the items with the most units each may have now', () => {
    const view = viewOf(selections, { sold: new Map([['test-headphones', 39]]) });
    expect(view.items).toEqual([
      { productId: 'test-headphones', name: 'Test Headphones', quantity: 2, maxQuantity: 1, amount: 2 * 19_900 },
      { productId: 'test-mug', name: 'Test Mug', quantity: 1, maxQuantity: 6, amount: 1_250 },
    ]);
    expect(view).toMatchObject({ sessionId: 'cs_test_1', status: 'open', version: 3, currency: 'usd' });
    expect(view.total).toBe(2 * 19_900 + 1_250 + 499);
  });

  it('shows an open checkout past its expiry as expired', () => {
    expect(viewOf(selections, { expiresAt: now }).status).toBe('expired');
    expect(viewOf(selections, { expiresAt: new Date(now.getTime() + 1) }).status).toBe('open');
  });

  it('says when the session expires, and how many seconds are left by the server’s clock', () => {
    const in90Minutes = new Date(now.getTime() + 90 * 60_000 + 999);
    expect(viewOf(selections, { expiresAt: in90Minutes })).toMatchObject({
      expiresAt: in90Minutes.toISOString(),
      expiresInSeconds: 90 * 60,
    });
    expect(viewOf(selections, { expiresAt: new Date(now.getTime() - 5_000) }).expiresInSeconds).toBe(0);
  });

  it('offers every add-on with its price, selection and why it cannot be chosen', () => {
    const view = viewOf(selections);
    expect(view.addOns).toEqual([
      { addOnId: 'gift-wrap', productId: null, name: 'Gift wrap', amount: 499, selected: true, eligible: true },
      {
        addOnId: 'gift-message',
        productId: null,
        name: 'Gift message card',
        amount: 100,
        selected: false,
        eligible: true,
      },
      {
        addOnId: 'extended-warranty',
        productId: 'test-headphones',
        name: 'Extended warranty (2 years) — Test Headphones',
        amount: 2 * 2_985,
        selected: false,
        eligible: true,
      },
      {
        addOnId: 'express-handling',
        productId: null,
        name: 'Express handling',
        amount: 399,
        selected: false,
        eligible: true,
      },
    ]);
    const unwrapped = viewOf({ ...selections, addOns: [] });
    expect(unwrapped.addOns.find((a) => a.addOnId === 'gift-message')).toMatchObject({
      eligible: false,
      reason: expect.stringMatching(/needs gift wrap/),
    });
  });

  it('has no shipping methods until an address is known', () => {
    const view = viewOf(selections);
    expect(view).toMatchObject({ shippingMethods: [], selectedShippingMethodId: null, shippingAddress: null });
  });

  it('lists shipping methods in store order with Stripe’s shr_ ids and the selected one marked', () => {
    const view = viewOf({ ...selections, shippingAddress: usAddress, shippingMethodId: 'express' }, { rates: true });
    expect(view.selectedShippingMethodId).toBe('express');
    // The quote (and Stripe) put the selected option first: shr_0 is express.
    expect(view.shippingMethods.map((m) => [m.methodId, m.shippingRateId, m.selected])).toEqual([
      ['standard', 'shr_1', false],
      ['express', 'shr_0', true],
      ['overnight', 'shr_2', false],
    ]);
    expect(view.shippingMethods[0]?.amount).toBe(0);
    expect(view.shippingAddress).toEqual(usAddress);
    const withoutIds = viewOf({ ...selections, shippingAddress: usAddress });
    expect(withoutIds.shippingMethods.every((m) => m.shippingRateId === null)).toBe(true);
  });

  it('lists every line at its price before discounts, so the lines add up to the subtotal', () => {
    const view = viewOf({ ...selections, discountCodes: ['WELCOME10'] }, { withDiscounts: true });
    expect(view.discounts.total).toBeGreaterThan(0);
    expect(view.lines).toEqual([
      { key: 'product:test-headphones', name: 'Test Headphones', quantity: 2, unitAmount: 19_900, amount: 39_800 },
      { key: 'product:test-mug', name: 'Test Mug', quantity: 1, unitAmount: 1_250, amount: 1_250 },
      { key: 'add-on:gift-wrap', name: 'Gift wrap', quantity: 1, unitAmount: 499, amount: 499 },
    ]);
    const subtotal = view.lines.reduce((sum, line) => sum + line.amount, 0);
    expect(view.total).toBe(subtotal - view.discounts.total);
  });

  it('carries the notices of the update it answers, and none otherwise', () => {
    expect(viewOf(selections).notices).toEqual([]);
    const notice: UpdateNotice = { code: 'shipping_method_changed', message: 'Shipping changed.' };
    expect(viewOf(selections, { notices: [notice] }).notices).toEqual([notice]);
  });
});
