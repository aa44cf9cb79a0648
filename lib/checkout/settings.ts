import 'server-only';
import { allowedShippingCountries } from '@/lib/checkout/address';
import { getServerConfig } from '@/lib/config';

export type CheckoutSettings = {
  /** Countries a session may ship to. */
  allowedCountries: ReadonlyArray<string>;
  sessionTtlSeconds: number;
  /** Public base URL for return_url and product images; null → the request's origin. */
  appUrl: string | null;
  /**
   * Create sessions with `permissions.update_discounts: 'server_only'` and send `discounts` on updates (Stripe private
   * preview). On unless SERVER_SIDE_DISCOUNTS=off; a session whose creation Stripe refused it for runs without.
   */
  serverSideDiscounts: boolean;
};

export function getCheckoutSettings(): CheckoutSettings {
  const config = getServerConfig();
  return {
    allowedCountries: allowedShippingCountries(config.shippingCountries),
    sessionTtlSeconds: config.checkoutSessionTtlSeconds,
    appUrl: config.appUrl,
    serverSideDiscounts: config.serverSideDiscounts,
  };
}
