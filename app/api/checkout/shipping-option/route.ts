import { shippingOptionRequestSchema } from '@/lib/checkout/contract';
import { checkoutUpdateRoute } from '@/lib/checkout/update';

/** Chooses one of the shipping methods offered for the address → `CheckoutStateView`. */
export const POST = checkoutUpdateRoute(shippingOptionRequestSchema, ({ methodId }) => ({
  type: 'set-shipping-method',
  methodId,
}));
