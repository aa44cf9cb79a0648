import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckoutStateView } from '@/lib/checkout/contract';
import { injectFault } from '@/test/emulator-control';
import { usAddress } from '@/test/fixtures/addresses';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import {
  cartQuantities,
  getState,
  postUpdate,
  type Shopper,
  shopperWithCheckout,
  stripeCallCounter,
  type UpdateRoute,
  update,
} from '@/test/support/checkout-api';
import { errorOf } from '@/test/support/http';
import { stripeAndRecord } from '@/test/support/stripe-vs-record';

/** The automatic "$10 off orders of $100+" promotion (lib/discounts/rules.ts) applies to every cart below. */
const TEN_OFF_OVER_100 = 1_000;

let env: AppTestEnvironment;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
});
afterAll(() => env.tearDown());

const HEADPHONES = 'aurora-headphones'; // electronics (warranty), $199, at most 3 per order
const POUR_OVER = 'ceramic-pour-over'; // home, $48, at most 4 per order

const counter = () => stripeCallCounter(env.emulatorUrl);
const oneUpdateOf = (sessionId: string) => [`POST /v1/checkout/sessions/${sessionId}`];

/** Stripe's session equals the server's record, and the view answered Stripe's total. */
async function expectStripeMatchesRecord(shopper: Shopper, view?: CheckoutStateView) {
  const { stripe, record } = await stripeAndRecord(env, shopper.sessionId);
  expect(stripe).toEqual(record);
  if (view) {
    expect(view.total).toBe(stripe.total);
    expect(view.selectedShippingMethodId).toBe(stripe.selectedMethodId);
  }
  return record;
}

async function expectRefused(response: Response, status: number, code: string): Promise<string> {
  const error = await errorOf(response);
  expect({ status: response.status, code: error.code }).toEqual({ status, code });
  return error.message;
}

describe('POST /api/checkout/add-ons', () => {
  it('adds and removes add-ons with exactly one full-state Stripe update each', async () => {
    const shopper = await shopperWithCheckout([
      { productId: HEADPHONES, quantity: 2 },
      { productId: POUR_OVER, quantity: 1 },
    ]);
    const { shopperId, sessionId } = shopper;

    let calls = await counter();
    const wrapped = await update('add-ons', shopperId, { sessionId, addOnId: 'gift-wrap', selected: true });
    expect(await calls()).toEqual(oneUpdateOf(sessionId));
    expect(wrapped.addOns.find((a) => a.addOnId === 'gift-wrap')).toMatchObject({ selected: true, amount: 499 });
    let record = await expectStripeMatchesRecord(shopper, wrapped);
    expect(record.lines.map((l) => [l.key, l.quantity])).toEqual([
      [`product:${HEADPHONES}`, 2],
      [`product:${POUR_OVER}`, 1],
      ['add-on:gift-wrap', 1],
    ]);
    expect(wrapped.total).toBe(2 * 19_900 + 4_800 + 499 - TEN_OFF_OVER_100);

    calls = await counter();
    const covered = await update('add-ons', shopperId, {
      sessionId,
      addOnId: 'extended-warranty',
      productId: HEADPHONES,
      selected: true,
    });
    expect(await calls()).toEqual(oneUpdateOf(sessionId));
    record = await expectStripeMatchesRecord(shopper, covered);
    expect(record.lines.at(-1)).toMatchObject({ key: `add-on:extended-warranty:${HEADPHONES}`, quantity: 2 });
    expect(covered.version).toBe(wrapped.version + 1);

    calls = await counter();
    const unwrapped = await update('add-ons', shopperId, { sessionId, addOnId: 'gift-wrap', selected: false });
    expect(await calls()).toEqual(oneUpdateOf(sessionId));
    record = await expectStripeMatchesRecord(shopper, unwrapped);
    expect(record.lines.map((l) => l.key)).not.toContain('add-on:gift-wrap');
    expect(unwrapped.total).toBe(covered.total - 499);
  });

  it('refuses ineligible add-ons with the rule’s message and no Stripe call', async () => {
    const { shopperId, sessionId } = await shopperWithCheckout([{ productId: POUR_OVER, quantity: 1 }]);
    const calls = await counter();
    const card = await postUpdate('add-ons', shopperId, {
      sessionId,
      addOnId: 'gift-message',
      selected: true,
      giftMessage: 'Happy birthday',
    });
    expect(await expectRefused(card, 409, 'requires_add_on')).toMatch(/gift wrap/);
    const warranty = await postUpdate('add-ons', shopperId, {
      sessionId,
      addOnId: 'extended-warranty',
      productId: POUR_OVER,
      selected: true,
    });
    expect(await expectRefused(warranty, 409, 'not_eligible')).toMatch(/not available/);
    await expectRefused(
      await postUpdate('add-ons', shopperId, { sessionId, addOnId: 'free-upgrade', selected: true }),
      400,
      'unknown_add_on',
    );
    expect(await calls()).toEqual([]);
  });

  it('puts the gift message on the card’s line in Stripe', async () => {
    const shopper = await shopperWithCheckout([{ productId: POUR_OVER, quantity: 1 }]);
    const { shopperId, sessionId } = shopper;
    await update('add-ons', shopperId, { sessionId, addOnId: 'gift-wrap', selected: true });
    const tooLong = await postUpdate('add-ons', shopperId, {
      sessionId,
      addOnId: 'gift-message',
      selected: true,
      giftMessage: 'x'.repeat(201),
    });
    expect(await expectRefused(tooLong, 400, 'invalid_gift_message')).toMatch(/200 characters/);
    const view = await update('add-ons', shopperId, {
      sessionId,
      addOnId: 'gift-message',
      selected: true,
      giftMessage: 'Happy birthday, Ada!',
    });
    expect(view.giftMessage).toBe('Happy birthday, Ada!');
    const session = await env.stripe.checkout.sessions.retrieve(sessionId, {
      expand: ['line_items.data.price.product'],
    });
    const descriptions = session.line_items?.data.map((item) => {
      const product = item.price?.product;
      return product && typeof product !== 'string' && !('deleted' in product) ? product.description : null;
    });
    expect(descriptions).toContain('Your message: “Happy birthday, Ada!”');
    await expectStripeMatchesRecord(shopper, view);
  });
});

