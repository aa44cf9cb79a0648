import { emailChangedRequestSchema } from '@/lib/checkout/contract';
import { checkoutUpdateRoute } from '@/lib/checkout/update';

/** The shopper changed their email in Stripe's checkout: re-read it from Stripe and re-price → `CheckoutStateView`. */
export const POST = checkoutUpdateRoute(emailChangedRequestSchema, () => ({ type: 'email-changed' }));
