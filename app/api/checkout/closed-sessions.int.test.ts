/** Updates to a completed or expired session: 409 `checkout_closed`. Its own emulator, since the test moves its clock. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markCheckoutStatus } from '@/lib/checkout/repository';
import { advanceEmulatorClock, payCheckoutSession } from '@/test/emulator-control';
import { usAddress } from '@/test/fixtures/addresses';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import {
  getState,
  postUpdate,
  shopperWithCheckout,
  stripeCallCounter,
  type UpdateRoute,
  update,
} from '@/test/support/checkout-api';
import { errorOf } from '@/test/support/http';

let env: AppTestEnvironment;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
});
afterAll(() => env.tearDown());

const bodies = (sessionId: string): Record<UpdateRoute, Record<string, unknown>> => ({
  'add-ons': { sessionId, addOnId: 'gift-wrap', selected: true },
  quantity: { sessionId, productId: 'aurora-headphones', quantity: 2 },
  'shipping-address': { sessionId, address: { ...usAddress, country: 'CA' } },
  'shipping-option': { sessionId, methodId: 'express' },
});
const routes = Object.keys(bodies('cs_test_x')) as UpdateRoute[];

async function expectAllClosed(shopperId: string, sessionId: string): Promise<void> {
  for (const route of routes) {
    const response = await postUpdate(route, shopperId, bodies(sessionId)[route]);
    const error = await errorOf(response);
    expect({ route, status: response.status, code: error.code }).toEqual({
      route,
      status: 409,
      code: 'checkout_closed',
    });
    expect(error.message).toMatch(/completed or has expired/);
  }
}

describe('closed sessions', () => {
  it('refuses updates to a paid session with 409 checkout_closed, and the record keeps its state', async () => {
    const shopper = await shopperWithCheckout([{ productId: 'aurora-headphones', quantity: 1 }]);
    const { shopperId, sessionId } = shopper;
    await update('shipping-address', shopperId, { sessionId, address: usAddress });
    const paid = await payCheckoutSession(env.emulatorUrl, shopper);
    expect(paid.status).toBe(200);
    // The record as the view shows it; `expiresInSeconds` counts down on its own, so it is left out.
    const record = async () => {
      const { expiresInSeconds: _, ...view } = await (await getState(shopperId, `sessionId=${sessionId}`)).json();
      return view;
    };
    const before = await record();
    // The server has not heard of the payment yet: Stripe refuses each update, which maps to 409.
    await expectAllClosed(shopperId, sessionId);
    expect(await record()).toEqual(before);

    // Once the webhook has marked it complete, updates are refused without calling Stripe.
    await markCheckoutStatus(env.db, sessionId, 'complete', 'paid');
    const calls = await stripeCallCounter(env.emulatorUrl);
    await expectAllClosed(shopperId, sessionId);
    expect(await calls()).toEqual([]);
    expect((await (await getState(shopperId, `sessionId=${sessionId}`)).json()).status).toBe('complete');
  });

  it('refuses updates to a session Stripe expired (emulator clock moved past expires_at) with 409', async () => {
    const { shopperId, sessionId } = await shopperWithCheckout([{ productId: 'aurora-headphones', quantity: 1 }]);
    await update('shipping-address', shopperId, { sessionId, address: usAddress });
    await advanceEmulatorClock(env.emulatorUrl, 25 * 3600);
    const session = await env.stripe.checkout.sessions.retrieve(sessionId);
    expect(session.status).toBe('expired');
    await expectAllClosed(shopperId, sessionId);
  });
});
