import type { Currency } from '@/lib/money';
import type { CheckoutSelections, QuoteDiscount, QuoteLine } from '@/lib/pricing/types';

/**
 * A priced line as a discount rule sees it: the quote line plus the category of the product it belongs to
 * (for a per-item add-on, the product it covers; null for per-order add-ons such as gift wrap).
 */
export type DiscountLine = QuoteLine & { categoryId: string | null };

/** What a discount evaluator sees: the priced order before any discount. */
export type DiscountInput = {
  codes: CheckoutSelections['discountCodes'];
  currency: Currency;
  lines: ReadonlyArray<DiscountLine>;
  subtotal: number;
  shippingAmount: number;
  selectedShippingMethodId: string | null;
  shippingCountry: string | null;
  /** The shipping address's state or province as entered (Stripe sends ISO 3166-2 subdivision codes, e.g. 'CA'). */
  shippingState: string | null;
  now: Date;
};

/**
 * The slot the discounts feature fills: given the priced order, the discount to apply (or null). Pure.
 * `buildQuote` caps the amount at the subtotal, because a Stripe coupon reduces line items, never shipping;
 * a "free shipping" rule therefore has to be expressed as a shipping rate, not as a coupon.
 */
export type DiscountEvaluator = (input: DiscountInput) => QuoteDiscount | null;
