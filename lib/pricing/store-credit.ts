/**
 * Store credit on a quote: Stripe takes one discount per update, so the credit rides on the same amount-off coupon as
 * the promotions, as an entry of its own (`STORE_CREDIT`) beside theirs. It is payment, not a promotion: the stacking
 * cap does not limit it; it covers what is left of the items after the promotions, and always leaves Stripe's
 * smallest charge to pay by card (`creditToApply`). Pure.
 */
import { creditToApply } from '@/lib/customers/credit-ledger';
import { couponNameOf } from '@/lib/discounts/coupon-name';
import type { Quote } from '@/lib/pricing/types';

/** The entry of the coupon that is store credit (no discount rule can have this id: rule ids are validated slugs). */
export const STORE_CREDIT = { ruleId: 'store-credit', label: 'Store credit' } as const;

/** The quote with up to `available` store credit applied (unchanged when none applies). */
export function withStoreCredit(quote: Quote, available: number): Quote {
  const amount = creditToApply({
    available,
    subtotal: quote.subtotal,
    discountAmount: quote.discountAmount,
    shippingAmount: quote.shippingAmount,
    currency: quote.currency,
  });
  if (amount === 0) return quote;
  const promotions = quote.discount?.applied ?? [];
  const applied = [...promotions, { ...STORE_CREDIT, amount }];
  const discountAmount = quote.discountAmount + amount;
  const name = quote.discount ? couponNameOf([quote.discount.name, STORE_CREDIT.label]) : STORE_CREDIT.label;
  return {
    ...quote,
    discount: { name, amount: discountAmount, applied },
    discountAmount,
    total: quote.subtotal + quote.shippingAmount - discountAmount,
  };
}

/** How much store credit a quote takes (0 without). */
export function storeCreditOf(quote: Pick<Quote, 'discount'>): number {
  return quote.discount?.applied.find((entry) => entry.ruleId === STORE_CREDIT.ruleId)?.amount ?? 0;
}
