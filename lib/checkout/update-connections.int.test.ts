/**
 * An update waiting for Stripe, or for another update of the same checkout, holds no database connection: the store
 * keeps answering everyone else. Stripe is slowed by the emulator's latency fault; the assertions are about order
 * (the bystander's read finishes while the updates are still waiting), not about timings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCart, getCartView } from '@/lib/cart/service';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { updateCheckout } from '@/lib/checkout/update';
import { holds } from '@/lib/db/schema';
import { injectFault } from '@/test/emulator-control';
import { testCatalog as catalog } from '@/test/fixtures/catalog';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { checkoutDeps, openCheckout } from '@/test/support/checkout-flow';

const STRIPE_LATENCY_MS = 1_500;
/** More than the pool's 5 connections. */
const CONCURRENT_UPDATES = 7;

let env: AppTestEnvironment;
let deps: CheckoutDeps;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
  deps = checkoutDeps(env, catalog);
});
afterAll(() => env.tearDown());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function slowStripeUpdates(count: number): Promise<void> {
  await injectFault(env.emulatorUrl, {
    method: 'POST',
    path: '/v1/checkout/sessions/',
    kind: 'latency',
    latencyMs: STRIPE_LATENCY_MS,
    count,
  });
}

/** A bystander adds to their cart and reads it back while the updates wait; answers when that finished. */
async function bystanderFinishedAt(): Promise<number> {
  const shopperId = crypto.randomUUID();
  await addToCart(env.db, { shopperId, productId: 'test-mug', quantity: 1 }, catalog);
  const cart = await getCartView(env.db, shopperId, catalog);
  expect(cart.items.map((item) => item.quantity)).toEqual([1]);
  return Date.now();
}

function toggle(sessionId: string, shopperId: string, selected: boolean) {
  return updateCheckout({
    ...deps,
    sessionId,
    shopperId,
    intent: { type: 'set-add-on', addOnId: 'gift-wrap', productId: null, selected },
  });
}

describe('connections while an update waits', () => {
  it('updates of many checkouts waiting for Stripe leave connections for a bystander', async () => {
    const checkouts = await Promise.all(
      Array.from({ length: CONCURRENT_UPDATES }, () => openCheckout(deps, [{ productId: 'test-mug', quantity: 1 }])),
    );
    await slowStripeUpdates(CONCURRENT_UPDATES);
    const updates = checkouts.map((c) => toggle(c.sessionId, c.shopperId, true).then(() => Date.now()));
    await sleep(STRIPE_LATENCY_MS / 3);
    const bystander = await bystanderFinishedAt();
    const finished = await Promise.all(updates);
    expect(bystander).toBeLessThan(Math.min(...finished));
  });

  it('updates of one checkout queue for it without holding connections, and all apply in turn', async () => {
    const { sessionId, shopperId } = await openCheckout(deps, [{ productId: 'test-mug', quantity: 1 }]);
    await slowStripeUpdates(CONCURRENT_UPDATES);
    const updates = Array.from({ length: CONCURRENT_UPDATES }, (_, i) =>
      toggle(sessionId, shopperId, i % 2 === 0).then((view) => ({ view, at: Date.now() })),
    );
    await sleep(STRIPE_LATENCY_MS / 3);
    const bystander = await bystanderFinishedAt();
    const results = await Promise.allSettled(updates);
    const done = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(done.length).toBeGreaterThan(0);
    expect(bystander).toBeLessThan(Math.min(...done.map((d) => d.at)));
    // Serialised: each applied update saw the one before it (versions strictly increase, none lost).
    const versions = done.map((d) => d.view.version).sort((a, b) => a - b);
    expect(new Set(versions).size).toBe(versions.length);
    // Those that waited past the bound were told to try again, and changed nothing.
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 409, code: 'update_in_progress' });
    }
  }, 30_000);

  it('a failed update gives back the units it reserved while Stripe worked', async () => {
    const { sessionId, shopperId } = await openCheckout(deps, [{ productId: 'test-mug', quantity: 1 }]);
    const heldBefore = await env.db.select().from(holds);
    // Twice: the app's Stripe client retries once.
    await injectFault(env.emulatorUrl, {
      method: 'POST',
      path: `/v1/checkout/sessions/${sessionId}`,
      kind: 'error',
      count: 2,
    });
    await expect(
      updateCheckout({
        ...deps,
        sessionId,
        shopperId,
        intent: { type: 'set-quantity', productId: 'test-mug', quantity: 4 },
      }),
    ).rejects.toMatchObject({ status: 503 });
    const heldAfter = await env.db.select().from(holds);
    const mine = (rows: typeof heldAfter) =>
      rows.filter((row) => row.checkoutSessionId === sessionId).map((row) => [row.key, row.quantity]);
    expect(mine(heldAfter)).toEqual(mine(heldBefore));
    expect(mine(heldAfter)).toEqual([['test-mug', 1]]);
  });
});
