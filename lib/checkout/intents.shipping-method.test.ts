import { describe, expect, it } from 'vitest';
import { applyIntent, emptySelections } from '@/lib/checkout/intents';
import type { CheckoutSelections } from '@/lib/pricing/types';
import { testCatalog as catalog } from '@/test/fixtures/catalog';

const address = (country: string) => ({
  name: 'Ada Lovelace',
  line1: '1 Main St',
  line2: null,
  city: 'Springfield',
  state: null,
  postalCode: '62701',
  country,
});
const order = emptySelections([{ productId: 'test-mug', quantity: 1 }]);

function choose(selections: CheckoutSelections, methodId: string) {
  return applyIntent(
    selections,
    { type: 'set-shipping-method', methodId },
    {
      catalog,
      allowedCountries: ['US', 'DE'],
      unavailableUnits: new Map(),
      discounts: null,
      now: new Date('2026-11-18T12:00:00Z'),
    },
  ).selections;
}

describe('set-shipping-method', () => {
  it('needs an address first: 409 address_required', () => {
    expect(() => choose(order, 'express')).toThrow(expect.objectContaining({ status: 409, code: 'address_required' }));
  });

  it('selects a method offered for the address', () => {
    const us = { ...order, shippingAddress: address('US') };
    expect(choose(us, 'overnight').shippingMethodId).toBe('overnight');
    expect(choose(us, 'express').shippingMethodId).toBe('express');
  });

  it('refuses a method not offered there (or unknown) with 409, listing the choices', () => {
    const germany = { ...order, shippingAddress: address('DE') };
    expect(() => choose(germany, 'overnight')).toThrow(
      expect.objectContaining({
        status: 409,
        code: 'shipping_method_unavailable',
        message: expect.stringMatching(/^Overnight shipping is not available.*Standard shipping, Express shipping\.$/),
      }),
    );
    expect(() => choose(germany, 'teleport')).toThrow(expect.objectContaining({ code: 'shipping_method_unavailable' }));
  });
});
