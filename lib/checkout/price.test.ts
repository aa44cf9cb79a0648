import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { NO_DISCOUNTS, shippingRatesOfSession, toStoredQuote } from '@/lib/checkout/price';
import type { Quote } from '@/lib/pricing/types';

const estimate = { minimum: { unit: 'business_day', value: 1 }, maximum: { unit: 'business_day', value: 2 } } as const;
const quote: Quote = {
  currency: 'usd',
  lines: [],
  shippingOptions: [
    { methodId: 'express', displayName: 'Express', amount: 1_499, deliveryEstimate: estimate },
    { methodId: 'standard', displayName: 'Standard', amount: 599, deliveryEstimate: estimate },
  ],
  selectedShippingMethodId: 'express',
  discount: null,
  subtotal: 1_000,
  shippingAmount: 1_499,
  discountAmount: 0,
  total: 2_499,
};

function rate(id: string, methodId: string): Stripe.ShippingRate {
  return { id, object: 'shipping_rate', metadata: { method_id: methodId } } as unknown as Stripe.ShippingRate;
}

describe('shippingRatesOfSession', () => {
  it('pairs each expanded rate with its method id from metadata', () => {
    const session = {
      shipping_options: [
        { shipping_amount: 599, shipping_rate: rate('shr_b', 'standard') },
        { shipping_amount: 1_499, shipping_rate: rate('shr_a', 'express') },
      ],
    };
    expect(shippingRatesOfSession(session, quote)).toEqual([
      { methodId: 'standard', shippingRateId: 'shr_b' },
      { methodId: 'express', shippingRateId: 'shr_a' },
    ]);
  });

  it('falls back to the order the options were sent in when rates are not expanded', () => {
    const session = {
      shipping_options: [
        { shipping_amount: 1_499, shipping_rate: 'shr_1' },
        { shipping_amount: 599, shipping_rate: 'shr_2' },
      ],
    };
    expect(shippingRatesOfSession(session, quote)).toEqual([
      { methodId: 'express', shippingRateId: 'shr_1' },
      { methodId: 'standard', shippingRateId: 'shr_2' },
    ]);
  });
});

describe('stored quote', () => {
  it('holds the whole quote, the discount explanation and the shr_ ids, and survives JSON as it is', () => {
    const explanation = { ...NO_DISCOUNTS, hints: [{ message: '$5.00 more for free shipping', amountNeeded: 500 }] };
    const stored = toStoredQuote({ quote, explanation }, [{ methodId: 'express', shippingRateId: 'shr_1' }], null);
    expect(stored).toEqual({
      ...quote,
      discountExplanation: explanation,
      stripeShippingRates: [{ methodId: 'express', shippingRateId: 'shr_1' }],
      tax: null,
    });
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
  });

  it("records Stripe's tax: the amount, how the prices carried it, and whether Stripe still waits for an address", () => {
    const tax = { behavior: 'exclusive' as const, amount: 1_450, pending: false };
    const stored = toStoredQuote({ quote, explanation: NO_DISCOUNTS }, [], tax);
    expect(stored.tax).toEqual(tax);
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
  });
});
