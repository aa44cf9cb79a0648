/**
 * Stripe Tax on every dynamic update, against the emulator (which computes tax from its documented rate table) and a
 * real database: Stripe's total before tax is the server's quote, Stripe's tax is what the view shows, and every kind
 * of change lets Stripe recompute the tax in the same single update call.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCatalog } from '@/lib/catalog';
import type { CheckoutStateView } from '@/lib/checkout/contract';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import type { CheckoutIntent } from '@/lib/checkout/intents';
import { findCheckout } from '@/lib/checkout/repository';
import { updateCheckout } from '@/lib/checkout/update';
import { orderLines, orders } from '@/lib/db/schema';
import { fulfillCheckout } from '@/lib/orders/fulfil';
import { findOrderBySession } from '@/lib/orders/order-view';
import { EmulatorControl } from '@/test/emulator-control';
import { californiaAddress, londonAddress, oregonAddress } from '@/test/fixtures/addresses';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { discountCheckoutDeps, openCheckout, pay } from '@/test/support/checkout-flow';

const HEADPHONES = { productId: 'aurora-headphones', quantity: 1 }; // $199
const POUR_OVER = { productId: 'ceramic-pour-over', quantity: 1 }; // $48

let env: AppTestEnvironment;
let emulator: EmulatorControl;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
  emulator = new EmulatorControl(env.emulatorUrl);
});
afterAll(() => env.tearDown());

async function deps(): Promise<CheckoutDeps> {
  const base = await discountCheckoutDeps(env, getCatalog());
  return { ...base, settings: { ...base.settings, stripeTax: true } };
}

async function open(items = [HEADPHONES, POUR_OVER]) {
  const d = await deps();
  const checkout = await openCheckout(d, items);
  const update = (intent: CheckoutIntent) =>
    updateCheckout({ ...d, sessionId: checkout.sessionId, shopperId: checkout.shopperId, intent });
  return { ...checkout, update };
}

/** Runs `change`; answers its view, the Stripe calls it made and Stripe's tax figures afterwards. */
async function tracked(sessionId: string, change: () => Promise<CheckoutStateView>) {
  const before = (await emulator.requests()).length;
  const view = await change();
  const calls = (await emulator.requests()).slice(before).map((r) => `${r.method} ${r.path}`);
  return { view, calls, stripe: await emulator.tax(sessionId) };
}

async function stripeSession(sessionId: string) {
  return env.stripe.checkout.sessions.retrieve(sessionId);
}

