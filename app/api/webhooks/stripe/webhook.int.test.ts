import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as webhook } from '@/app/api/webhooks/stripe/route';
import { getCartView } from '@/lib/cart/service';
import { getCatalog } from '@/lib/catalog';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { findCheckout } from '@/lib/checkout/repository';
import { inventorySales, orderLines, orders, webhookEvents } from '@/lib/db/schema';
import { getReturnPageView } from '@/lib/orders/return-page';
import { EmulatorControl, injectFault } from '@/test/emulator-control';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { checkoutDeps, openCheckout, pay } from '@/test/support/checkout-flow';
import { apiRequest, errorOf } from '@/test/support/http';
import { signedCheckoutEvent } from '@/test/support/webhook-signing';

let env: AppTestEnvironment;
let deps: CheckoutDeps;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
  deps = checkoutDeps(env, getCatalog());
});
afterAll(() => env.tearDown());

function deliver(signed: { body: string; signature: string | null }) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signed.signature) headers['stripe-signature'] = signed.signature;
  return webhook(apiRequest('POST', '/api/webhooks/stripe', { body: signed.body, headers }));
}

function event(type: string, sessionId: string, options: { id?: string; timestamp?: number; secret?: string } = {}) {
  return signedCheckoutEvent(env.stripe, options.secret ?? env.webhookSecret, { type, sessionId, ...options });
}

async function ordersFor(sessionId: string) {
  return env.db.select().from(orders).where(eq(orders.stripeSessionId, sessionId));
}

async function storedEvents(): Promise<number> {
  const [row] = await env.db.select({ n: count() }).from(webhookEvents);
  return row?.n ?? 0;
}

async function paidCheckout(items = [{ productId: 'lumen-desk-lamp', quantity: 2 }]) {
  const checkout = await openCheckout(deps, items, { withAddress: true });
  await pay(env.emulatorUrl, checkout);
  return checkout;
}

async function soldOf(productId: string): Promise<number> {
  const [row] = await env.db.select().from(inventorySales).where(eq(inventorySales.productId, productId));
  return row?.sold ?? 0;
}

describe('Stripe webhook', () => {
  it('fulfils a completed session once, with the totals Stripe charged', async () => {
    const soldBefore = await soldOf('lumen-desk-lamp');
    const { sessionId, shopperId } = await paidCheckout();
    const response = await deliver(event('checkout.session.completed', sessionId));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, duplicate: false });

    const session = await env.stripe.checkout.sessions.retrieve(sessionId);
    const [order] = await ordersFor(sessionId);
    expect(order).toMatchObject({
      shopperId,
      status: 'paid',
      currency: 'usd',
      amountTotal: session.amount_total,
      amountSubtotal: session.amount_subtotal,
      amountShipping: session.total_details?.amount_shipping ?? 0,
      email: 'shopper@example.com',
    });
    expect(order?.shippingAddress?.country).toBe('US');
    const lines = await env.db
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, order?.id ?? -1));
    expect(lines.map((l) => [l.productId, l.quantity])).toEqual([['lumen-desk-lamp', 2]]);
    expect(await soldOf('lumen-desk-lamp')).toBe(soldBefore + 2);
    expect((await getCartView(env.db, shopperId, getCatalog())).items).toEqual([]);
    expect((await findCheckout(env.db, sessionId))?.status).toBe('complete');
  });

  it('answers a duplicate delivery 200 without a second order', async () => {
    const { sessionId } = await paidCheckout();
    const signed = event('checkout.session.completed', sessionId);
    expect((await deliver(signed)).status).toBe(200);
    const again = await deliver(signed);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await ordersFor(sessionId)).toHaveLength(1);
  });

  it('gives exactly one order for concurrent and out-of-order deliveries', async () => {
    const soldBefore = await soldOf('lumen-desk-lamp');
    const { sessionId } = await paidCheckout();
    const deliveries = [
      event('checkout.session.async_payment_succeeded', sessionId),
      event('checkout.session.completed', sessionId),
      event('checkout.session.completed', sessionId),
      event('checkout.session.async_payment_succeeded', sessionId),
    ];
    const responses = await Promise.all(deliveries.map(deliver));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await ordersFor(sessionId)).toHaveLength(1);
    expect(await soldOf('lumen-desk-lamp')).toBe(soldBefore + 2);
  });

  it('refuses forged, stale and unsigned events with 400 and stores nothing', async () => {
    const { sessionId } = await paidCheckout();
    const eventsBefore = await storedEvents();
    const forged = await deliver(event('checkout.session.completed', sessionId, { secret: 'whsec_attacker' }));
    const stale = await deliver(
      event('checkout.session.completed', sessionId, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
    );
    const good = event('checkout.session.completed', sessionId);
    const unsigned = await deliver({ body: good.body, signature: null });
    const tampered = await deliver({ body: good.body.replace(sessionId, 'cs_test_other'), signature: good.signature });
    for (const response of [forged, stale, unsigned, tampered]) {
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_signature');
    }
    expect(await storedEvents()).toBe(eventsBefore);
    expect(await ordersFor(sessionId)).toHaveLength(0);
  });

  it('creates no order for an unpaid session, and records expiry once Stripe says expired', async () => {
    const open = await openCheckout(deps, [{ productId: 'lumen-desk-lamp', quantity: 1 }]);
    expect((await deliver(event('checkout.session.completed', open.sessionId))).status).toBe(200);
    expect(await ordersFor(open.sessionId)).toHaveLength(0);
    await env.stripe.checkout.sessions.expire(open.sessionId);
    expect((await deliver(event('checkout.session.expired', open.sessionId))).status).toBe(200);
    expect((await findCheckout(env.db, open.sessionId))?.status).toBe('expired');
  });

  it('a signed checkout.session.expired for a session Stripe still has open does not close it', async () => {
    const open = await openCheckout(deps, [{ productId: 'lumen-desk-lamp', quantity: 1 }], { withAddress: true });
    expect((await deliver(event('checkout.session.expired', open.sessionId))).status).toBe(200);
    expect((await findCheckout(env.db, open.sessionId))?.status).toBe('open');
    // Stripe kept it open and took the payment: the order is recorded as usual.
    await pay(env.emulatorUrl, open);
    expect((await deliver(event('checkout.session.completed', open.sessionId))).status).toBe(200);
    expect(await ordersFor(open.sessionId)).toHaveLength(1);
  });

  it('a stale checkout.session.expired for a session Stripe completed and paid fulfils it', async () => {
    const paid = await paidCheckout();
    expect((await deliver(event('checkout.session.expired', paid.sessionId))).status).toBe(200);
    expect(await ordersFor(paid.sessionId)).toHaveLength(1);
    expect((await findCheckout(env.db, paid.sessionId))?.status).toBe('complete');
  });

  it('marks a failed delayed payment without creating an order', async () => {
    const open = await openCheckout(deps, [{ productId: 'lumen-desk-lamp', quantity: 1 }]);
    expect((await deliver(event('checkout.session.async_payment_failed', open.sessionId))).status).toBe(200);
    expect(await ordersFor(open.sessionId)).toHaveLength(0);
    expect((await findCheckout(env.db, open.sessionId))?.paymentStatus).toBe('failed');
  });

  it('acknowledges and ignores other event types', async () => {
    const signed = event('customer.created', 'cs_test_ignored');
    const response = await deliver(signed);
    expect(response.status).toBe(200);
  });
});

