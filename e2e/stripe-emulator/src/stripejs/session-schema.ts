import * as z from 'zod/mini';

/**
 * The parts of the emulator's session JSON (a `Stripe.Checkout.Session` with line items, discounts and shipping rates
 * expanded) that the stand-in reads. Lenient on purpose: every field Stripe may omit or null is optional here, and the
 * unit tests check that a `Stripe.Checkout.Session` from stripe-node's types is accepted as input.
 *
 * Written with `zod/mini` imported as a namespace (`import * as z`), which esbuild tree-shakes: the stand-in is a
 * browser bundle, and zod's classic API (with every locale) made 450 kB of its 490 kB; it is now about 53 kB.
 */
const int = z.int();
const text = z.nullish(z.string());

const couponSchema = z.object({
  id: z.string(),
  name: text,
  percent_off: z.nullish(z.number()),
  amount_off: z.nullish(int),
  duration: text,
  duration_in_months: z.nullish(int),
});

const promotionCodeSchema = z.object({ id: z.string(), code: z.string() });

const discountSchema = z.object({
  coupon: z.nullish(z.union([z.string(), couponSchema])),
  source: z.nullish(z.object({ coupon: z.nullish(z.union([z.string(), couponSchema])) })),
  promotion_code: z.nullish(z.union([z.string(), promotionCodeSchema])),
});

const productSchema = z.object({
  id: z.string(),
  name: z.optional(z.string()),
  description: text,
  images: z.nullish(z.array(z.string())),
});

const priceSchema = z.object({
  id: z.string(),
  unit_amount: z.nullish(int),
  product: z.nullish(z.union([z.string(), productSchema])),
  recurring: z.nullish(z.object({ interval: z.string(), interval_count: int })),
});

const amountWithDiscountSchema = z.object({ amount: int, discount: discountSchema });

const taxRateSchema = z.object({
  display_name: text,
  percentage: z.nullish(z.number()),
  inclusive: z.nullish(z.boolean()),
});
const taxAmountSchema = z.object({ amount: int, rate: z.nullish(taxRateSchema) });

const lineItemSchema = z.object({
  id: z.string(),
  amount_discount: z._default(int, 0),
  amount_subtotal: int,
  amount_tax: z._default(int, 0),
  amount_total: int,
  currency: z.string(),
  description: text,
  quantity: z.nullish(int),
  price: z.nullish(priceSchema),
  adjustable_quantity: z.nullish(z.object({ enabled: z.boolean(), maximum: z.nullish(int), minimum: z.nullish(int) })),
  discounts: z.nullish(z.array(amountWithDiscountSchema)),
  taxes: z.nullish(z.array(taxAmountSchema)),
});

const estimateSchema = z.object({ unit: z.string(), value: int });

const shippingRateSchema = z.object({
  id: z.string(),
  display_name: text,
  delivery_estimate: z.nullish(z.object({ minimum: z.nullish(estimateSchema), maximum: z.nullish(estimateSchema) })),
  fixed_amount: z.nullish(z.object({ amount: int, currency: z.string() })),
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
  livemode: z._default(z.boolean(), false),
  currency: text,
  amount_subtotal: z.nullish(int),
  amount_total: z.nullish(int),
  status: text,
  payment_status: text,
  return_url: text,
  customer_email: text,
  customer_details: z.nullish(z.object({ email: text, name: text, phone: text, address: z.nullish(addressSchema) })),
  collected_information: z.nullish(
    z.object({ shipping_details: z.nullish(z.object({ name: text, address: addressSchema })) }),
  ),
  line_items: z.nullish(z.object({ data: z.array(lineItemSchema) })),
  total_details: z.nullish(
    z.object({
      amount_discount: z._default(int, 0),
      amount_shipping: z.nullish(int),
      amount_tax: z._default(int, 0),
      breakdown: z.nullish(
        z.object({
          discounts: z._default(z.array(amountWithDiscountSchema), []),
          taxes: z._default(z.array(taxAmountSchema), []),
        }),
      ),
    }),
  ),
  discounts: z.nullish(z.array(discountSchema)),
  shipping_options: z.nullish(
    z.array(z.object({ shipping_amount: int, shipping_rate: z.union([z.string(), shippingRateSchema]) })),
  ),
  shipping_cost: z.nullish(
    z.object({
      amount_total: int,
      shipping_rate: z.nullish(z.union([z.string(), shippingRateSchema])),
      taxes: z.nullish(z.array(taxAmountSchema)),
    }),
  ),
  automatic_tax: z.nullish(z.object({ enabled: z.boolean(), status: text })),
  shipping_address_collection: z.nullish(z.object({ allowed_countries: z.array(z.string()) })),
  permissions: z.nullish(z.object({ update_shipping_details: text, update_discounts: text, update_line_items: text })),
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
    message: z.nullish(z.string()),
    param: text,
  }),
});
export type StripeErrorBody = z.output<typeof stripeErrorBodySchema>;

/** `POST /v1/elements/sessions/:id/confirm` success answer. */
export const confirmResponseSchema = z.object({
  session: emulatorSessionSchema,
  return_url: z.nullish(z.string()),
});
