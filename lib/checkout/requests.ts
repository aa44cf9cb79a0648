import { z } from 'zod';
import { shippingAddressInputSchema } from '@/lib/checkout/address';

export const checkoutSessionIdSchema = z.string().regex(/^cs_(test|live)_[A-Za-z0-9]{1,250}$/, 'a Checkout Session id');

const slug = (what: string) =>
  z
    .string()
    .max(100)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, what);

/*
 * Every body is `.strict()`: ids and intents only. A client-sent `price`, `amount`, `unit_amount` (or any other
 * unknown field) is a 400 `invalid_request` before anything reaches Stripe.
 */

/** POST /api/checkout/sessions — no fields: the cart on the server is what gets checked out. */
export const startCheckoutSchema = z.object({}).strict();

/** POST /api/checkout/shipping-address */
export const shippingAddressRequestSchema = z
  .object({ sessionId: checkoutSessionIdSchema, address: shippingAddressInputSchema })
  .strict();

/** POST /api/checkout/add-ons — `giftMessage` goes with selecting the gift message card. */
export const addOnRequestSchema = z
  .object({
    sessionId: checkoutSessionIdSchema,
    addOnId: slug('an add-on id'),
    productId: slug('a product id')
      .nullish()
      .transform((id) => id ?? null),
    selected: z.boolean(),
    giftMessage: z.string().max(2_000).optional(),
  })
  .strict();

/** POST /api/checkout/quantity — 0 removes the item. */
export const quantityRequestSchema = z
  .object({
    sessionId: checkoutSessionIdSchema,
    productId: slug('a product id'),
    quantity: z.number().int('a whole number').min(0).max(99),
  })
  .strict();

/** POST /api/checkout/shipping-option — the store's method id, never Stripe's `shr_` id. */
export const shippingOptionRequestSchema = z
  .object({ sessionId: checkoutSessionIdSchema, methodId: slug('a shipping method id') })
  .strict();

/** GET /api/checkout/state?sessionId=… */
export const checkoutStateQuerySchema = z.object({ sessionId: checkoutSessionIdSchema }).strict();

/** A code as typed: compared trimmed and case-insensitively by the engine; length bounded here. */
const typedCode = z.string().trim().min(1, 'Enter a discount code.').max(64);

/** POST /api/checkout/discount-codes — `email` lets per-email and first-order codes be checked. */
export const applyCodeRequestSchema = z
  .object({ sessionId: checkoutSessionIdSchema, code: typedCode, email: z.email().max(254).optional() })
  .strict();

/** DELETE /api/checkout/discount-codes */
export const removeCodeRequestSchema = z.object({ sessionId: checkoutSessionIdSchema, code: typedCode }).strict();
