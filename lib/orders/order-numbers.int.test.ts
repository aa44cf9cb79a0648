/**
 * Order numbers are the orders' ids, shown to shoppers as "#7": they must not skip. Duplicate webhook deliveries, the
 * return page and the reconcile sweep fulfil the same session again and at the same time; only the call that creates
 * the order may take a number.
 */
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCatalog } from '@/lib/catalog';
import { orders } from '@/lib/db/schema';
import { fulfillCheckout } from '@/lib/orders/fulfil';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { checkoutDeps, openCheckout, pay } from '@/test/support/checkout-flow';

const CHECKOUTS = 13;

let env: AppTestEnvironment;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
});
afterAll(() => env.tearDown());

function fulfil(sessionId: string) {
  return fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId });
}

describe('order numbers', () => {
  it(`${CHECKOUTS} paid checkouts, each fulfilled several times at once and again later, are orders #1…#${CHECKOUTS}`, async () => {
    const deps = checkoutDeps(env, getCatalog());
    const paid: string[] = [];
    for (let i = 0; i < CHECKOUTS; i++) {
      const checkout = await openCheckout(deps, [{ productId: 'tea-sampler', quantity: 1 }], { withAddress: true });
      await pay(env.emulatorUrl, checkout);
      paid.push(checkout.sessionId);
    }

    // Every session at once, three times over (a webhook, its duplicate, the return page), then once more (reconcile).
    const results = await Promise.all(
      paid.flatMap((sessionId) => [fulfil(sessionId), fulfil(sessionId), fulfil(sessionId)]),
    );
    for (const sessionId of paid) await fulfil(sessionId);

    expect(results.filter((result) => result.state === 'fulfilled' && result.created)).toHaveLength(CHECKOUTS);
    const numbers = await env.db.select({ id: orders.id }).from(orders).orderBy(asc(orders.id));
    expect(numbers.map((order) => order.id)).toEqual(Array.from({ length: CHECKOUTS }, (_, i) => i + 1));
  });
});
