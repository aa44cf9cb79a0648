import { quantityRequestSchema } from '@/lib/checkout/contract';
import { checkoutUpdateRoute } from '@/lib/checkout/update';

/** Changes an item's quantity (0 removes it; the cart follows) → `CheckoutStateView`. */
export const POST = checkoutUpdateRoute(quantityRequestSchema, ({ productId, quantity }) => ({
  type: 'set-quantity',
  productId,
  quantity,
}));
