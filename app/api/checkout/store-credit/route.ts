import { storeCreditRequestSchema } from '@/lib/checkout/contract';
import { checkoutUpdateRoute } from '@/lib/checkout/update';

/** The signed-in customer pays with their store credit, or stops → `CheckoutStateView` (401 for a guest). */
export const POST = checkoutUpdateRoute(
  storeCreditRequestSchema,
  ({ apply }) => ({ type: 'set-store-credit', apply }),
  {
    asCustomer: true,
  },
);
