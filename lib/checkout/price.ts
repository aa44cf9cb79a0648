/**
 * Prices a checkout with its discounts: the quote (via `buildQuote` with the engine as its evaluator) plus the
 * explanation the shopper sees — which codes apply and which do not (and why), the automatic promotions, and hints —
 * and the quote as the checkout row stores it. Pure: redemption counts and identity come in through `context`.
 */
import type Stripe from 'stripe';
import { SEED_OFFER, type StoreOffer } from '@/lib/catalog/offer';
import type { Catalog } from '@/lib/catalog/schema';
import {
  type DiscountContext,
  type DiscountResult,
  type DiscountRule,
  evaluateDiscounts,
  freeShippingOf,
} from '@/lib/discounts';
import type { DiscountInput } from '@/lib/pricing/discount-evaluator';
import { buildQuote } from '@/lib/pricing/quote';
import { storeCreditOf, withStoreCredit } from '@/lib/pricing/store-credit';
import type { CheckoutSelections, Quote } from '@/lib/pricing/types';
import { methodIdOfShippingRate } from '@/lib/stripe/session-params';
import type { TaxBehavior } from '@/lib/tax/behavior';

/**
 * The rules, who is shopping, and the signed-in customer's store credit this checkout may use (their balance less
 * what their other checkouts hold; null for a guest).
 */
export type DiscountRules = {
  rules: ReadonlyArray<DiscountRule>;
  context: DiscountContext;
  storeCredit?: number | null;
};

/** What the state view shows about discounts; saved with the quote (amounts are the ones sent to Stripe). */
export type DiscountExplanation = {
  /** Every code the shopper applied: applied ones with their amount, the others with why they do not apply now. */
  codes: Array<{ code: string; label: string; amount: number; applied: boolean; message: string | null }>;
  automatic: Array<{ ruleId: string; label: string; amount: number }>;
  hints: Array<{ message: string; amountNeeded: number }>;
  /** A signed-in customer's store credit: what they may use, and what this order takes of it (absent for guests). */
  storeCredit?: { available: number; applied: number } | null;
};

export const NO_DISCOUNTS: DiscountExplanation = { codes: [], automatic: [], hints: [] };

export type PricedCheckout = { quote: Quote; explanation: DiscountExplanation };

export function priceCheckout(
  selections: CheckoutSelections,
  catalog: Catalog,
  now: Date,
  discounts: DiscountRules | null,
  offer: StoreOffer = SEED_OFFER,
): PricedCheckout {
  if (!discounts) {
    return { quote: buildQuote(selections, catalog, now, undefined, [], offer), explanation: NO_DISCOUNTS };
  }
  let result: DiscountResult | null = null;
  const order = discountInputOf(selections, catalog, now, offer);
  const freeShipping = freeShippingOf(discounts.rules, order, discounts.context);
  const promoted = buildQuote(
    selections,
    catalog,
    now,
    (input) => {
      result = evaluateDiscounts(discounts.rules, input, discounts.context);
      return result.discount;
    },
    freeShipping,
    offer,
  );
  const available = discounts.storeCredit ?? null;
  const quote = available !== null && selections.useStoreCredit ? withStoreCredit(promoted, available) : promoted;
  const explanation = result ? explain(result, selections, discounts.rules, promoted) : NO_DISCOUNTS;
  return {
    quote,
    explanation:
      available === null ? explanation : { ...explanation, storeCredit: { available, applied: storeCreditOf(quote) } },
  };
}

/** The priced order exactly as the discount engine sees it (for checking one code). */
export function discountInputOf(
  selections: CheckoutSelections,
  catalog: Catalog,
  now: Date,
  offer: StoreOffer = SEED_OFFER,
): DiscountInput {
  let captured: DiscountInput | null = null;
  buildQuote(
    selections,
    catalog,
    now,
    (input) => {
      captured = input;
      return null;
    },
    [],
    offer,
  );
  if (captured === null) throw new Error('buildQuote did not evaluate discounts');
  return captured;
}

