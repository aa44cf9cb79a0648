/**
 * What happens meanwhile, while Stripe works on an update: the checkout is paid (fulfilment closes the record), or the
 * update's lease is taken over (it ran out). Either way nothing is saved and the answer is the same whether the save
 * is the one-statement kind (an add-on: no holds change) or a transaction (a quantity: the cart and the holds too).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCartView } from '@/lib/cart/service';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import type { CheckoutIntent } from '@/lib/checkout/intents';
import { findCheckout, markCheckoutStatus } from '@/lib/checkout/repository';
import { updateCheckout } from '@/lib/checkout/update';
import { holds, leases } from '@/lib/db/schema';
import { injectFault } from '@/test/emulator-control';
import { testCatalog as catalog } from '@/test/fixtures/catalog';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { checkoutDeps, openCheckout } from '@/test/support/checkout-flow';

const STRIPE_LATENCY_MS = 600;

let env: AppTestEnvironment;
let deps: CheckoutDeps;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
  deps = checkoutDeps(env, catalog);
});
afterAll(() => env.tearDown());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const intents: Array<[string, CheckoutIntent]> = [
  ['an add-on', { type: 'set-add-on', addOnId: 'gift-wrap', productId: null, selected: true }],
  ['a quantity', { type: 'set-quantity', productId: 'test-mug', quantity: 2 }],
];

async function recordOf(sessionId: string, shopperId: string) {
  const row = await findCheckout(env.db, sessionId);
  const held = await env.db.select().from(holds).where(eq(holds.checkoutSessionId, sessionId));
  const cart = await getCartView(env.db, shopperId, catalog);
  return {
    version: row?.version,
    selections: row?.selections,
    quote: row?.quote,
    holds: held.map((h) => [h.kind, h.key, h.quantity]),
    cart: cart.items.map((i) => [i.productId, i.quantity]),
  };
}

/** Starts `intent` with Stripe slowed down, runs `meanwhile` while Stripe works, and answers the update's outcome. */
async function updateWhile(intent: CheckoutIntent, meanwhile: (sessionId: string) => Promise<void>) {
  const { sessionId, shopperId } = await openCheckout(deps, [{ productId: 'test-mug', quantity: 1 }]);
  const before = await recordOf(sessionId, shopperId);
  await injectFault(env.emulatorUrl, {
    method: 'POST',
    path: `/v1/checkout/sessions/${sessionId}`,
    kind: 'latency',
    latencyMs: STRIPE_LATENCY_MS,
  });
  const update = updateCheckout({ ...deps, sessionId, shopperId, intent });
  const outcome = update.then(
    () => null,
    (error: unknown) => error,
  );
  await sleep(STRIPE_LATENCY_MS / 3);
  await meanwhile(sessionId);
  return { error: await outcome, before, after: await recordOf(sessionId, shopperId), sessionId, shopperId };
}

describe('saving an update', () => {
  it.each(intents)(
    '%s to a checkout paid while Stripe answered is checkout_closed, and nothing is saved',
    async (_, intent) => {
      const { error, before, after } = await updateWhile(intent, (sessionId) =>
        markCheckoutStatus(env.db, sessionId, 'complete', 'paid'),
      );
      expect(error).toMatchObject({ status: 409, code: 'checkout_closed' });
      expect({ ...after, holds: before.holds }).toEqual(before);
    },
  );

  it.each(intents)(
    '%s whose lease was taken over while Stripe answered is a retryable update_in_progress, nothing saved, the other holder’s lease kept',
    async (_, intent) => {
      const { error, before, after, sessionId, shopperId } = await updateWhile(intent, async (sessionId) => {
        await env.db
          .update(leases)
          .set({ token: 'another instance' })
          .where(eq(leases.key, `checkout:${sessionId}`));
      });
      expect(error).toMatchObject({ status: 409, code: 'update_in_progress', retryable: true });
      expect(after).toEqual(before);
      const [lease] = await env.db
        .select()
        .from(leases)
        .where(eq(leases.key, `checkout:${sessionId}`));
      expect(lease?.token).toBe('another instance');
      // Once that lease is gone, the same update goes through.
      await env.db.delete(leases).where(eq(leases.key, `checkout:${sessionId}`));
      await updateCheckout({ ...deps, sessionId, shopperId, intent });
      expect((await findCheckout(env.db, sessionId))?.version).toBe((before.version ?? 0) + 1);
    },
  );

  it.each(intents)('%s saved releases its lease with the save', async (_, intent) => {
    const { sessionId, shopperId } = await openCheckout(deps, [{ productId: 'test-mug', quantity: 1 }]);
    await updateCheckout({ ...deps, sessionId, shopperId, intent });
    expect(
      await env.db
        .select()
        .from(leases)
        .where(eq(leases.key, `checkout:${sessionId}`)),
    ).toEqual([]);
  });
});
