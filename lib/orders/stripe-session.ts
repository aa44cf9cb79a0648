import { z } from 'zod';

/** The parts of a Checkout Session that fulfilment reads, validated (never trusted blindly). */
const addressSchema = z.object({
  line1: z.string().nullish(),
  line2: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  postal_code: z.string().nullish(),
  country: z.string().nullish(),
});

export const stripeLineItemSchema = z.object({
  id: z.string(),
  description: z.string().nullish(),
  quantity: z.number().int().nullish(),
  amount_subtotal: z.number().int().nullish(),
  amount_total: z.number().int(),
  /** Stripe Tax's tax on the line (0 without Stripe Tax). */
  amount_tax: z.number().int().nullish(),
  price: z
    .object({
      unit_amount: z.number().int().nullish(),
      tax_behavior: z.enum(['exclusive', 'inclusive', 'unspecified']).nullish(),
    })
    .nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});
export type StripeLineItem = z.infer<typeof stripeLineItemSchema>;

const metadataSchema = z.record(z.string(), z.string());

/** A shipping rate, expanded (`shipping_cost.shipping_rate`) or as its `shr_` id. */
const shippingRateSchema = z.union([
  z.string(),
  z.object({ id: z.string(), display_name: z.string().nullish(), metadata: metadataSchema.nullish() }),
]);

/** A coupon, expanded (`discounts.coupon`) or as its id. */
const couponSchema = z.union([
  z.string(),
  z.object({
    id: z.string(),
    name: z.string().nullish(),
    amount_off: z.number().int().nullish(),
    percent_off: z.number().nullish(),
    metadata: metadataSchema.nullish(),
  }),
]);
export type StripeCoupon = z.infer<typeof couponSchema>;

const breakdownTaxSchema = z.object({
  amount: z.number().int(),
  rate: z.union([
    z.string(),
    z.object({
      display_name: z.string().nullish(),
      jurisdiction: z.string().nullish(),
      country: z.string().nullish(),
      state: z.string().nullish(),
      percentage: z.number().nullish(),
      inclusive: z.boolean().nullish(),
    }),
  ]),
  taxability_reason: z.string().nullish(),
});

/** One line of an order's tax by jurisdiction, as Stripe's breakdown reports it. */
export type TaxByJurisdiction = {
  name: string;
  jurisdiction: string | null;
  country: string | null;
  state: string | null;
  percentage: number | null;
  inclusive: boolean;
  amount: number;
};

/** The session's tax by jurisdiction (non-zero lines; empty without `expand: ['total_details.breakdown']`). */
export function taxByJurisdictionOf(session: Pick<FulfilmentSession, 'total_details'>): TaxByJurisdiction[] {
  return (session.total_details?.breakdown?.taxes ?? []).flatMap((tax) => {
    if (tax.amount === 0) return [];
    const rate = typeof tax.rate === 'string' ? null : tax.rate;
    return [
      {
        name: rate?.display_name ?? 'Tax',
        jurisdiction: rate?.jurisdiction ?? null,
        country: rate?.country ?? null,
        state: rate?.state ?? null,
        percentage: rate?.percentage ?? null,
        inclusive: rate?.inclusive ?? false,
        amount: tax.amount,
      },
    ];
  });
}

export const fulfilmentSessionSchema = z.object({
  id: z.string(),
  created: z.number().int().optional(),
  status: z.enum(['open', 'complete', 'expired']).nullable(),
  payment_status: z.enum(['paid', 'unpaid', 'no_payment_required']),
  currency: z.string().nullable(),
  amount_subtotal: z.number().int().nullable(),
  amount_total: z.number().int().nullable(),
  automatic_tax: z.object({ enabled: z.boolean() }).nullish(),
  total_details: z
    .object({
      amount_discount: z.number().int().nullish(),
      amount_shipping: z.number().int().nullish(),
      amount_tax: z.number().int().nullish(),
      breakdown: z.object({ taxes: z.array(breakdownTaxSchema).nullish() }).nullish(),
    })
    .nullish(),
  customer_email: z.string().nullish(),
  customer_details: z.object({ email: z.string().nullish() }).nullish(),
  collected_information: z
    .object({ shipping_details: z.object({ name: z.string().nullish(), address: addressSchema.nullish() }).nullish() })
    .nullish(),
  metadata: metadataSchema.nullish(),
  /** The option Stripe had selected when the shopper paid (whoever selected it: our update or Stripe.js). */
  shipping_cost: z
    .object({ amount_total: z.number().int().nullish(), shipping_rate: shippingRateSchema.nullish() })
    .nullish(),
  /** The discounts Stripe applied. */
  discounts: z
    .array(
      z.object({
        coupon: couponSchema.nullish(),
        promotion_code: z.union([z.string(), z.object({ id: z.string() }).loose()]).nullish(),
      }),
    )
    .nullish(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  line_items: z.object({ data: z.array(stripeLineItemSchema), has_more: z.boolean() }).nullish(),
});
export type FulfilmentSession = z.infer<typeof fulfilmentSessionSchema>;

/** `checkout.session.*` events: the session id is all we take from the payload; state is re-read from Stripe. */
export const eventSessionSchema = z.object({ id: z.string().regex(/^cs_/), object: z.literal('checkout.session') });
