import { addOnRequestSchema } from '@/lib/checkout/contract';
import { checkoutUpdateRoute } from '@/lib/checkout/update';

/** Selects or removes an add-on (with the gift message card's text) → `CheckoutStateView`. */
export const POST = checkoutUpdateRoute(addOnRequestSchema, ({ addOnId, productId, selected, giftMessage }) => ({
  type: 'set-add-on',
  addOnId,
  productId,
  selected,
  giftMessage,
}));
