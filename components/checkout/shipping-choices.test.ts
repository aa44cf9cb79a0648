import type { StripeCheckoutShippingOption } from '@stripe/stripe-js';
import { describe, expect, it } from 'vitest';
import { formatDeliveryEstimate, pairShippingChoices } from '@/components/checkout/shipping-choices';

function option(id: string, displayName: string, minorUnitsAmount: number): StripeCheckoutShippingOption {
  return {
    id,
    displayName,
    currency: 'usd',
    minorUnitsAmount,
    amount: `$${(minorUnitsAmount / 100).toFixed(2)}`,
    deliveryEstimate: {
      minimum: { unit: 'business_day', value: 1 },
      maximum: { unit: 'business_day', value: 2 },
    },
  };
}

const methods = [
  { methodId: 'standard', displayName: 'Standard shipping', amount: 599, shippingRateId: 'shr_std', selected: false },
  { methodId: 'express', displayName: 'Express shipping', amount: 1_499, shippingRateId: 'shr_exp', selected: true },
];

describe('pairShippingChoices', () => {
  it("shows Stripe's options in the store's method order (Stripe's puts the selected one first), each knowing the store's method id", () => {
    const choices = pairShippingChoices(
      [option('shr_exp', 'Express shipping', 1_499), option('shr_std', 'Standard shipping', 599)],
      methods,
    );
    expect(choices).toEqual([
      expect.objectContaining({ methodId: 'standard', amount: '$5.99', minorUnitsAmount: 599 }),
      {
        methodId: 'express',
        shippingRateId: 'shr_exp',
        displayName: 'Express shipping',
        amount: '$14.99',
        minorUnitsAmount: 1_499,
        estimate: '1–2 business days',
      },
    ]);
  });

  it('keeps its order when the selection moves, and says "Free" for free shipping', () => {
    const before = pairShippingChoices(
      [option('shr_std', 'Standard shipping', 0), option('shr_exp', 'Express shipping', 1_499)],
      methods,
    );
    const after = pairShippingChoices(
      [option('shr_exp', 'Express shipping', 1_499), option('shr_std', 'Standard shipping', 0)],
      methods,
    );
    expect(after.map((c) => c.methodId)).toEqual(before.map((c) => c.methodId));
    expect(before[0]).toMatchObject({ methodId: 'standard', amount: 'Free', minorUnitsAmount: 0 });
  });

  it('leaves out options the view does not know yet (a stale pairing never sends a wrong method)', () => {
    const choices = pairShippingChoices([option('shr_new', 'Overnight shipping', 2_999)], methods);
    expect(choices).toEqual([]);
  });

  it("falls back to the store's name when Stripe has none", () => {
    const unnamed = { ...option('shr_std', 'x', 599), displayName: null };
    expect(pairShippingChoices([unnamed], methods)[0]?.displayName).toBe('Standard shipping');
  });
});

describe('formatDeliveryEstimate', () => {
  it('reads like a person would say it', () => {
    expect(
      formatDeliveryEstimate({
        minimum: { unit: 'business_day', value: 1 },
        maximum: { unit: 'business_day', value: 1 },
      }),
    ).toBe('1 business day');
    expect(
      formatDeliveryEstimate({
        minimum: { unit: 'business_day', value: 3 },
        maximum: { unit: 'business_day', value: 5 },
      }),
    ).toBe('3–5 business days');
    expect(formatDeliveryEstimate({ minimum: { unit: 'day', value: 2 }, maximum: { unit: 'week', value: 1 } })).toBe(
      '2 days – 1 week',
    );
    expect(formatDeliveryEstimate({ minimum: null, maximum: { unit: 'day', value: 5 } })).toBe('Up to 5 days');
    expect(formatDeliveryEstimate(null)).toBeNull();
  });
});
