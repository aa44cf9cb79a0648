/**
 * Fulfilment builds the order from Stripe's FINAL session, not from our checkout record: the shipping rate Stripe had
 * selected when the shopper paid, the discounts Stripe applied (their rules read from the coupon's metadata), Stripe's
 * collected email for customer-specific codes — and flags the order when the record disagreed.
 */
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getCatalog } from '@/lib/catalog';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { findCheckout } from '@/lib/checkout/repository';
import { updateCheckout } from '@/lib/checkout/update';
import { checkouts, discountRedemptions, holds, orders, users } from '@/lib/db/schema';
import { isAppError } from '@/lib/http/app-error';
import { fulfillCheckout } from '@/lib/orders/fulfil';
import { couponMetadataOf, SERVER_UPDATE_API_VERSION } from '@/lib/stripe/session-params';
import { EmulatorControl } from '@/test/emulator-control';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { discountCheckoutDeps, openCheckout, pay } from '@/test/support/checkout-flow';

const JOURNAL = { productId: 'leather-journal', quantity: 1 }; // $36: overnight $65.99, standard $41.99 (US)
const POUR_OVER = { productId: 'ceramic-pour-over', quantity: 1 }; // $48

let env: AppTestEnvironment;
let control: EmulatorControl;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
  control = new EmulatorControl(env.emulatorUrl);
});
afterAll(() => env.tearDown());

function deps(): Promise<CheckoutDeps> {
  return discountCheckoutDeps(env, getCatalog());
}

async function orderOf(sessionId: string) {
  const [order] = await env.db.select().from(orders).where(eq(orders.stripeSessionId, sessionId));
  if (!order) throw new Error(`no order for ${sessionId}`);
  return order;
}

async function redemptionsOf(orderId: number) {
  return env.db.select().from(discountRedemptions).where(eq(discountRedemptions.orderId, orderId));
}

async function shippingRateIdOf(sessionId: string, methodId: string): Promise<string> {
  const session = await env.stripe.checkout.sessions.retrieve(sessionId, {
    expand: ['shipping_options.shipping_rate'],
  });
  for (const option of session.shipping_options) {
    const rate = option.shipping_rate;
    if (typeof rate !== 'string' && rate.metadata.method_id === methodId) return rate.id;
  }
  throw new Error(`no ${methodId} option on ${sessionId}`);
}

/** An update Stripe applied although our record never saw it (say, the answer was lost and the update rolled back). */
async function applyAtStripeOnly(sessionId: string, params: Record<string, unknown>): Promise<void> {
  await env.stripe.checkout.sessions.update(sessionId, params as Stripe.Checkout.SessionUpdateParams, {
    apiVersion: SERVER_UPDATE_API_VERSION,
  });
}

