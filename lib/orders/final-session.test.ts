import { describe, expect, it } from 'vitest';
import type { StoredQuote } from '@/lib/checkout/price';
import { finalSessionFacts, recordMismatches } from '@/lib/orders/final-session';
import type { FulfilmentSession } from '@/lib/orders/stripe-session';
import { couponMetadataOf } from '@/lib/stripe/session-params';

const quote = {
  currency: 'usd',
  lines: [],
  shippingOptions: [
    { methodId: 'overnight', displayName: 'Overnight shipping', amount: 2999 },
    { methodId: 'standard', displayName: 'Standard shipping', amount: 599 },
  ],
  selectedShippingMethodId: 'overnight',
  discount: { name: 'LAUNCH50', amount: 1800, applied: [{ ruleId: 'launch-50', label: 'Launch', amount: 1800 }] },
  subtotal: 3600,
  shippingAmount: 2999,
  discountAmount: 1800,
  total: 4799,
  discountExplanation: { codes: [], automatic: [], hints: [] },
  stripeShippingRates: [
    { methodId: 'overnight', shippingRateId: 'shr_overnight' },
    { methodId: 'standard', shippingRateId: 'shr_standard' },
  ],
} as unknown as StoredQuote;

function session(overrides: Partial<FulfilmentSession> = {}): FulfilmentSession {
  return {
    id: 'cs_test_a',
    status: 'complete',
    payment_status: 'paid',
    currency: 'usd',
    amount_subtotal: 3600,
    amount_total: 4799,
    total_details: { amount_discount: 1800, amount_shipping: 2999, amount_tax: 0 },
    shipping_cost: {
      amount_total: 2999,
      shipping_rate: { id: 'shr_overnight', display_name: 'Overnight shipping', metadata: { method_id: 'overnight' } },
    },
    discounts: [
      {
        coupon: {
          id: 'c1',
          name: 'LAUNCH50',
          metadata: couponMetadataOf([{ ruleId: 'launch-50', label: 'x', amount: 1800 }]),
        },
      },
    ],
    ...overrides,
  };
}

describe("Stripe's final session against the record", () => {
  it('agrees: no mismatch, facts from Stripe', () => {
    const facts = finalSessionFacts(session(), quote);
    expect(facts).toMatchObject({
      shippingMethodId: 'overnight',
      shippingMethodName: 'Overnight shipping',
      shippingAmount: 2999,
      discountAmount: 1800,
      appliedRules: [{ ruleId: 'launch-50', amount: 1800 }],
    });
    expect(recordMismatches(session(), facts, quote)).toEqual([]);
  });

  it('another rate selected at Stripe: its method (from metadata, else our shr_ map), and the difference', () => {
    const standard = session({
      amount_total: 2399,
      total_details: { amount_discount: 1800, amount_shipping: 599, amount_tax: 0 },
      shipping_cost: { amount_total: 599, shipping_rate: 'shr_standard' },
    });
    const facts = finalSessionFacts(standard, quote);
    expect(facts).toMatchObject({ shippingMethodId: 'standard', shippingMethodName: 'Standard shipping' });
    expect(recordMismatches(standard, facts, quote)).toEqual([
      'total before tax: record 4799, Stripe 2399',
      'shipping method: record overnight, Stripe standard',
    ]);
  });

  it('with Stripe Tax: the record is before tax, so the tax Stripe added on top is no divergence; a different tax is', () => {
    const taxed = { ...quote, tax: { behavior: 'exclusive', amount: 348, pending: false } } as StoredQuote;
    const paid = session({
      amount_total: 4799 + 348,
      total_details: { amount_discount: 1800, amount_shipping: 2999, amount_tax: 348 },
    });
    expect(recordMismatches(paid, finalSessionFacts(paid, taxed), taxed)).toEqual([]);
    const inclusive = { ...quote, tax: { behavior: 'inclusive', amount: 800, pending: false } } as StoredQuote;
    const vat = session({ total_details: { amount_discount: 1800, amount_shipping: 2999, amount_tax: 800 } });
    expect(recordMismatches(vat, finalSessionFacts(vat, inclusive), inclusive)).toEqual([]);
    const more = session({
      amount_total: 4799 + 400,
      total_details: { amount_discount: 1800, amount_shipping: 2999, amount_tax: 400 },
    });
    expect(recordMismatches(more, finalSessionFacts(more, taxed), taxed)).toEqual(['tax: record 348, Stripe 400']);
  });

  it('a coupon naming no rules: the record’s rules when the amounts agree, else a flagged problem', () => {
    const legacy = session({ discounts: [{ coupon: { id: 'c2', name: 'old', metadata: {} } }] });
    expect(finalSessionFacts(legacy, quote).appliedRules).toEqual([{ ruleId: 'launch-50', amount: 1800 }]);
    const stranger = session({
      total_details: { amount_discount: 500, amount_shipping: 2999, amount_tax: 0 },
      amount_total: 6099,
      discounts: [{ coupon: { id: 'c3', name: 'dashboard', metadata: {} } }],
    });
    const facts = finalSessionFacts(stranger, quote);
    expect(facts.appliedRules).toEqual([]);
    expect(recordMismatches(stranger, facts, quote)).toContain(
      'discount: coupon c3 (dashboard) names no discount rules',
    );
  });

  it('no record at all is itself a mismatch', () => {
    const facts = finalSessionFacts(session(), null);
    expect(facts.shippingMethodId).toBe('overnight');
    expect(recordMismatches(session(), facts, null)).toEqual(['no checkout record for this session']);
  });
});
