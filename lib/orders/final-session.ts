/**
 * What Stripe's final Checkout Session says was bought — the shipping rate Stripe had selected and the discount rules
 * its coupons stand for — and how that differs from our checkout record. Pure: fulfilment records the order from
 * these facts (what the shopper paid), and flags the order with the differences for the merchant.
 */
import type { StoredQuote } from '@/lib/checkout/price';
import type { FulfilmentSession } from '@/lib/orders/stripe-session';
import { METHOD_ID_METADATA, rulesOfCouponMetadata } from '@/lib/stripe/session-params';

export type AppliedRule = { ruleId: string; amount: number };

export type FinalSessionFacts = {
  /** The store's method id of the selected rate (its `metadata.method_id`, else our record's `shr_` id map). */
  shippingMethodId: string | null;
  /** The selected rate's display name, as Stripe showed it. */
  shippingMethodName: string | null;
  shippingAmount: number;
  discountAmount: number;
  /** Rules Stripe's coupons stand for (read from their metadata). */
  appliedRules: AppliedRule[];
  /** Why the applied rules could not be read completely from Stripe (a coupon naming no rules, a truncated list). */
  discountProblems: string[];
};

function shippingOf(
  session: FulfilmentSession,
  quote: StoredQuote | null,
): Pick<FinalSessionFacts, 'shippingMethodId' | 'shippingMethodName'> {
  const rate = session.shipping_cost?.shipping_rate;
  if (!rate) return { shippingMethodId: null, shippingMethodName: null };
  const rateId = typeof rate === 'string' ? rate : rate.id;
  const fromMetadata = typeof rate === 'string' ? null : (rate.metadata?.[METHOD_ID_METADATA] ?? null);
  const fromRecord = quote?.stripeShippingRates.find((known) => known.shippingRateId === rateId)?.methodId ?? null;
  const methodId = fromMetadata ?? fromRecord;
  const shownName = typeof rate === 'string' ? undefined : rate.display_name;
  const name = shownName ?? quote?.shippingOptions.find((option) => option.methodId === methodId)?.displayName ?? null;
  return { shippingMethodId: methodId, shippingMethodName: name };
}

function discountsOf(
  session: FulfilmentSession,
  quote: StoredQuote | null,
): Pick<FinalSessionFacts, 'appliedRules' | 'discountProblems'> {
  const appliedRules: AppliedRule[] = [];
  const discountProblems: string[] = [];
  const amountDiscount = session.total_details?.amount_discount ?? 0;
  for (const discount of session.discounts ?? []) {
    const coupon = discount.coupon;
    if (!coupon) continue;
    if (typeof coupon === 'string') {
      discountProblems.push(`coupon ${coupon} was not expanded`);
      continue;
    }
    const rules = rulesOfCouponMetadata(coupon.metadata);
    if (rules) {
      appliedRules.push(...rules.applied);
      if (!rules.complete) discountProblems.push(`coupon ${coupon.id} lists only some of its rules`);
      continue;
    }
    // A coupon naming no rules (created before coupons carried them): our record's rules, if its amount is Stripe's.
    const recorded = quote?.discount;
    if (recorded && quote.discountAmount === amountDiscount && amountDiscount > 0) {
      appliedRules.push(...recorded.applied.map(({ ruleId, amount }) => ({ ruleId, amount })));
    } else {
      discountProblems.push(`coupon ${coupon.id} (${coupon.name ?? 'unnamed'}) names no discount rules`);
    }
  }
  return { appliedRules, discountProblems };
}

export function finalSessionFacts(session: FulfilmentSession, quote: StoredQuote | null): FinalSessionFacts {
  return {
    ...shippingOf(session, quote),
    shippingAmount: session.total_details?.amount_shipping ?? session.shipping_cost?.amount_total ?? 0,
    discountAmount: session.total_details?.amount_discount ?? 0,
    ...discountsOf(session, quote),
  };
}

function rulesText(rules: ReadonlyArray<AppliedRule>): string {
  if (rules.length === 0) return 'none';
  return [...rules]
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId))
    .map((rule) => `${rule.ruleId} ${rule.amount}`)
    .join(', ');
}

/**
 * How Stripe's final session differs from our checkout record (total, shipping method, discount), one phrase each;
 * empty when they agree.
 */
export function recordMismatches(
  session: FulfilmentSession,
  facts: FinalSessionFacts,
  quote: StoredQuote | null,
): string[] {
  if (!quote) return ['no checkout record for this session'];
  const reasons: string[] = [];
  const total = session.amount_total ?? 0;
  if (session.currency && session.currency !== quote.currency) {
    reasons.push(`currency: record ${quote.currency}, Stripe ${session.currency}`);
  }
  // The record's total is before tax; Stripe adds tax-exclusive tax on top (VAT is already inside the prices).
  const stripeTax = session.total_details?.amount_tax ?? 0;
  const beforeTax = quote.tax?.behavior === 'exclusive' ? total - stripeTax : total;
  if (beforeTax !== quote.total) reasons.push(`total before tax: record ${quote.total}, Stripe ${beforeTax}`);
  if (quote.tax && !quote.tax.pending && stripeTax !== quote.tax.amount) {
    reasons.push(`tax: record ${quote.tax.amount}, Stripe ${stripeTax}`);
  }
  if (facts.shippingMethodId !== quote.selectedShippingMethodId) {
    reasons.push(
      `shipping method: record ${quote.selectedShippingMethodId ?? 'none'}, Stripe ${facts.shippingMethodId ?? 'none'}`,
    );
  }
  const recordRules = (quote.discount?.applied ?? []).filter((rule) => rule.amount > 0);
  const recordText = rulesText(recordRules);
  const stripeText = rulesText(facts.appliedRules);
  if (facts.discountAmount !== quote.discountAmount || recordText !== stripeText) {
    reasons.push(
      `discount: record ${quote.discountAmount} (${recordText}), Stripe ${facts.discountAmount} (${stripeText})`,
    );
  }
  for (const problem of facts.discountProblems) reasons.push(`discount: ${problem}`);
  return reasons;
}
