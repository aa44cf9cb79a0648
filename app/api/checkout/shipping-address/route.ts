import { shippingAddressRequestSchema } from '@/lib/checkout/contract';
import { checkoutUpdateRoute } from '@/lib/checkout/update';

/** Sets the checkout's shipping address (server_only on the session) and re-offers shipping → `CheckoutStateView`. */
export const POST = checkoutUpdateRoute(shippingAddressRequestSchema, ({ address }) => ({
  type: 'set-shipping-address',
  address,
}));
