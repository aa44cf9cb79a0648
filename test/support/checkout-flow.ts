import type Stripe from 'stripe';
import { addToCart } from '@/lib/cart/service';
import type { Catalog } from '@/lib/catalog/schema';
import type { CheckoutDeps, CheckoutSettings } from '@/lib/checkout/deps';
import { startCheckout } from '@/lib/checkout/start';
import { updateCheckout } from '@/lib/checkout/update';
import { remoteClock } from '@/lib/clock';
import type { Db } from '@/lib/db/client';
import { payCheckoutSession } from '@/test/emulator-control';
import { usAddress } from '@/test/fixtures/addresses';
import { TEST_ORIGIN } from '@/test/support/http';

export const testSettings: CheckoutSettings = {
  allowedCountries: ['US', 'CA', 'DE', 'GB'],
  sessionTtlSeconds: 3600,
  appUrl: null,
  serverSideDiscounts: false,
  stripeTax: false,
};

export function checkoutDeps(env: { db: Db; stripe: Stripe }, catalog: Catalog, now = new Date()): CheckoutDeps {
  return { db: env.db, stripe: env.stripe, catalog, settings: testSettings, now, origin: TEST_ORIGIN };
}

/**
 * Deps with server-side discounts on and `now` read from the emulator's clock (as APP_CLOCK_URL does in the app), for
 * suites whose checkouts take codes.
 */
export async function discountCheckoutDeps(
  env: { db: Db; stripe: Stripe; emulatorUrl: string },
  catalog: Catalog,
): Promise<CheckoutDeps> {
  const now = await remoteClock(`${env.emulatorUrl}/_emulator/clock`)();
  const settings = { ...testSettings, serverSideDiscounts: true, sessionTtlSeconds: 6 * 3600 };
  return { ...checkoutDeps(env, catalog, now), settings };
}

/** A shopper with `items` in the cart and an open Checkout Session for it (optionally with a US address). */
export async function openCheckout(
  deps: CheckoutDeps,
  items: ReadonlyArray<{ productId: string; quantity: number }>,
  options: { withAddress?: boolean } = {},
): Promise<{ shopperId: string; sessionId: string; clientSecret: string }> {
  const shopperId = crypto.randomUUID();
  for (const item of items) await addToCart(deps.db, { shopperId, ...item }, deps.catalog);
  const started = await startCheckout({ ...deps, shopperId });
  if (options.withAddress) {
    await updateCheckout({
      ...deps,
      sessionId: started.sessionId,
      shopperId,
      intent: { type: 'set-shipping-address', address: usAddress },
    });
  }
  return { shopperId, ...started };
}

/** Pays the session with a test card through the emulator's browser API; throws unless it succeeds. */
export async function pay(emulatorUrl: string, session: { sessionId: string; clientSecret: string }): Promise<void> {
  const response = await payCheckoutSession(emulatorUrl, session);
  if (!response.ok) throw new Error(`payment failed: ${response.status} ${await response.text()}`);
}
