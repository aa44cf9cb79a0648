import { type ShippingAddressInput, shippingAddressInputSchema } from '@/lib/checkout/address';
import type { CheckoutStateView } from '@/lib/checkout/contract';
import { updateCheckoutState } from '@/lib/checkout/interactions';
import type { CheckoutDeps } from '@/lib/checkout/update';
import { parseWith } from '@/lib/http/json-body';

/**
 * Sets the shipping address of the shopper's checkout (sessions are created with `update_shipping_details:
 * 'server_only'`, so only the server can) and re-offers shipping options for it. 400 `country_not_supported` for
 * countries the store does not ship to.
 */
export async function setShippingAddress(
  input: CheckoutDeps & { sessionId: string; shopperId: string | null; address: ShippingAddressInput },
): Promise<CheckoutStateView> {
  const { address, ...rest } = input;
  const parsed = parseWith(shippingAddressInputSchema, address);
  return updateCheckoutState({ ...rest, intent: { type: 'set-shipping-address', address: parsed } });
}