describe("fulfilment from Stripe's final session", () => {
  it('records the shipping rate Stripe selected (not the record’s) at Stripe’s amount, and flags the order', async () => {
    const d = await deps();
    const shopper = await openCheckout(d, [JOURNAL], { withAddress: true });
    await updateCheckout({ ...d, ...shopper, intent: { type: 'set-shipping-method', methodId: 'overnight' } });
    expect((await findCheckout(env.db, shopper.sessionId))?.quote).toMatchObject({
      selectedShippingMethodId: 'overnight',
      total: 6599,
    });
    // Stripe.js selects another of the session's options; the server is not told.
    await control.selectShippingRate(shopper, await shippingRateIdOf(shopper.sessionId, 'standard'));
    await pay(env.emulatorUrl, shopper);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: shopper.sessionId });
    expect(result.state).toBe('fulfilled');
    const order = await orderOf(shopper.sessionId);
    expect(order).toMatchObject({
      amountTotal: 4199,
      amountShipping: 599,
      shippingMethodId: 'standard',
      shippingMethodName: 'Standard shipping',
      recordMismatch: true,
    });
    expect(order.mismatchReason).toContain('shipping method');
    expect(order.mismatchReason).toContain('total');
    const merchantLines = warn.mock.calls.filter((call) => String(call[0]).includes(shopper.sessionId));
    expect(merchantLines).toHaveLength(1);
    warn.mockRestore();
  });

  it('the order lists each line at its price before the discount, so the lines add up to the subtotal', async () => {
    const d = await deps();
    const shopper = await openCheckout(d, [JOURNAL], { withAddress: true });
    await updateCheckout({
      ...d,
      ...shopper,
      intent: { type: 'set-add-on', addOnId: 'gift-wrap', productId: null, selected: true },
    });
    await updateCheckout({ ...d, ...shopper, intent: { type: 'apply-code', code: 'WELCOME10' } });
    await pay(env.emulatorUrl, shopper);
    const result = await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: shopper.sessionId });
    if (result.state !== 'fulfilled') throw new Error(result.state);
    const { order } = result;
    expect(order.lines.map((line) => [line.name, line.quantity, line.amount])).toEqual([
      ['Leather-Bound Journal', 1, 3_600],
      ['Gift wrap', 1, 499],
    ]);
    expect(order.amountDiscount).toBe(410);
    expect(order.amountSubtotal).toBe(3_600 + 499);
    expect(order.amountSubtotal + order.amountShipping - order.amountDiscount).toBe(order.amountTotal);
  });

  it('a matching record gives an unflagged order with its shipping method', async () => {
    const d = await deps();
    const shopper = await openCheckout(d, [JOURNAL], { withAddress: true });
    await updateCheckout({ ...d, ...shopper, intent: { type: 'set-shipping-method', methodId: 'express' } });
    await pay(env.emulatorUrl, shopper);
    await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: shopper.sessionId });
    expect(await orderOf(shopper.sessionId)).toMatchObject({
      shippingMethodId: 'express',
      shippingMethodName: 'Express shipping',
      amountShipping: 1499,
      amountTotal: 3600 + 1499,
      recordMismatch: false,
      mismatchReason: null,
    });
  });

  it('records a discount Stripe applied but the record lacks (LAUNCH50) — the next shopper cannot use it again', async () => {
    const d = await deps();
    const first = await openCheckout(d, [POUR_OVER], { withAddress: true });
    // The server's LAUNCH50 update reached Stripe, but our record never saved it.
    const launch = { ruleId: 'launch-50', label: 'Launch: 50% off (up to $100)', amount: 2400 };
    await applyAtStripeOnly(first.sessionId, {
      discounts: [
        {
          coupon_data: {
            amount_off: 2400,
            currency: 'usd',
            name: 'LAUNCH50',
            duration: 'once',
            metadata: couponMetadataOf([launch]),
          },
        },
      ],
    });
    expect((await findCheckout(env.db, first.sessionId))?.quote.discount).toBeNull();
    await pay(env.emulatorUrl, first);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: first.sessionId });
    warn.mockRestore();
    const session = await env.stripe.checkout.sessions.retrieve(first.sessionId);
    const order = await orderOf(first.sessionId);
    expect(order).toMatchObject({
      amountDiscount: 2400,
      amountTotal: session.amount_total,
      recordMismatch: true,
    });
    expect(order.mismatchReason).toContain('discount');
    expect((await redemptionsOf(order.id)).map((r) => [r.ruleId, r.code, r.amount, r.overRedeemed])).toEqual([
      ['launch-50', 'LAUNCH50', 2400, false],
    ]);

    // LAUNCH50 has one use in all: it is gone.
    const next = await openCheckout(await deps(), [POUR_OVER], { withAddress: true });
    const refused = await updateCheckout({
      ...(await deps()),
      ...next,
      intent: { type: 'apply-code', code: 'LAUNCH50' },
    }).then(
      () => null,
      (error: unknown) => (isAppError(error) ? error.code : String(error)),
    );
    expect(refused).not.toBeNull();
  });

  it('lines changed at Stripe only: the order has Stripe’s lines and amounts, and is flagged', async () => {
    const d = await deps();
    const shopper = await openCheckout(d, [JOURNAL], { withAddress: true });
    const session = await env.stripe.checkout.sessions.retrieve(shopper.sessionId, { expand: ['line_items'] });
    const line = session.line_items?.data[0];
    if (!line) throw new Error('no line');
    await applyAtStripeOnly(shopper.sessionId, { line_items: [{ id: line.id, quantity: 2 }] });
    await pay(env.emulatorUrl, shopper);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: shopper.sessionId });
    warn.mockRestore();
    const paid = await env.stripe.checkout.sessions.retrieve(shopper.sessionId);
    const order = await orderOf(shopper.sessionId);
    expect(order).toMatchObject({
      amountSubtotal: 7200,
      amountTotal: paid.amount_total,
      recordMismatch: true,
    });
    expect(order.mismatchReason).toContain('total');
  });

  it('flags a customer-specific code (VIP20) on an order whose customer is no longer the verified VIP', async () => {
    const d = await deps();
    const vip = `customer-${crypto.randomUUID()}`;
    await env.db.insert(users).values({ id: vip, name: 'Vee', email: 'vip@example.com', emailVerified: true });
    const shopper = await openCheckout(d, [POUR_OVER], { withAddress: true });
    await env.db.update(checkouts).set({ customerId: vip }).where(eq(checkouts.stripeSessionId, shopper.sessionId));
    await updateCheckout({ ...d, ...shopper, intent: { type: 'apply-code', code: 'VIP20' } });
    expect((await findCheckout(env.db, shopper.sessionId))?.quote.discount?.applied.map((a) => a.ruleId)).toEqual([
      'vip-20',
    ]);
    // Before paying, the account's email changes to one nobody has verified.
    await env.db.update(users).set({ email: 'vee@example.net', emailVerified: false }).where(eq(users.id, vip));
    await pay(env.emulatorUrl, shopper);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: shopper.sessionId });
    warn.mockRestore();
    const order = await orderOf(shopper.sessionId);
    const [redemption] = await redemptionsOf(order.id);
    expect(redemption).toMatchObject({ ruleId: 'vip-20', overRedeemed: true });
    expect(redemption?.overRedeemedReason).toContain('signed-in customer');
  });

  it('releases the checkout’s holds in the order transaction', async () => {
    const d = await deps();
    const shopper = await openCheckout(d, [JOURNAL], { withAddress: true });
    await env.db
      .insert(holds)
      .values({
        checkoutSessionId: shopper.sessionId,
        shopperId: shopper.shopperId,
        kind: 'stock',
        key: JOURNAL.productId,
        quantity: 1,
        expiresAt: new Date(Date.now() + 3_600_000),
      })
      .onConflictDoNothing();
    await pay(env.emulatorUrl, shopper);
    await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: shopper.sessionId });
    expect(await env.db.select().from(holds).where(eq(holds.checkoutSessionId, shopper.sessionId))).toEqual([]);
  });
});