function explain(
  result: DiscountResult,
  selections: CheckoutSelections,
  rules: ReadonlyArray<DiscountRule>,
  quote: Quote,
): DiscountExplanation {
  // buildQuote caps the discount at the subtotal; the engine's own cap keeps it lower, so amounts add up to the quote's.
  const applied = quote.discountAmount === 0 ? [] : result.applied;
  const codes = selections.discountCodes.map((code) => {
    const hit = applied.find((a) => a.code === code);
    if (hit) return { code, label: hit.label, amount: hit.amount, applied: true, message: null };
    const label = rules.find((rule) => rule.code === code)?.label ?? code;
    const rejection = result.rejected.find((r) => r.code === code);
    return { code, label, amount: 0, applied: false, message: rejection?.message ?? null };
  });
  return {
    codes,
    automatic: applied
      .filter((a) => a.kind === 'automatic')
      .map(({ ruleId, label, amount }) => ({ ruleId, label, amount })),
    hints: result.hints.map(({ message, amountNeeded }) => ({ message, amountNeeded })),
  };
}

export type StripeShippingRate = { methodId: string; shippingRateId: string };

/**
 * The quote as the checkout row stores it (written complete at creation and on every update): the priced quote, why
 * each discount does or does not apply, and the `shr_` ids Stripe minted for its shipping options on the last call,
 * so the view can pair each method with Stripe.js's `shippingOptions` without asking Stripe again.
 */
export type StoredQuote = Quote & {
  discountExplanation: DiscountExplanation;
  stripeShippingRates: ReadonlyArray<StripeShippingRate>;
  /** What Stripe Tax computed on the last call (null: the session has no Stripe Tax). `total` is before tax. */
  tax: StoredTax | null;
};

/**
 * Stripe's tax on the order: `amount` is `total_details.amount_tax`; `exclusive` adds it to the quote's total,
 * `inclusive` is the VAT share inside the prices. `pending` until Stripe knows where the order ships.
 */
export type StoredTax = { behavior: TaxBehavior; amount: number; pending: boolean };

export function toStoredQuote(
  priced: PricedCheckout,
  rates: ReadonlyArray<StripeShippingRate>,
  tax: StoredTax | null,
): StoredQuote {
  return {
    ...priced.quote,
    discountExplanation: priced.explanation,
    stripeShippingRates: rates.map((rate) => ({ ...rate })),
    tax: tax ? { ...tax } : null,
  };
}

/** The tax of a session created with Stripe Tax and priced with `behavior`, as Stripe reports it. */
export function taxOfSession(
  session: Pick<Stripe.Checkout.Session, 'total_details' | 'automatic_tax'>,
  behavior: TaxBehavior,
): StoredTax {
  return {
    behavior,
    amount: session.total_details?.amount_tax ?? 0,
    pending: session.automatic_tax.status !== 'complete',
  };
}

/**
 * Method id ↔ `shr_` id for each shipping option of a session: from the rate's metadata when expanded, else by
 * position (Stripe keeps the order the options were sent in).
 */
export function shippingRatesOfSession(
  session: Pick<Stripe.Checkout.Session, 'shipping_options'>,
  quote: Pick<Quote, 'shippingOptions'>,
): StripeShippingRate[] {
  return session.shipping_options.flatMap((option, index) => {
    const rate = option.shipping_rate;
    const shippingRateId = typeof rate === 'string' ? rate : rate.id;
    const methodId = methodIdOfShippingRate(rate) ?? quote.shippingOptions[index]?.methodId;
    return methodId ? [{ methodId, shippingRateId }] : [];
  });
}

/**
 * The quote with the shipping method Stripe reports as selected, when that is one of the quote's own options: same
 * lines and discount, that option's amount. Null when Stripe selected something the quote does not offer.
 */
export function withStripeSelectedShipping(quote: Quote, methodId: string): Quote | null {
  if (methodId === quote.selectedShippingMethodId) return quote;
  const option = quote.shippingOptions.find((o) => o.methodId === methodId);
  if (!option) return null;
  return {
    ...quote,
    selectedShippingMethodId: methodId,
    shippingAmount: option.amount,
    total: Math.max(0, quote.subtotal + option.amount - quote.discountAmount),
  };
}
