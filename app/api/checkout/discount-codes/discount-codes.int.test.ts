import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DELETE, POST } from '@/app/api/checkout/discount-codes/route';
import { POST as EMAIL_CHANGED } from '@/app/api/checkout/email/route';
import { tooManyCodesMessage } from '@/lib/checkout/code-attempt-wait';
import { orders } from '@/lib/db/schema';
import { EmulatorControl, emulatorRequests } from '@/test/emulator-control';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { shopperWithCheckout } from '@/test/support/checkout-api';
import { apiRequest, errorOf } from '@/test/support/http';

let env: AppTestEnvironment;
beforeAll(async () => {
  // As behind one proxy that appends the client's address to X-Forwarded-For (nginx `$proxy_add_x_forwarded_for`).
  process.env.TRUSTED_PROXY_HOPS = '1';
  env = await setUpAppEnvironment({ privateEmulator: true });
});
afterAll(async () => {
  delete process.env.TRUSTED_PROXY_HOPS;
  await env.tearDown();
});

const POUR_OVER = { productId: 'ceramic-pour-over', quantity: 1 };
let address = 0;
/** A distinct client address per test, so per-address budgets do not leak between tests. */
const nextAddress = () => `203.0.113.${++address}`;

function apply(shopperId: string | null, body: unknown, ip: string) {
  return POST(
    apiRequest('POST', '/api/checkout/discount-codes', { shopperId, body, headers: { 'x-forwarded-for': ip } }),
  );
}

