/**
 * The quote as saved on the checkout row: the server's `Quote` plus the `shr_` ids Stripe minted for its shipping
 * options on the last update, so the state view can pair each method with Stripe.js's `shippingOptions` without
 * asking Stripe again.
 */
import type Stripe from 'stripe';
import { z } from 'zod';
import { type DiscountExplanation, NO_DISCOUNTS } from '@/lib/checkout/discount-pricing';
import type { Quote } from '@/lib/pricing/types';
import { methodIdOfShippingRate } from '@/lib/stripe/session-params';

export type StripeShippingRate = { methodId: string; shippingRateId: string };

export type StoredQuote = Quote & {
  stripeShippingRates: ReadonlyArray<StripeShippingRate>;
  /** Why each code does or does not apply, automatic promotions and hints, as priced for this quote. */
  discountExplanation?: DiscountExplanation;
};

const explanationSchema = z.object({
  discountExplanation: z.object({
    codes: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        amount: z.number().int(),
        applied: z.boolean(),
        message: z.string().nullable(),
      }),
    ),
    automatic: z.array(z.object({ ruleId: z.string(), label: z.string(), amount: z.number().int() })),
    hints: z.array(z.object({ message: z.string(), amountNeeded: z.number().int() })),
  }),
});

/** The discount explanation saved with a quote; none for quotes saved before it was recorded. */
export function storedDiscountExplanation(quote: unknown): DiscountExplanation {
  const parsed = explanationSchema.safeParse(quote);
  return parsed.success ? parsed.data.discountExplanation : NO_DISCOUNTS;
}

const storedRatesSchema = z.object({
  stripeShippingRates: z.array(z.object({ methodId: z.string(), shippingRateId: z.string() })),
});

/** The `shr_` ids saved with a quote; none for quotes saved before they were recorded. */
export function storedShippingRates(quote: unknown): StripeShippingRate[] {
  const parsed = storedRatesSchema.safeParse(quote);
  return parsed.success ? parsed.data.stripeShippingRates : [];
}

/**
 * Method id ↔ `shr_` id for each shipping option of the updated session: from the rate's metadata when expanded,
 * else by position (Stripe keeps the order the options were sent in).
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

export function toStoredQuote(
  quote: Quote,
  rates: ReadonlyArray<StripeShippingRate>,
  discountExplanation: DiscountExplanation = NO_DISCOUNTS,
): StoredQuote {
  return { ...quote, stripeShippingRates: rates.map((rate) => ({ ...rate })), discountExplanation };
}
