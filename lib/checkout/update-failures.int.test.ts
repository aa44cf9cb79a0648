/**
 * Stripe failing mid-update: a 500, a timeout (stripe-node gives up first), and a slow success that lands after the
 * client gave up. Each answers a retryable 503, leaves the saved state (and the cart) unchanged, and the next update
 * brings Stripe back in line with the record. Uses a stripe-node client with a short timeout and no retries.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCartView } from '@/lib/cart/service';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { findCheckout } from '@/lib/checkout/repository';
import { updateCheckout } from '@/lib/checkout/update';
import { injectFault } from '@/test/emulator-control';
import { testCatalog as catalog } from '@/test/fixtures/catalog';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { checkoutDeps, openCheckout } from '@/test/support/checkout-flow';
import { stripeAndRecord } from '@/test/support/stripe-vs-record';

const CLIENT_TIMEOUT_MS = 400;

let env: AppTestEnvironment;
let deps: CheckoutDeps;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
  const url = new URL(env.emulatorUrl);
  const stripe = new Stripe('sk_test_emulator', {
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
    timeout: CLIENT_TIMEOUT_MS,
    maxNetworkRetries: 0,
    telemetry: false,
  });
  deps = { ...checkoutDeps(env, catalog), stripe };
});
afterAll(() => env.tearDown());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openWithTwoItems() {
  return openCheckout(deps, [
    { productId: 'test-headphones', quantity: 1 },
    { productId: 'test-mug', quantity: 1 },
  ]);
}

async function savedState(sessionId: string, shopperId: string) {
  const row = await findCheckout(env.db, sessionId);
  const cart = await getCartView(env.db, shopperId, catalog);
  return { version: row?.version, selections: row?.selections, quote: row?.quote, cart: cart.items };
}

const retryable503 = { status: 503, code: 'stripe_unavailable', retryable: true };

describe('Stripe failures during an update', () => {
  it('a Stripe 500 → retryable 503, nothing saved; the next update heals', async () => {
    const { shopperId, sessionId } = await openWithTwoItems();
    const before = await savedState(sessionId, shopperId);
    await injectFault(env.emulatorUrl, { method: 'POST', path: `/v1/checkout/sessions/${sessionId}`, kind: 'error' });
    await expect(
      updateCheckout({
        ...deps,
        sessionId,
        shopperId,
        intent: { type: 'set-quantity', productId: 'test-mug', quantity: 3 },
      }),
    ).rejects.toMatchObject(retryable503);
    expect(await savedState(sessionId, shopperId)).toEqual(before);

    const view = await updateCheckout({
      ...deps,
      sessionId,
      shopperId,
      intent: { type: 'set-quantity', productId: 'test-mug', quantity: 3 },
    });
    expect(view.items.map((i) => i.quantity)).toEqual([1, 3]);
    const { stripe, record } = await stripeAndRecord(env, sessionId);
    expect(stripe).toEqual(record);
    expect((await getCartView(env.db, shopperId, catalog)).items.map((i) => i.quantity)).toEqual([1, 3]);
  });

  it('a Stripe timeout → retryable 503, nothing saved (cart included); the next update heals', async () => {
    const { shopperId, sessionId } = await openWithTwoItems();
    const before = await savedState(sessionId, shopperId);
    await injectFault(env.emulatorUrl, {
      method: 'POST',
      path: `/v1/checkout/sessions/${sessionId}`,
      kind: 'timeout',
      latencyMs: CLIENT_TIMEOUT_MS + 600,
    });
    const started = Date.now();
    await expect(
      updateCheckout({
        ...deps,
        sessionId,
        shopperId,
        intent: { type: 'set-quantity', productId: 'test-headphones', quantity: 2 },
      }),
    ).rejects.toMatchObject(retryable503);
    expect(Date.now() - started).toBeLessThan(CLIENT_TIMEOUT_MS + 500);
    expect(await savedState(sessionId, shopperId)).toEqual(before);

    await updateCheckout({
      ...deps,
      sessionId,
      shopperId,
      intent: { type: 'set-add-on', addOnId: 'gift-wrap', productId: null, selected: true },
    });
    const { stripe, record } = await stripeAndRecord(env, sessionId);
    expect(stripe).toEqual(record);
    expect(record.lines.map((l) => [l.key, l.quantity])).toEqual([
      ['product:test-headphones', 1],
      ['product:test-mug', 1],
      ['add-on:gift-wrap', 1],
    ]);
  });

  it('an update Stripe applies after the client gave up leaves Stripe ahead of the record until the next update', async () => {
    const { shopperId, sessionId } = await openWithTwoItems();
    const before = await savedState(sessionId, shopperId);
    const latencyMs = CLIENT_TIMEOUT_MS + 400;
    await injectFault(env.emulatorUrl, {
      method: 'POST',
      path: `/v1/checkout/sessions/${sessionId}`,
      kind: 'latency',
      latencyMs,
    });
    await expect(
      updateCheckout({
        ...deps,
        sessionId,
        shopperId,
        intent: { type: 'set-add-on', addOnId: 'express-handling', productId: null, selected: true },
      }),
    ).rejects.toMatchObject(retryable503);
    expect(await savedState(sessionId, shopperId)).toEqual(before);
    await sleep(latencyMs);
    const diverged = await stripeAndRecord(env, sessionId);
    expect(diverged.stripe.total).toBe((diverged.record.total ?? 0) + 399);

    await updateCheckout({
      ...deps,
      sessionId,
      shopperId,
      intent: { type: 'set-quantity', productId: 'test-mug', quantity: 2 },
    });
    const healed = await stripeAndRecord(env, sessionId);
    expect(healed.stripe).toEqual(healed.record);
    expect(healed.record.lines.map((l) => l.key)).not.toContain('add-on:express-handling');
  });

  it('an update Stripe applied whose answer was lost is reconciled from Stripe: the change is saved, no 503', async () => {
    const { shopperId, sessionId } = await openWithTwoItems();
    const path = `/v1/checkout/sessions/${sessionId}`;
    // Stripe applies the update but the answer is lost, and stripe-node's retry fails too.
    await injectFault(env.emulatorUrl, { method: 'POST', path, kind: 'lost' });
    await injectFault(env.emulatorUrl, { method: 'POST', path, kind: 'error', status: 500 });
    const view = await updateCheckout({
      ...deps,
      sessionId,
      shopperId,
      intent: { type: 'set-add-on', addOnId: 'gift-wrap', productId: null, selected: true },
    });
    expect(view.addOns.find((a) => a.addOnId === 'gift-wrap')?.selected).toBe(true);
    const { stripe, record } = await stripeAndRecord(env, sessionId);
    expect(stripe).toEqual(record);
    expect(record.lines.map((l) => l.key)).toContain('add-on:gift-wrap');
  });

  it('a refused update of a session Stripe has closed is checkout_closed, learnt by reading the session', async () => {
    const { shopperId, sessionId } = await openWithTwoItems();
    await env.stripe.checkout.sessions.expire(sessionId);
    await expect(
      updateCheckout({
        ...deps,
        sessionId,
        shopperId,
        intent: { type: 'set-add-on', addOnId: 'gift-wrap', productId: null, selected: true },
      }),
    ).rejects.toMatchObject({ status: 409, code: 'checkout_closed' });
  });
});
