/** Test support for the merchant console: signed-in callers, a paid order with a code and store credit, webhooks. */
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { POST as webhookPost } from '@/app/api/webhooks/stripe/route';
import { createOrPromoteMerchant } from '@/lib/admin/merchants';
import { getCatalog } from '@/lib/catalog';
import { updateCheckout } from '@/lib/checkout/update';
import { grantCredit } from '@/lib/customers/store-credit';
import type { Db } from '@/lib/db/client';
import { checkouts, orders } from '@/lib/db/schema';
import { fulfillCheckout } from '@/lib/orders/fulfil';
import { CookieJar, callAuth, signUpVerified, uniqueEmail, userByEmail } from '@/test/support/accounts';
import { discountCheckoutDeps, openCheckout, pay } from '@/test/support/checkout-flow';
import { apiRequest } from '@/test/support/http';
import { signPayload } from '@/test/support/webhook-signing';

export const TEST_PASSWORD = 'correct-horse-battery';

export type Callers = { anonymous: CookieJar; shopper: CookieJar; merchant: CookieJar; shopperId: string };

/** A browser of each kind: nobody signed in, a signed-in shopper, a signed-in merchant. */
export async function signedInCallers(db: Db): Promise<Callers> {
  const shopper = new CookieJar();
  const shopperEmail = uniqueEmail('shopper');
  await signUpVerified(db, shopper, { email: shopperEmail, password: TEST_PASSWORD });
  const merchant = new CookieJar();
  const merchantEmail = uniqueEmail('merchant');
  await createOrPromoteMerchant(db, { email: merchantEmail, password: TEST_PASSWORD });
  const signIn = await callAuth('POST', '/sign-in/email', {
    jar: merchant,
    body: { email: merchantEmail, password: TEST_PASSWORD },
  });
  if (!signIn.ok) throw new Error(`merchant sign-in failed: ${signIn.status}`);
  const shopperId = (await userByEmail(db, shopperEmail))?.id;
  if (!shopperId) throw new Error('no shopper account');
  return { anonymous: new CookieJar(), shopper, merchant, shopperId };
}

/** The request headers a browser with `jar` sends (what `headers()` answers inside a Server Action). */
export function headersOf(jar: CookieJar): Headers {
  const headers = new Headers({ origin: 'http://shop.test' });
  if (jar.values.size > 0) headers.set('cookie', jar.header());
  return headers;
}

/**
 * A customer's paid order: $199 headphones with `code` (e.g. SAVE15) and `credit` of store credit applied, fulfilled
 * from Stripe's final session.
 */
export async function paidOrderWithCodeAndCredit(
  env: { db: Db; stripe: Stripe; emulatorUrl: string },
  customerId: string,
  { code, credit }: { code: string; credit: number },
): Promise<typeof orders.$inferSelect> {
  const d = await discountCheckoutDeps(env, getCatalog());
  await grantCredit(env.db, {
    customerId,
    amount: credit,
    currency: 'usd',
    reason: 'Test credit',
    expiresAt: null,
    createdBy: 'test',
    at: d.now,
  });
  const checkout = await openCheckout(d, [{ productId: 'aurora-headphones', quantity: 1 }], { withAddress: true });
  await env.db.update(checkouts).set({ customerId }).where(eq(checkouts.stripeSessionId, checkout.sessionId));
  const base = { ...d, sessionId: checkout.sessionId, shopperId: checkout.shopperId, customerId };
  await updateCheckout({ ...base, intent: { type: 'apply-code', code } });
  await updateCheckout({ ...base, intent: { type: 'set-store-credit', apply: true } });
  await pay(env.emulatorUrl, checkout);
  const result = await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: checkout.sessionId });
  if (result.state !== 'fulfilled') throw new Error(`not fulfilled: ${result.state}`);
  const [order] = await env.db.select().from(orders).where(eq(orders.id, result.order.id));
  if (!order) throw new Error('order missing');
  return order;
}

/** Delivers each of the emulator's events of `type` (newest first, as listed) to the webhook route, signed; `times` each. */
export async function deliverEvents(stripe: Stripe, webhookSecret: string, type: string, times = 1): Promise<number[]> {
  const events = (await stripe.events.list({ type, limit: 100 })).data;
  const statuses: number[] = [];
  for (const event of events) {
    for (let copy = 0; copy < times; copy++) {
      const body = JSON.stringify(event);
      const response = await webhookPost(
        apiRequest('POST', '/api/webhooks/stripe', {
          body,
          headers: { 'stripe-signature': signPayload(body, webhookSecret) },
        }),
      );
      statuses.push(response.status);
    }
  }
  return statuses;
}