describe('POST /api/checkout/quantity', () => {
  it('changes quantities in Stripe and in the cart, and removes an item at 0', async () => {
    const shopper = await shopperWithCheckout([
      { productId: HEADPHONES, quantity: 1 },
      { productId: POUR_OVER, quantity: 1 },
    ]);
    const { shopperId, sessionId } = shopper;
    let calls = await counter();
    const more = await update('quantity', shopperId, { sessionId, productId: HEADPHONES, quantity: 3 });
    expect(await calls()).toEqual(oneUpdateOf(sessionId));
    expect(more.items).toEqual([
      { productId: HEADPHONES, name: expect.any(String), quantity: 3, maxQuantity: 3, amount: 3 * 19_900 },
      { productId: POUR_OVER, name: expect.any(String), quantity: 1, maxQuantity: 4, amount: 4_800 },
    ]);
    expect(more.total).toBe(3 * 19_900 + 4_800 - TEN_OFF_OVER_100);
    await expectStripeMatchesRecord(shopper, more);
    expect(await cartQuantities(shopperId)).toEqual([
      [HEADPHONES, 3],
      [POUR_OVER, 1],
    ]);

    calls = await counter();
    const removed = await update('quantity', shopperId, { sessionId, productId: POUR_OVER, quantity: 0 });
    expect(await calls()).toEqual(oneUpdateOf(sessionId));
    expect(removed.items.map((i) => i.productId)).toEqual([HEADPHONES]);
    await expectStripeMatchesRecord(shopper, removed);
    expect(await cartQuantities(shopperId)).toEqual([[HEADPHONES, 3]]);
  });

  it('refuses to remove the last item (409 last_item), too many (409) and bad quantities (400), without calling Stripe', async () => {
    const { shopperId, sessionId } = await shopperWithCheckout([{ productId: HEADPHONES, quantity: 1 }]);
    const calls = await counter();
    const last = await postUpdate('quantity', shopperId, { sessionId, productId: HEADPHONES, quantity: 0 });
    expect(await expectRefused(last, 409, 'last_item')).toMatch(/back to the store/);
    const overMax = await postUpdate('quantity', shopperId, { sessionId, productId: HEADPHONES, quantity: 4 });
    expect(await expectRefused(overMax, 409, 'quantity_unavailable')).toMatch(/at most 3/);
    for (const quantity of [-1, 1.5, '2', 1e6]) {
      const response = await postUpdate('quantity', shopperId, { sessionId, productId: HEADPHONES, quantity });
      await expectRefused(response, 400, 'invalid_request');
    }
    expect(await calls()).toEqual([]);
    expect(await cartQuantities(shopperId)).toEqual([[HEADPHONES, 1]]);
  });
});

