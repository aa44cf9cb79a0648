import { type ShippingAddressInput, shippingAddressInputSchema } from '@/lib/checkout/address';
import { type CheckoutDeps, updateCheckout } from '@/lib/checkout/update';
import { parseWith } from '@/lib/http/json-body';

/**
 * Sets the shipping address of the shopper's checkout (sessions are created with `update_shipping_details:
 * 'server_only'`, so only the server can) and re-offers shipping options for it. 400 `country_not_supported` for
 * countries the store does not ship to.
 */
export async function setShippingAddress(
  input: CheckoutDeps & { sessionId: string; shopperId: string; address: ShippingAddressInput },
): Promise<{ total: number; currency: string }> {
  const { address, ...rest } = input;
  const parsed = parseWith(shippingAddressInputSchema, address);
  const result = await updateCheckout({ ...rest, intent: { type: 'set-shipping-address', address: parsed } });
  return { total: result.total, currency: result.currency };
}
