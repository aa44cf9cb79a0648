import { z } from 'zod';
import { shippingAddressInputSchema } from '@/lib/checkout/address';

export const checkoutSessionIdSchema = z.string().regex(/^cs_(test|live)_[A-Za-z0-9]{1,250}$/, 'a Checkout Session id');

/** POST /api/checkout/sessions — no fields: the cart on the server is what gets checked out. */
export const startCheckoutSchema = z.object({}).strict();

/** POST /api/checkout/shipping-address */
export const shippingAddressRequestSchema = z
  .object({ sessionId: checkoutSessionIdSchema, address: shippingAddressInputSchema })
  .strict();