describe('return page', () => {
  it('racing the webhook still gives one order, shown as paid', async () => {
    const { sessionId, shopperId } = await paidCheckout();
    const [view, response] = await Promise.all([
      getReturnPageView({ db: env.db, stripe: env.stripe, sessionId, shopperId }),
      deliver(event('checkout.session.completed', sessionId)),
    ]);
    expect(response.status).toBe(200);
    expect(view.kind).toBe('paid');
    const [order] = await ordersFor(sessionId);
    if (view.kind === 'paid') expect(view.order.amountTotal).toBe(order?.amountTotal);
    expect(await ordersFor(sessionId)).toHaveLength(1);
  });

  it('during a Stripe outage a paid session is "confirming", never an error inviting a second payment', async () => {
    const { sessionId, shopperId } = await paidCheckout();
    await injectFault(env.emulatorUrl, {
      kind: 'error',
      status: 500,
      method: 'GET',
      path: `/v1/checkout/sessions/${sessionId}`,
      count: 50,
    });
    try {
      const view = await getReturnPageView({ db: env.db, stripe: env.stripe, sessionId, shopperId });
      expect(view).toEqual({ kind: 'confirming', paymentReceived: false });
    } finally {
      await new EmulatorControl(env.emulatorUrl).clearFaults();
    }
    expect(await ordersFor(sessionId)).toHaveLength(0);
    const after = await getReturnPageView({ db: env.db, stripe: env.stripe, sessionId, shopperId });
    expect(after.kind).toBe('paid');
  });

  it('shows an unpaid session as open and someone else’s as not found', async () => {
    const open = await openCheckout(deps, [{ productId: 'lumen-desk-lamp', quantity: 1 }]);
    expect(await getReturnPageView({ db: env.db, stripe: env.stripe, ...open })).toEqual({ kind: 'open' });
    const intruder = { db: env.db, stripe: env.stripe, sessionId: open.sessionId, shopperId: crypto.randomUUID() };
    expect(await getReturnPageView(intruder)).toEqual({ kind: 'not_found' });
    const paid = await paidCheckout();
    expect(await getReturnPageView({ ...intruder, sessionId: paid.sessionId })).toEqual({ kind: 'not_found' });
    expect(await ordersFor(paid.sessionId)).toHaveLength(0);
    expect(
      await getReturnPageView({ db: env.db, stripe: env.stripe, sessionId: 'garbage', shopperId: open.shopperId }),
    ).toEqual({ kind: 'not_found' });
  });
});