describe('POST / DELETE /api/checkout/discount-codes', () => {
  it('applies and removes a code, answering the state view with its discounts', async () => {
    const { shopperId, sessionId } = await shopperWithCheckout([POUR_OVER]);
    const applied = await apply(shopperId, { sessionId, code: ' welcome10' }, nextAddress());
    expect(applied.status).toBe(200);
    const view = await applied.json();
    expect(view.discounts).toMatchObject({
      available: true,
      codes: [{ code: 'WELCOME10', label: '10% off your order', amount: 480, applied: true, message: null }],
      total: 480,
    });
    const removed = await DELETE(
      apiRequest('DELETE', '/api/checkout/discount-codes', { shopperId, body: { sessionId, code: 'WELCOME10' } }),
    );
    expect(removed.status).toBe(200);
    expect((await removed.json()).discounts).toMatchObject({ codes: [], total: 0 });
  });

  it('is a 404 for another shopper’s session, and sends nothing to Stripe', async () => {
    const owner = await shopperWithCheckout([POUR_OVER]);
    const other = await shopperWithCheckout([POUR_OVER]);
    const before = (await emulatorRequests(env.emulatorUrl)).length;
    const response = await apply(other.shopperId, { sessionId: owner.sessionId, code: 'WELCOME10' }, nextAddress());
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('checkout_not_found');
    expect((await emulatorRequests(env.emulatorUrl)).length).toBe(before);
  });

  it('answers an unknown code 422 with the engine’s message, and refuses amounts sent by the client', async () => {
    const { shopperId, sessionId } = await shopperWithCheckout([POUR_OVER]);
    const unknown = await apply(shopperId, { sessionId, code: 'FREESTUFF' }, nextAddress());
    expect(unknown.status).toBe(422);
    expect(await errorOf(unknown)).toEqual({
      code: 'discount_unknown',
      message: "We don't recognise that code. Check the spelling and try again.",
    });
    const injected = await apply(shopperId, { sessionId, code: 'WELCOME10', amount: 4_800 }, nextAddress());
    expect(injected.status).toBe(400);
  });

  it('rate-limits attempts per session in the database, seen by a second app instance', async () => {
    const { shopperId, sessionId } = await shopperWithCheckout([POUR_OVER]);
    for (let i = 0; i < 10; i++) {
      const response = await apply(shopperId, { sessionId, code: `WRONG${i}` }, nextAddress());
      expect(response.status).toBe(422);
    }
    // A fresh module graph (another serverless instance) on the same database shares the window.
    vi.resetModules();
    const second = await import('@/app/api/checkout/discount-codes/route');
    const limited = await second.POST(
      apiRequest('POST', '/api/checkout/discount-codes', {
        shopperId,
        body: { sessionId, code: 'WELCOME10' },
        headers: { 'x-forwarded-for': nextAddress() },
      }),
    );
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // The shopper is told exactly how long, from the same figure ("Too many codes tried. Try again in 4 minutes.").
    expect(await errorOf(limited)).toEqual({ code: 'rate_limited', message: tooManyCodesMessage(retryAfter) });
  });

  it('rate-limits attempts per client address across sessions', async () => {
    const ip = nextAddress();
    let last: Response | null = null;
    for (let round = 0; round < 4; round++) {
      const { shopperId, sessionId } = await shopperWithCheckout([POUR_OVER]);
      for (let i = 0; i < 8; i++) last = await apply(shopperId, { sessionId, code: 'NOPE1' }, ip);
    }
    expect(last?.status).toBe(429);
  });

  it('does not lift the per-address limit when the client rotates the first X-Forwarded-For hop', async () => {
    const proxySees = nextAddress();
    const statuses: number[] = [];
    // A fresh cookie (so a fresh cart and checkout) every 8 guesses, and a new spoofed first hop on every request.
    for (let round = 0; round < 5; round++) {
      const { shopperId, sessionId } = await shopperWithCheckout([POUR_OVER]);
      for (let i = 0; i < 8; i++) {
        const spoofed = `198.18.${round}.${i + 1}`;
        const response = await POST(
          apiRequest('POST', '/api/checkout/discount-codes', {
            shopperId,
            body: { sessionId, code: `GUESS${round}${i}` },
            headers: { 'x-forwarded-for': `${spoofed}, ${proxySees}` },
          }),
        );
        statuses.push(response.status);
      }
    }
    expect(statuses.slice(0, 30).every((status) => status === 422)).toBe(true);
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);
  });

  it('charges nothing for a stranger’s requests on someone else’s session, so the owner keeps the full budget', async () => {
    const owner = await shopperWithCheckout([POUR_OVER]);
    const stranger = await shopperWithCheckout([POUR_OVER]);
    for (let i = 0; i < 15; i++) {
      const stolen = await apply(stranger.shopperId, { sessionId: owner.sessionId, code: `WRONG${i}` }, nextAddress());
      expect(stolen.status).toBe(404);
      const cookieless = await apply(null, { sessionId: owner.sessionId, code: `WRONG${i}` }, nextAddress());
      expect(cookieless.status).toBe(404);
    }
    for (let i = 0; i < 10; i++) {
      const response = await apply(owner.shopperId, { sessionId: owner.sessionId, code: `NOPE${i}` }, nextAddress());
      expect(response.status).toBe(422);
    }
    const limited = await apply(owner.shopperId, { sessionId: owner.sessionId, code: 'WELCOME10' }, nextAddress());
    expect(limited.status).toBe(429);
  });

  describe('identity: codes bound to an email follow the email Stripe collected, never a claimed one', () => {
    it('refuses a claimed email in the request, and VIP20 does not exist for anyone else', async () => {
      const { shopperId, sessionId } = await shopperWithCheckout([POUR_OVER]);
      const claimed = await apply(shopperId, { sessionId, code: 'VIP20', email: 'VIP@Example.com' }, nextAddress());
      expect(claimed.status).toBe(400);
      expect(await errorOf(claimed)).toMatchObject({
        code: 'invalid_request',
        message: expect.stringContaining('email'),
      });
      const asAnyone = await apply(shopperId, { sessionId, code: 'VIP20' }, nextAddress());
      expect(asAnyone.status).toBe(422);
      expect((await errorOf(asAnyone)).code).toBe('discount_unknown');
    });

    it('refuses VIP20 to a guest even when the email Stripe collected is the VIP one: it needs the signed-in, verified customer', async () => {
      const shopper = await shopperWithCheckout([POUR_OVER]);
      const { shopperId, sessionId } = shopper;
      await new EmulatorControl(env.emulatorUrl).updateEmail(shopper, 'VIP@Example.com');
      const refused = await apply(shopperId, { sessionId, code: 'VIP20' }, nextAddress());
      expect(refused.status).toBe(422);
      expect((await errorOf(refused)).code).toBe('discount_unknown');
      const session = await env.stripe.checkout.sessions.retrieve(sessionId);
      expect(session.total_details?.amount_discount ?? 0).toBe(0);
    });

    it('checks a first-order code against the collected email', async () => {
      const shopper = await shopperWithCheckout([POUR_OVER]);
      const noEmail = await apply(shopper.shopperId, { sessionId: shopper.sessionId, code: 'FIRST15' }, nextAddress());
      expect(noEmail.status).toBe(422);
      expect((await errorOf(noEmail)).code).toBe('discount_identity_required');
      await new EmulatorControl(env.emulatorUrl).updateEmail(shopper, 'new.shopper@example.com');
      const applied = await apply(shopper.shopperId, { sessionId: shopper.sessionId, code: 'FIRST15' }, nextAddress());
      expect(applied.status).toBe(200);
    });

    it('re-prices when the shopper changes the email in Stripe’s checkout: FIRST15 goes for an email with an order', async () => {
      const shopper = await shopperWithCheckout([POUR_OVER]);
      const { shopperId, sessionId } = shopper;
      const emulator = new EmulatorControl(env.emulatorUrl);
      await emulator.updateEmail(shopper, 'first.timer@example.com');
      const applied = await apply(shopperId, { sessionId, code: 'FIRST15' }, nextAddress());
      expect((await applied.json()).discounts.codes).toMatchObject([{ code: 'FIRST15', applied: true }]);

      await env.db.insert(orders).values({
        stripeSessionId: 'cs_test_earlierorderofregular',
        shopperId: crypto.randomUUID(),
        status: 'paid',
        currency: 'usd',
        amountSubtotal: 4_800,
        amountDiscount: 0,
        amountShipping: 0,
        amountTax: 0,
        amountTotal: 4_800,
        email: 'regular@example.com',
      });
      await emulator.updateEmail(shopper, 'Regular@Example.com');
      const changed = await EMAIL_CHANGED(
        apiRequest('POST', '/api/checkout/email', { shopperId, body: { sessionId } }),
      );
      expect(changed.status).toBe(200);
      const view = await changed.json();
      expect(view.discounts.codes).toMatchObject([{ code: 'FIRST15', applied: false }]);
      const session = await env.stripe.checkout.sessions.retrieve(sessionId);
      expect(session.total_details?.amount_discount ?? 0).toBe(view.discounts.total);
      expect(view.discounts.total).toBe(0);
    });
  });
});
