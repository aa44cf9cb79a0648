/** Test helpers: a real `DiscountInput` priced by `buildQuote` over the store's catalog, and shopper contexts. */
import { getCatalog } from '@/lib/catalog';
import type { CustomerContext, DiscountContext, RedemptionCounts } from '@/lib/discounts/types';
import type { DiscountInput } from '@/lib/pricing/discount-evaluator';
import { buildQuote } from '@/lib/pricing/quote';
import type { CheckoutSelections } from '@/lib/pricing/types';
import { address } from '@/test/fixtures/addresses';
import { selectionsOf } from '@/test/fixtures/selections';

export const NOW = new Date('2026-11-20T12:00:00Z');

type OrderOptions = {
  items: CheckoutSelections['items'];
  addOns?: CheckoutSelections['addOns'];
  codes?: ReadonlyArray<string>;
  country?: string;
  state?: string;
  now?: Date;
};

export function orderInput({ items, addOns = [], codes = [], country, state, now = NOW }: OrderOptions): DiscountInput {
  const shippingAddress = country === undefined ? null : { ...address(country), state: state ?? null };
  let captured: DiscountInput | null = null;
  buildQuote(selectionsOf({ items, addOns, shippingAddress, discountCodes: codes }), getCatalog(), now, (input) => {
    captured = input;
    return null;
  });
  if (captured === null) throw new Error('buildQuote did not call the evaluator');
  return captured;
}

export function redemptionsOf(counts: {
  total?: Record<string, number>;
  byEmail?: Record<string, number>;
}): RedemptionCounts {
  return {
    total: (ruleId) => counts.total?.[ruleId] ?? 0,
    byEmail: (ruleId, email) => counts.byEmail?.[`${ruleId}:${email}`] ?? 0,
  };
}

export function contextOf(overrides: Partial<DiscountContext> = {}): DiscountContext {
  return { redemptions: redemptionsOf({}), email: null, isFirstOrder: null, ...overrides };
}

/** A signed-in customer's context: verified email, tier and segments as the server would compute them. */
export function customerOf(overrides: Partial<CustomerContext> = {}): CustomerContext {
  return { id: 'customer-1', verifiedEmail: null, tier: null, segments: ['first-order'], ...overrides };
}