describe('POST /api/checkout/shipping-option', () => {
  it('needs an address, then selects the chosen option in Stripe via shipping_cost', async () => {
    const shopper = await shopperWithCheckout([{ productId: POUR_OVER, quantity: 1 }]);
    const { shopperId, sessionId } = shopper;
    let calls = await counter();
    const early = await postUpdate('shipping-option', shopperId, { sessionId, methodId: 'express' });
    await expectRefused(early, 409, 'address_required');
    expect(await calls()).toEqual([]);

    calls = await counter();
    const addressed = await update('shipping-address', shopperId, { sessionId, address: usAddress });
    expect(await calls()).toEqual(oneUpdateOf(sessionId));
    expect(addressed.selectedShippingMethodId).toBe('standard');
    expect(addressed.shippingMethods.map((m) => m.methodId)).toEqual(['standard', 'express', 'overnight']);
    await expectStripeMatchesRecord(shopper, addressed);

    calls = await counter();
    const express = await update('shipping-option', shopperId, { sessionId, methodId: 'express' });
    expect(await calls()).toEqual(oneUpdateOf(sessionId));
    const record = await expectStripeMatchesRecord(shopper, express);
    expect(record.selectedMethodId).toBe('express');
    expect(express.shippingMethods.find((m) => m.selected)?.methodId).toBe('express');
    expect(express.total).toBe(4_800 + 1_499);
    // The view's shr_ ids are the ones Stripe offers now (new on every update).
    const session = await env.stripe.checkout.sessions.retrieve(sessionId);
    const stripeRateIds = session.shipping_options.map((o) => o.shipping_rate);
    expect(express.shippingMethods.map((m) => m.shippingRateId).sort()).toEqual([...stripeRateIds].sort());
    expect(express.shippingMethods.map((m) => m.shippingRateId)).not.toContain(
      addressed.shippingMethods[0]?.shippingRateId,
    );
  });

  it('refuses a method not offered for the address with 409 and no Stripe call', async () => {
    const { shopperId, sessionId } = await shopperWithCheckout([{ productId: POUR_OVER, quantity: 1 }]);
    await update('shipping-address', shopperId, { sessionId, address: { ...usAddress, country: 'DE' } });
    const calls = await counter();
    const overnight = await postUpdate('shipping-option', shopperId, { sessionId, methodId: 'overnight' });
    expect(await expectRefused(overnight, 409, 'shipping_method_unavailable')).toMatch(/Overnight/);
    const stripeId = await postUpdate('shipping-option', shopperId, { sessionId, methodId: 'shr_1AbC' });
    await expectRefused(stripeId, 400, 'invalid_request');
    expect(await calls()).toEqual([]);
  });
});

