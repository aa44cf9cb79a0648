import type { Currency } from '@/lib/money';
import type { CheckoutSelections, QuoteDiscount, QuoteLine } from '@/lib/pricing/types';

/** What a discount evaluator sees: the priced order before any discount. */
export type DiscountInput = {
  codes: CheckoutSelections['discountCodes'];
  currency: Currency;
  lines: ReadonlyArray<QuoteLine>;
  subtotal: number;
  shippingAmount: number;
  selectedShippingMethodId: string | null;
  shippingCountry: string | null;
  now: Date;
};

/**
 * The slot the discounts feature fills: given the priced order, the discount to apply (or null). Pure.
 * `buildQuote` caps the amount at the subtotal, because a Stripe coupon reduces line items, never shipping;
 * a "free shipping" rule therefore has to be expressed as a shipping rate, not as a coupon.
 */
export type DiscountEvaluator = (input: DiscountInput) => QuoteDiscount | null;