describe('Stripe Tax on dynamic updates', () => {
  it('creates the session with automatic tax; tax is pending until the address is known', async () => {
    const { sessionId } = await open();
    const session = await stripeSession(sessionId);
    expect(session.automatic_tax).toMatchObject({ enabled: true, status: 'requires_location_inputs' });
    const row = await findCheckout(env.db, sessionId);
    expect(row?.automaticTax).toBe(true);
    expect(row?.quote.tax).toEqual({ behavior: 'exclusive', amount: 0, pending: true });
  });

  it('a California address adds tax on top: amount_total = subtotal + shipping − discount + tax', async () => {
    const { sessionId, update } = await open();
    const { view, calls, stripe } = await tracked(sessionId, () =>
      update({ type: 'set-shipping-address', address: californiaAddress }),
    );
    expect(calls).toEqual([`POST /v1/checkout/sessions/${sessionId}`]);
    expect(stripe.amountTax).toBeGreaterThan(0);
    expect(view.tax).toEqual({ behavior: 'exclusive', amount: stripe.amountTax, pending: false });
    const session = await stripeSession(sessionId);
    const details = session.total_details;
    expect(session.amount_total).toBe(
      (session.amount_subtotal ?? 0) +
        (details?.amount_shipping ?? 0) -
        (details?.amount_discount ?? 0) +
        (details?.amount_tax ?? 0),
    );
    expect(view.total).toBe(session.amount_total);
  });

  it('an Oregon address has no sales tax', async () => {
    const { sessionId, update } = await open();
    const { view, stripe } = await tracked(sessionId, () =>
      update({ type: 'set-shipping-address', address: oregonAddress }),
    );
    expect(stripe.amountTax).toBe(0);
    expect(view.tax).toEqual({ behavior: 'exclusive', amount: 0, pending: false });
  });

  it('a UK address keeps the item prices (VAT-inclusive) and shows the VAT share inside them', async () => {
    const { sessionId, update } = await open();
    const us = await update({ type: 'set-shipping-address', address: oregonAddress });
    const { view, stripe } = await tracked(sessionId, () =>
      update({ type: 'set-shipping-address', address: londonAddress }),
    );
    const session = await stripeSession(sessionId);
    expect(session.amount_subtotal).toBe(19_900 + 4_800);
    expect(stripe.amountTax).toBeGreaterThan(0);
    expect(view.tax).toEqual({ behavior: 'inclusive', amount: stripe.amountTax, pending: false });
    // VAT is inside the prices: Stripe's total is the quote's, items + shipping − discount, nothing added.
    expect(session.amount_total).toBe(
      (session.amount_subtotal ?? 0) +
        (session.total_details?.amount_shipping ?? 0) -
        (session.total_details?.amount_discount ?? 0),
    );
    expect(view.total).toBe(session.amount_total);
    // 20 % VAT inside: a sixth of the taxed amount (per-line rounding may move it by a cent or two).
    expect(Math.abs(stripe.amountTax - Math.round((session.amount_total ?? 0) / 6))).toBeLessThanOrEqual(3);
    expect(us.items).toEqual(view.items);
  });

  it('every kind of change recomputes the tax in its one Stripe update', async () => {
    const { sessionId, update } = await open();
    await update({ type: 'set-shipping-address', address: californiaAddress });
    let previous = (await emulator.tax(sessionId)).amountTax;
    const changes: Array<[string, CheckoutIntent]> = [
      ['add-on', { type: 'set-add-on', addOnId: 'gift-wrap', productId: null, selected: true }],
      ['quantity', { type: 'set-quantity', productId: 'ceramic-pour-over', quantity: 3 }],
      ['discount code', { type: 'apply-code', code: 'WELCOME10' }],
      ['shipping speed', { type: 'set-shipping-method', methodId: 'express' }],
      ['address', { type: 'set-shipping-address', address: oregonAddress }],
    ];
    for (const [name, intent] of changes) {
      const { view, calls, stripe } = await tracked(sessionId, () => update(intent));
      const updates = calls.filter((call) => call === `POST /v1/checkout/sessions/${sessionId}`);
      expect(updates, name).toHaveLength(1);
      expect(view.tax?.amount, name).toBe(stripe.amountTax);
      expect(view.total, name).toBe(stripe.amountTotal);
      if (name !== 'shipping speed') expect(stripe.amountTax, name).not.toBe(previous);
      previous = stripe.amountTax;
    }
  });

  it('a discount reduces the taxable amount, as Stripe computes it', async () => {
    const { sessionId, update } = await open([HEADPHONES]);
    await update({ type: 'set-shipping-address', address: californiaAddress });
    const before = await emulator.tax(sessionId);
    await update({ type: 'apply-code', code: 'WELCOME10' });
    const after = await emulator.tax(sessionId);
    expect(after.amountTax).toBeLessThan(before.amountTax);
  });

  it('the order records the tax Stripe charged, per order and per line, and how the prices carried it', async () => {
    const checkout = await open();
    await checkout.update({ type: 'set-shipping-address', address: californiaAddress });
    const charged = await emulator.tax(checkout.sessionId);
    await pay(env.emulatorUrl, checkout);
    await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: checkout.sessionId });
    const order = await findOrderBySession(env.db, checkout.sessionId);
    expect(order).toMatchObject({
      amountTax: charged.amountTax,
      taxBehavior: 'exclusive',
      amountTotal: charged.amountTotal,
    });
    const [flags] = await env.db
      .select({ recordMismatch: orders.recordMismatch, reason: orders.mismatchReason })
      .from(orders)
      .where(eq(orders.stripeSessionId, checkout.sessionId));
    // Stripe's total is the record's plus the tax Stripe added: no divergence to flag.
    expect(flags).toEqual({ recordMismatch: false, reason: null });
    const [row] = await env.db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.stripeSessionId, checkout.sessionId));
    const lines = await env.db
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, row?.id ?? -1));
    expect(lines.map((line) => line.amountTax)).toEqual(charged.lines.map((line) => line.amountTax));
    expect(lines.some((line) => line.amountTax > 0)).toBe(true);
    // By jurisdiction, for the merchant's tax reports: California's sales tax, summing to the order's tax.
    const [stored] = await env.db.select().from(orders).where(eq(orders.stripeSessionId, checkout.sessionId));
    expect(stored?.taxBreakdown.map((tax) => [tax.country, tax.state, tax.inclusive])).toEqual([['US', 'CA', false]]);
    expect(stored?.taxBreakdown.reduce((sum, tax) => sum + tax.amount, 0)).toBe(charged.amountTax);
  });
});
