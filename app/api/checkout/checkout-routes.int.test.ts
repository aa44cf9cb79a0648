import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as addItem } from '@/app/api/cart/items/route';
import { POST as startSession } from '@/app/api/checkout/sessions/route';
import { POST as setAddress } from '@/app/api/checkout/shipping-address/route';
import { emulatorRequests } from '@/test/emulator-control';
import { usAddress } from '@/test/fixtures/addresses';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { apiRequest, errorOf, shopperIdSetBy } from '@/test/support/http';

let env: AppTestEnvironment;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
});
afterAll(() => env.tearDown());

const stripeCalls = async () => (await emulatorRequests(env.emulatorUrl)).length;

async function shopperWithCart(): Promise<string> {
  const response = await addItem(
    apiRequest('POST', '/api/cart/items', { body: { productId: 'aurora-headphones', quantity: 1 } }),
  );
  const shopperId = shopperIdSetBy(response);
  if (!shopperId) throw new Error('no shopper cookie');
  return shopperId;
}

async function openSession(shopperId: string): Promise<{ sessionId: string; clientSecret: string }> {
  const response = await startSession(apiRequest('POST', '/api/checkout/sessions', { shopperId, body: {} }));
  expect(response.status).toBe(200);
  return response.json();
}

describe('POST /api/checkout/sessions', () => {
  it('opens a session for the cart and resumes it on the next call', async () => {
    const shopperId = await shopperWithCart();
    const first = await openSession(shopperId);
    expect(first.sessionId).toMatch(/^cs_test_/);
    const session = await env.stripe.checkout.sessions.retrieve(first.sessionId);
    // $199 headphones, less the automatic "$10 off orders of $100+" promotion (lib/discounts/rules.ts).
    expect(session.amount_total).toBe(19_900 - 1_000);
    const bodyless = await startSession(apiRequest('POST', '/api/checkout/sessions', { shopperId }));
    expect(await bodyless.json()).toEqual(first);
  });

  it('never takes amounts from the request: a price field is a 400 and nothing reaches Stripe', async () => {
    const shopperId = await shopperWithCart();
    const before = await stripeCalls();
    for (const body of [{ unitAmount: 1 }, { price: 1 }, { amount: 0, lineItems: [] }]) {
      const response = await startSession(apiRequest('POST', '/api/checkout/sessions', { shopperId, body }));
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_request');
    }
    expect(await stripeCalls()).toBe(before);
  });

  it('answers 409 cart_empty without a cart, and 4xx for bad bodies', async () => {
    const none = await startSession(apiRequest('POST', '/api/checkout/sessions', { body: {} }));
    expect(none.status).toBe(409);
    expect((await errorOf(none)).code).toBe('cart_empty');
    const shopperId = await shopperWithCart();
    const malformed = await startSession(apiRequest('POST', '/api/checkout/sessions', { shopperId, body: '{' }));
    expect(malformed.status).toBe(400);
    const wrongType = await startSession(
      apiRequest('POST', '/api/checkout/sessions', {
        shopperId,
        body: '{}',
        headers: { 'content-type': 'text/plain' },
      }),
    );
    expect(wrongType.status).toBe(415);
  });
});

describe('POST /api/checkout/shipping-address', () => {
  it('sets the address and answers the total Stripe now has', async () => {
    const shopperId = await shopperWithCart();
    const { sessionId } = await openSession(shopperId);
    const response = await setAddress(
      apiRequest('POST', '/api/checkout/shipping-address', { shopperId, body: { sessionId, address: usAddress } }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    const session = await env.stripe.checkout.sessions.retrieve(sessionId);
    // Version 1 at creation, 2 when the automatic promotion is pushed as a server-side discount, 3 with the address.
    expect(body).toMatchObject({ sessionId, total: session.amount_total, currency: 'usd', version: 3 });
    expect(body.shippingAddress).toMatchObject({ country: 'US', line1: usAddress.line1 });
  });

  it('is a 404 with another shopper’s cookie or none, and changes nothing', async () => {
    const shopperId = await shopperWithCart();
    const { sessionId } = await openSession(shopperId);
    const before = await stripeCalls();
    for (const intruder of [crypto.randomUUID(), null]) {
      const response = await setAddress(
        apiRequest('POST', '/api/checkout/shipping-address', {
          shopperId: intruder,
          body: { sessionId, address: usAddress },
        }),
      );
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe('checkout_not_found');
    }
    expect(await stripeCalls()).toBe(before);
  });

  it('refuses unsupported countries and bad input with 4xx JSON', async () => {
    const shopperId = await shopperWithCart();
    const { sessionId } = await openSession(shopperId);
    const cases: Array<[unknown, number, string]> = [
      [{ sessionId, address: { ...usAddress, country: 'BR' } }, 400, 'country_not_supported'],
      [{ sessionId, address: { ...usAddress, country: 'USA' } }, 400, 'invalid_request'],
      [{ sessionId, address: { ...usAddress, name: '' } }, 400, 'invalid_request'],
      [{ sessionId, address: usAddress, total: 1 }, 400, 'invalid_request'],
      [{ sessionId, address: { ...usAddress, amount: 1 } }, 400, 'invalid_request'],
      [{ sessionId: 'not-a-session', address: usAddress }, 400, 'invalid_request'],
      [{ sessionId: 'cs_test_unknown123', address: usAddress }, 404, 'checkout_not_found'],
      [{ address: usAddress }, 400, 'invalid_request'],
      ['{"sessionId": ', 400, 'invalid_json'],
      [{ sessionId, address: { ...usAddress, line1: 'x'.repeat(20_000) } }, 413, 'payload_too_large'],
    ];
    for (const [body, status, code] of cases) {
      const response = await setAddress(apiRequest('POST', '/api/checkout/shipping-address', { shopperId, body }));
      expect({ status: response.status, code: (await errorOf(response)).code }).toEqual({ status, code });
    }
  });
});