describe('every update route', () => {
  const bodies = (sessionId: string): Record<UpdateRoute, Record<string, unknown>> => ({
    'add-ons': { sessionId, addOnId: 'gift-wrap', selected: true },
    quantity: { sessionId, productId: HEADPHONES, quantity: 2 },
    'shipping-address': { sessionId, address: usAddress },
    'shipping-option': { sessionId, methodId: 'standard' },
  });
  const routes = Object.keys(bodies('cs_test_x')) as UpdateRoute[];

  it('rejects client-sent price, amount and unit_amount with 400 before anything reaches Stripe', async () => {
    const { shopperId, sessionId } = await shopperWithCheckout([{ productId: HEADPHONES, quantity: 1 }]);
    await update('shipping-address', shopperId, { sessionId, address: usAddress });
    const calls = await counter();
    for (const route of routes) {
      for (const injected of [{ price: 1 }, { amount: 0 }, { unit_amount: 1 }]) {
        const response = await postUpdate(route, shopperId, { ...bodies(sessionId)[route], ...injected });
        expect(await expectRefused(response, 400, 'invalid_request')).toMatch(
          /Unrecognized keys?: "(price|amount|unit_amount)"/,
        );
      }
    }
    expect(await calls()).toEqual([]);
  });

  it('answers 404 for another shopper’s session (or no cookie), changing nothing', async () => {
    const { sessionId } = await shopperWithCheckout([{ productId: HEADPHONES, quantity: 1 }]);
    const intruder = await shopperWithCheckout([{ productId: POUR_OVER, quantity: 1 }]);
    const calls = await counter();
    for (const route of routes) {
      for (const shopperId of [intruder.shopperId, null]) {
        await expectRefused(await postUpdate(route, shopperId, bodies(sessionId)[route]), 404, 'checkout_not_found');
      }
    }
    await expectRefused(await getState(intruder.shopperId, `sessionId=${sessionId}`), 404, 'checkout_not_found');
    await expectRefused(await getState(null, `sessionId=${sessionId}`), 404, 'checkout_not_found');
    expect(await calls()).toEqual([]);
  });

  it('answers a retryable 503 when Stripe fails, keeps the saved state, and a later update heals', async () => {
    const shopper = await shopperWithCheckout([
      { productId: HEADPHONES, quantity: 1 },
      { productId: POUR_OVER, quantity: 1 },
    ]);
    const { shopperId, sessionId } = shopper;
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await update('shipping-address', shopperId, { sessionId, address: { ...usAddress, country: 'CA' } });
    const before = await (await getState(shopperId, `sessionId=${sessionId}`)).json();
    for (const route of routes) {
      // The app's client retries once: fail both attempts.
      await injectFault(env.emulatorUrl, {
        method: 'POST',
        path: `/v1/checkout/sessions/${sessionId}`,
        count: 2,
        kind: 'error',
      });
      // Each body asks for a change (choosing the method already selected would leave Stripe as asked: no 503).
      const body = route === 'shipping-option' ? { sessionId, methodId: 'express' } : bodies(sessionId)[route];
      const response = await postUpdate(route, shopperId, body);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBeTruthy();
      expect(await response.json()).toEqual({
        error: { code: 'stripe_unavailable', message: expect.any(String), retryable: true },
      });
    }
    // The same saved state (only the seconds left to its expiry have gone down).
    expect(await (await getState(shopperId, `sessionId=${sessionId}`)).json()).toEqual({
      ...before,
      expiresInSeconds: expect.any(Number),
    });
    expect(await cartQuantities(shopperId)).toEqual([
      [HEADPHONES, 1],
      [POUR_OVER, 1],
    ]);
    const healed = await update('quantity', shopperId, bodies(sessionId).quantity);
    expect(healed.version).toBe(before.version + 1);
    await expectStripeMatchesRecord(shopper, healed);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

describe('GET /api/checkout/state', () => {
  it('answers the same view as the last update, from the record alone', async () => {
    const { shopperId, sessionId } = await shopperWithCheckout([{ productId: HEADPHONES, quantity: 1 }]);
    await update('shipping-address', shopperId, { sessionId, address: usAddress });
    const last = await update('shipping-option', shopperId, { sessionId, methodId: 'overnight' });
    const calls = await counter();
    const response = await getState(shopperId, `sessionId=${sessionId}`);
    expect(response.status).toBe(200);
    // The seconds left count down between the two answers (by one, on a slow machine); the rest is identical.
    const { expiresInSeconds, ...state } = await response.json();
    const { expiresInSeconds: lastSeconds, ...lastState } = last;
    expect(state).toEqual(lastState);
    expect(lastSeconds - expiresInSeconds).toBeGreaterThanOrEqual(0);
    expect(lastSeconds - expiresInSeconds).toBeLessThanOrEqual(2);
    expect(await calls()).toEqual([]);
    await expectRefused(await getState(shopperId, 'sessionId=nope'), 400, 'invalid_request');
    await expectRefused(await getState(shopperId, `sessionId=${sessionId}&price=1`), 400, 'invalid_request');
    await expectRefused(await getState(shopperId, 'sessionId=cs_test_unknown1'), 404, 'checkout_not_found');
  });
});

describe('concurrent updates', () => {
  it('20 updates from two tabs all land, and Stripe ends equal to the server’s record', async () => {
    const shopper = await shopperWithCheckout([
      { productId: HEADPHONES, quantity: 1 },
      { productId: POUR_OVER, quantity: 1 },
    ]);
    const { shopperId, sessionId } = shopper;
    const start = await (await getState(shopperId, `sessionId=${sessionId}`)).json();
    const addOns = ['gift-wrap', 'express-handling', 'extended-warranty'] as const;
    const tab = (name: 'a' | 'b') =>
      Array.from({ length: 10 }, (_, i) => {
        if ((i + (name === 'a' ? 0 : 1)) % 2 === 0) {
          const addOnId = addOns[i % addOns.length] ?? 'gift-wrap';
          const productId = addOnId === 'extended-warranty' ? HEADPHONES : null;
          return postUpdate('add-ons', shopperId, { sessionId, addOnId, productId, selected: (i + 1) % 3 !== 0 });
        }
        const productId = name === 'a' ? HEADPHONES : POUR_OVER;
        return postUpdate('quantity', shopperId, { sessionId, productId, quantity: 1 + (i % 3) });
      });
    const responses = await Promise.all([...tab('a'), ...tab('b')]);
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const versions = await Promise.all(responses.map(async (r) => ((await r.json()) as CheckoutStateView).version));
    expect([...versions].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => start.version + 1 + i));

    const record = await expectStripeMatchesRecord(shopper);
    const final = (await (await getState(shopperId, `sessionId=${sessionId}`)).json()) as CheckoutStateView;
    expect(final.version).toBe(start.version + 20);
    expect(final.total).toBe(record.total);
    const cart = await cartQuantities(shopperId);
    expect(cart).toEqual(final.items.map((item) => [item.productId, item.quantity]));
  });
});
