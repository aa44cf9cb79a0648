import { POST as setAddress } from '@/app/api/checkout/shipping-address/route';
import { usAddress } from '@/test/fixtures/addresses';
import { type Shopper, shopperWithCheckout } from '@/test/support/checkout-api';
import { apiRequest } from '@/test/support/http';

export type FuzzShopper = Shopper;

/** Two shoppers with open checkouts: the one sending hostile requests, and the one whose ids it tries to use. */
export type FuzzFixture = {
  attacker: FuzzShopper;
  victim: FuzzShopper;
  /** Signs a webhook payload the way Stripe does (`Stripe-Signature` header value). */
  sign(payload: string, secret: string, timestamp: number): string;
  webhookSecret: string;
  /** The shopper cookie's name (`SHOPPER_COOKIE`; passed in because lib/shopper is server-only). */
  shopperCookie: string;
  /** The CRON_SECRET configured for the run (cron routes are fuzzed configured: hostile callers get 401, not 503). */
  cronSecret: string;
};

/** What the attacker's cart holds (the route registry relies on it). */
export const ATTACKER_ITEMS = [
  { productId: 'aurora-headphones', quantity: 1 },
  { productId: 'ceramic-pour-over', quantity: 2 },
] as const;

/** A shopper made through the HTTP handlers: cart, open session, US address. */
export async function makeShopper(items: ReadonlyArray<{ productId: string; quantity: number }>): Promise<FuzzShopper> {
  const { shopperId, sessionId, clientSecret } = await shopperWithCheckout(items);
  const addressed = await setAddress(
    apiRequest('POST', '/api/checkout/shipping-address', { shopperId, body: { sessionId, address: usAddress } }),
  );
  if (addressed.status !== 200) throw new Error(`set address → ${addressed.status}: ${await addressed.text()}`);
  return { shopperId, sessionId, clientSecret };
}
