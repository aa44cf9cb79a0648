import { z } from 'zod';
import { bool, emptyable, expandList, int, list, metadata, oneOf, str } from '../http/params';
import { couponDataShape } from '../resources/coupons';
import { priceDataSchema } from '../resources/prices';
import { shippingRateDataSchema } from '../resources/shipping-rates';

/** Params of `POST /v1/checkout/sessions` and `POST /v1/checkout/sessions/:id` (stripe@23.1.0 names). */

const adjustableQuantity = z.strictObject({
  enabled: bool(),
  minimum: int({ min: 0, max: 999999 }).optional(),
  maximum: int({ min: 1, max: 999999 }).optional(),
});

const lineItemFields = {
  price: str(200).optional(),
  price_data: priceDataSchema.optional(),
  quantity: int({ min: 0, max: 999999 }).optional(),
  adjustable_quantity: adjustableQuantity.optional(),
  metadata: metadata().optional(),
};

export const createLineItemSchema = z.strictObject(lineItemFields);
export const updateLineItemSchema = z.strictObject({ id: str(200).optional(), ...lineItemFields });
export type LineItemParams = z.output<typeof updateLineItemSchema>;

export const shippingOptionSchema = z.strictObject({
  shipping_rate: str(200).optional(),
  shipping_rate_data: shippingRateDataSchema.optional(),
});
export type ShippingOptionParams = z.output<typeof shippingOptionSchema>;

const permission = oneOf(['client_only', 'server_only']);

const country = z.string().regex(/^[A-Z]{2}$/, { error: 'Invalid country' });

export const addressSchema = z.strictObject({
  country: country,
  line1: str(200),
  line2: str(200).optional(),
  city: str(200).optional(),
  postal_code: str(40).optional(),
  state: str(200).optional(),
});

export const shippingDetailsSchema = z.strictObject({ name: str(300), address: addressSchema });

const automaticTax = z.strictObject({
  enabled: bool(),
  liability: z.strictObject({ type: oneOf(['account', 'self']), account: str(200).optional() }).optional(),
});

const paymentIntentData = z.strictObject({
  description: str(1000).optional(),
  metadata: metadata().optional(),
});

export const createSessionSchema = z.strictObject({
  mode: oneOf(['payment', 'setup', 'subscription']),
  ui_mode: oneOf(['elements', 'embedded_page', 'form', 'hosted_page']).optional(),
  line_items: list(createLineItemSchema, 100).optional(),
  automatic_tax: automaticTax.optional(),
  return_url: str(5000).optional(),
  success_url: str(5000).optional(),
  cancel_url: str(5000).optional(),
  currency: z
    .string()
    .regex(/^[a-zA-Z]{3}$/)
    .transform((value) => value.toLowerCase())
    .optional(),
  customer: str(200).optional(),
  customer_email: str(800).optional(),
  client_reference_id: str(200).optional(),
  metadata: metadata().optional(),
  expires_at: int({ min: 0 }).optional(),
  shipping_address_collection: z.strictObject({ allowed_countries: list(country, 250) }).optional(),
  shipping_options: list(shippingOptionSchema, 100).optional(),
  permissions: z
    .strictObject({
      update_shipping_details: permission.optional(),
      update_line_items: permission.optional(),
      update_discounts: permission.optional(),
    })
    .optional(),
  discounts: list(z.strictObject({ coupon: str(200).optional(), promotion_code: str(200).optional() }), 100).optional(),
  allow_promotion_codes: bool().optional(),
  billing_address_collection: oneOf(['auto', 'required']).optional(),
  phone_number_collection: z.strictObject({ enabled: bool() }).optional(),
  locale: str(10).optional(),
  payment_intent_data: paymentIntentData.optional(),
  expand: expandList(),
});
export type CreateSessionParams = z.output<typeof createSessionSchema>;

/** Private-preview `discounts` on update (needs `checkout_server_update_beta=v1` in Stripe-Version). */
const updateDiscountSchema = z.strictObject({
  coupon: str(200).optional(),
  coupon_data: z.strictObject(couponDataShape).optional(),
});
export type UpdateDiscountParams = z.output<typeof updateDiscountSchema>;

export const updateSessionSchema = z.strictObject({
  line_items: list(updateLineItemSchema, 100).optional(),
  shipping_options: emptyable(list(shippingOptionSchema, 100)).optional(),
  collected_information: z.strictObject({ shipping_details: shippingDetailsSchema.optional() }).optional(),
  metadata: emptyable(metadata()).optional(),
  payment_intent_data: paymentIntentData.optional(),
  discounts: emptyable(list(updateDiscountSchema, 100)).optional(),
  expand: expandList(),
});
export type UpdateSessionParams = z.output<typeof updateSessionSchema>;

export const SESSION_EXPANDABLE = [
  'line_items',
  'line_items.data.price.product',
  'line_items.data.taxes',
  'total_details.breakdown',
  'discounts.coupon',
  'discounts.promotion_code',
  'payment_intent',
  'shipping_options.shipping_rate',
  'shipping_cost.shipping_rate',
] as const;
