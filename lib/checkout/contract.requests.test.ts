import { describe, expect, it } from 'vitest';
import { addOnRequestSchema, quantityRequestSchema, shippingOptionRequestSchema } from '@/lib/checkout/contract';

const sessionId = 'cs_test_abc123';

describe('checkout update request bodies', () => {
  it('accept ids and intents', () => {
    expect(addOnRequestSchema.parse({ sessionId, addOnId: 'gift-wrap', selected: true })).toEqual({
      sessionId,
      addOnId: 'gift-wrap',
      productId: null,
      selected: true,
    });
    expect(quantityRequestSchema.parse({ sessionId, productId: 'test-mug', quantity: 0 }).quantity).toBe(0);
    expect(shippingOptionRequestSchema.parse({ sessionId, methodId: 'express' }).methodId).toBe('express');
  });

  it('reject any price, amount or unit_amount the client sends', () => {
    for (const field of ['price', 'amount', 'unit_amount', 'total']) {
      const extra = { [field]: 1 };
      expect(addOnRequestSchema.safeParse({ sessionId, addOnId: 'gift-wrap', selected: true, ...extra }).success).toBe(
        false,
      );
      expect(quantityRequestSchema.safeParse({ sessionId, productId: 'test-mug', quantity: 1, ...extra }).success).toBe(
        false,
      );
      expect(shippingOptionRequestSchema.safeParse({ sessionId, methodId: 'express', ...extra }).success).toBe(false);
    }
  });

  it('reject quantities that are negative, fractional or absurd', () => {
    for (const quantity of [-1, 1.5, 100, '2', null]) {
      expect(quantityRequestSchema.safeParse({ sessionId, productId: 'test-mug', quantity }).success).toBe(false);
    }
  });

  it('reject Stripe shipping rate ids and bad session ids', () => {
    expect(shippingOptionRequestSchema.safeParse({ sessionId, methodId: 'shr_123ABC' }).success).toBe(false);
    expect(shippingOptionRequestSchema.safeParse({ sessionId: 'pi_123', methodId: 'express' }).success).toBe(false);
  });
});
