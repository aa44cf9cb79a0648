import { z } from 'zod';

/**
 * The parts of the emulator's session JSON (a `Stripe.Checkout.Session` with line items, discounts and shipping rates
 * expanded) that the stand-in reads. Lenient on purpose: every field Stripe may omit or null is optional here, and the
 * unit tests check that a `Stripe.Checkout.Session` from stripe-node's types is accepted as input.
 */
const int = z.number().int();
const text = z.string().nullish();

const couponSchema = z.object({
  id: z.string(),
  name: text,
  percent_off: z.number().nullish(),
  amount_off: int.nullish(),
  duration: text,
  duration_in_months: int.nullish(),
});

const promotionCodeSchema = z.object({ id: z.string(), code: z.string() });

const discountSchema = z.object({
  coupon: z.union([z.string(), couponSchema]).nullish(),
  source: z.object({ coupon: z.union([z.string(), couponSchema]).nullish() }).nullish(),
  promotion_code: z.union([z.string(), promotionCodeSchema]).nullish(),
});

const productSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  description: text,
  images: z.array(z.string()).nullish(),
});

const priceSchema = z.object({
  id: z.string(),
  unit_amount: int.nullish(),
  product: z.union([z.string(), productSchema]).nullish(),
  recurring: z.object({ interval: z.string(), interval_count: int }).nullish(),
});

const amountWithDiscountSchema = z.object({ amount: int, discount: discountSchema });

const taxRateSchema = z.object({
  display_name: text,
  percentage: z.number().nullish(),
  inclusive: z.boolean().nullish(),
});
const taxAmountSchema = z.object({ amount: int, rate: taxRateSchema.nullish() });

const lineItemSchema = z.object({
  id: z.string(),
  amount_discount: int.default(0),
  amount_subtotal: int,
  amount_tax: int.default(0),
  amount_total: int,
  currency: z.string(),
  description: text,
  quantity: int.nullish(),
  price: priceSchema.nullish(),
  adjustable_quantity: z.object({ enabled: z.boolean(), maximum: int.nullish(), minimum: int.nullish() }).nullish(),
  discounts: z.array(amountWithDiscountSchema).nullish(),
  taxes: z.array(taxAmountSchema).nullish(),
});

const estimateSchema = z.object({ unit: z.string(), value: int });

const shippingRateSchema = z.object({
  id: z.string(),
  display_name: text,
  delivery_estimate: z.object({ minimum: estimateSchema.nullish(), maximum: estimateSchema.nullish() }).nullish(),
  fixed_amount: z.object({ amount: int, currency: z.string() }).nullish(),
});

const addressSchema = z.object({
  line1: text,
  line2: text,
  city: text,
  state: text,
  postal_code: text,
  country: text,
});

export const emulatorSessionSchema = z.object({
  id: z.string(),
  livemode: z.boolean().default(false),
  currency: text,
  amount_subtotal: int.nullish(),
  amount_total: int.nullish(),
  status: text,
  payment_status: text,
  return_url: text,
  customer_email: text,
  customer_details: z.object({ email: text, name: text, phone: text, address: addressSchema.nullish() }).nullish(),
  collected_information: z
    .object({ shipping_details: z.object({ name: text, address: addressSchema }).nullish() })
    .nullish(),
  line_items: z.object({ data: z.array(lineItemSchema) }).nullish(),
  total_details: z
    .object({
      amount_discount: int.default(0),
      amount_shipping: int.nullish(),
      amount_tax: int.default(0),
      breakdown: z
        .object({
          discounts: z.array(amountWithDiscountSchema).default([]),
          taxes: z.array(taxAmountSchema).default([]),
        })
        .nullish(),
    })
    .nullish(),
  discounts: z.array(discountSchema).nullish(),
  shipping_options: z
    .array(z.object({ shipping_amount: int, shipping_rate: z.union([z.string(), shippingRateSchema]) }))
    .nullish(),
  shipping_cost: z
    .object({ amount_total: int, shipping_rate: z.union([z.string(), shippingRateSchema]).nullish() })
    .nullish(),
  shipping_address_collection: z.object({ allowed_countries: z.array(z.string()) }).nullish(),
  permissions: z.object({ update_shipping_details: text, update_discounts: text, update_line_items: text }).nullish(),
});

export type EmulatorSession = z.output<typeof emulatorSessionSchema>;
export type EmulatorLineItem = z.output<typeof lineItemSchema>;
export type EmulatorDiscount = z.output<typeof discountSchema>;
export type EmulatorShippingRate = z.output<typeof shippingRateSchema>;
export type EmulatorAddress = z.output<typeof addressSchema>;
export type EmulatorTaxAmount = z.output<typeof taxAmountSchema>;
export type EmulatorAmountWithDiscount = z.output<typeof amountWithDiscountSchema>;

/** Stripe's error envelope as the browser API answers it. */
export const stripeErrorBodySchema = z.object({
  error: z.object({
    type: text,
    code: text,
    decline_code: text,
    message: z.string().nullish(),
    param: text,
  }),
});
export type StripeErrorBody = z.output<typeof stripeErrorBodySchema>;

/** `POST /v1/elements/sessions/:id/confirm` success answer. */
export const confirmResponseSchema = z.object({
  session: emulatorSessionSchema,
  return_url: z.string().nullish(),
});
