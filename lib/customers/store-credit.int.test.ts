/**
 * Store credit, loyalty tiers and customer-bound codes through real checkouts: the emulator and a real database.
 * Customers are account rows made here; a checkout becomes a customer's the way signing in during checkout makes it
 * (its `customer_id`).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCatalog } from '@/lib/catalog';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { updateCheckout } from '@/lib/checkout/update';
import { creditAvailableTo, creditBalanceOf, grantCredit } from '@/lib/customers/store-credit';
import { checkouts, holds, orders, storeCreditEntries, users } from '@/lib/db/schema';
import { isAppError } from '@/lib/http/app-error';
import { fulfillCheckout } from '@/lib/orders/fulfil';
import { reconcile } from '@/lib/orders/reconcile';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { discountCheckoutDeps, openCheckout, pay } from '@/test/support/checkout-flow';

const HEADPHONES = { productId: 'aurora-headphones', quantity: 1 }; // $199.00
const POUR_OVER = { productId: 'ceramic-pour-over', quantity: 1 }; // $48.00

let env: AppTestEnvironment;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
});
afterAll(() => env.tearDown());

function deps(): Promise<CheckoutDeps> {
  return discountCheckoutDeps(env, getCatalog());
}

async function newCustomer(email: string, options: { verified?: boolean } = {}): Promise<string> {
  const id = `customer-${crypto.randomUUID()}`;
  await env.db.insert(users).values({ id, name: email, email, emailVerified: options.verified ?? true });
  return id;
}

/** An open checkout (US address) that belongs to `customerId`, as after the customer signed in during it. */
async function customerCheckout(d: CheckoutDeps, customerId: string | null, items = [HEADPHONES]) {
  const opened = await openCheckout(d, items, { withAddress: true });
  if (customerId) {
    await env.db.update(checkouts).set({ customerId }).where(eq(checkouts.stripeSessionId, opened.sessionId));
  }
  return opened;
}

async function stripeTotal(sessionId: string): Promise<number | null> {
  return (await env.stripe.checkout.sessions.retrieve(sessionId)).amount_total;
}

async function failure(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected a refusal');
}

async function grant(customerId: string, amount: number, d: CheckoutDeps, expiresAt: Date | null = null) {
  await grantCredit(env.db, {
    customerId,
    amount,
    currency: 'usd',
    reason: 'Apology for a late delivery',
    expiresAt,
    createdBy: 'test',
    at: d.now,
  });
}

describe('store credit in checkout', () => {
  it('toggling it on and off changes Stripe’s total by the credit, and the view says what it takes', async () => {
    const d = await deps();
    const customerId = await newCustomer('credit-toggle@example.com');
    await grant(customerId, 2_500, d);
    const checkout = await customerCheckout(d, customerId);
    const before = await stripeTotal(checkout.sessionId);

    const on = await updateCheckout({
      ...d,
      ...checkout,
      customerId,
      intent: { type: 'set-store-credit', apply: true },
    });
    expect(on.storeCredit).toEqual({ available: 2_500, using: true, applied: 2_500 });
    expect(await stripeTotal(checkout.sessionId)).toBe((before ?? 0) - 2_500);
    expect(on.total).toBe((before ?? 0) - 2_500);

    const off = await updateCheckout({
      ...d,
      ...checkout,
      customerId,
      intent: { type: 'set-store-credit', apply: false },
    });
    expect(off.storeCredit).toEqual({ available: 2_500, using: false, applied: 0 });
    expect(await stripeTotal(checkout.sessionId)).toBe(before);
  });

  it('a guest is asked to sign in (401), another customer learns nothing (404), and nothing changes', async () => {
    const d = await deps();
    const owner = await newCustomer('credit-owner@example.com');
    const stranger = await newCustomer('credit-stranger@example.com');
    await grant(owner, 2_000, d);
    await grant(stranger, 2_000, d);
    const checkout = await customerCheckout(d, owner);
    const before = await stripeTotal(checkout.sessionId);
    const intent = { type: 'set-store-credit', apply: true } as const;

    expect(await failure(updateCheckout({ ...d, ...checkout, customerId: null, intent }))).toEqual({
      status: 401,
      code: 'sign_in_required',
    });
    expect(await failure(updateCheckout({ ...d, ...checkout, customerId: stranger, intent }))).toEqual({
      status: 404,
      code: 'checkout_not_found',
    });
    expect(await stripeTotal(checkout.sessionId)).toBe(before);
    const [row] = await env.db.select().from(checkouts).where(eq(checkouts.stripeSessionId, checkout.sessionId));
    expect(row?.selections.useStoreCredit).toBeUndefined();
    expect(await env.db.select().from(holds).where(eq(holds.kind, 'credit'))).toHaveLength(0);
  });

  it('two checkouts of one customer racing for the whole balance never hold more than the balance', async () => {
    const d = await deps();
    const customerId = await newCustomer('credit-race@example.com');
    await grant(customerId, 5_000, d);
    const tabs = await Promise.all([customerCheckout(d, customerId), customerCheckout(d, customerId)]);

    const results = await Promise.allSettled(
      tabs.map((tab) =>
        updateCheckout({ ...d, ...tab, customerId, intent: { type: 'set-store-credit', apply: true } }),
      ),
    );
    const applied = results.map((r) => (r.status === 'fulfilled' ? (r.value.storeCredit?.applied ?? 0) : 0));
    expect(applied.reduce((sum, a) => sum + a, 0)).toBe(5_000);
    const held = await env.db.select().from(holds).where(eq(holds.key, customerId));
    expect(held.reduce((sum, h) => sum + h.quantity, 0)).toBe(5_000);
    // The loser was told there is nothing left to use, and its total is untouched.
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && isAppError(refused.reason) ? refused.reason.code : null).toBe(
      'no_store_credit',
    );
    expect(await creditAvailableTo(env.db, customerId, d.now, null)).toBe(0);
  });

  it('is debited once per paid order, from Stripe’s final session, however often fulfilment runs', async () => {
    const d = await deps();
    const customerId = await newCustomer('credit-debit@example.com');
    await grant(customerId, 3_000, d);
    const checkout = await customerCheckout(d, customerId);
    await updateCheckout({ ...d, ...checkout, customerId, intent: { type: 'set-store-credit', apply: true } });
    await pay(env.emulatorUrl, checkout);

    const fulfil = () => fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: checkout.sessionId });
    // Duplicate webhook deliveries, the return page and the reconcile job, all at once.
    await Promise.all([fulfil(), fulfil(), fulfil(), reconcile({ db: env.db, stripe: env.stripe, now: d.now })]);
    await fulfil();

    const debits = await env.db.select().from(storeCreditEntries).where(eq(storeCreditEntries.customerId, customerId));
    expect(debits.filter((e) => e.kind === 'debit').map((e) => e.amount)).toEqual([3_000]);
    expect(await creditBalanceOf(env.db, customerId, d.now)).toBe(0);
    const [order] = await env.db.select().from(orders).where(eq(orders.stripeSessionId, checkout.sessionId));
    expect(order).toMatchObject({ customerId, recordMismatch: false });
    expect(await env.db.select().from(holds).where(eq(holds.key, customerId))).toHaveLength(0);
  });

  it('an expired checkout gives its held credit back', async () => {
    const d = await deps();
    const customerId = await newCustomer('credit-expiry@example.com');
    await grant(customerId, 1_500, d);
    const checkout = await customerCheckout(d, customerId);
    await updateCheckout({ ...d, ...checkout, customerId, intent: { type: 'set-store-credit', apply: true } });
    expect(await creditAvailableTo(env.db, customerId, d.now, null)).toBe(0);

    await env.stripe.checkout.sessions.expire(checkout.sessionId);
    await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: checkout.sessionId });
    expect(await creditAvailableTo(env.db, customerId, d.now, null)).toBe(1_500);
    // And past its expiry a checkout holds nothing even before anyone hears of it.
    const other = await customerCheckout(d, customerId);
    await updateCheckout({ ...d, ...other, customerId, intent: { type: 'set-store-credit', apply: true } });
    const later = new Date(d.now.getTime() + 7 * 3600 * 1000);
    expect(await creditAvailableTo(env.db, customerId, later, null)).toBe(1_500);
  });

  it('credit covering the whole order leaves Stripe’s smallest charge (or the shipping) to pay by card', async () => {
    const d = await deps();
    const customerId = await newCustomer('credit-covers@example.com');
    await grant(customerId, 100_000, d);
    const checkout = await customerCheckout(d, customerId, [POUR_OVER]);
    const view = await updateCheckout({
      ...d,
      ...checkout,
      customerId,
      intent: { type: 'set-store-credit', apply: true },
    });
    const shipping = view.shippingMethods.find((m) => m.selected)?.amount ?? 0;
    expect(view.total).toBe(Math.max(shipping, 50));
    expect(await stripeTotal(checkout.sessionId)).toBe(view.total);
    expect(view.storeCredit?.applied).toBe(4_800 - Math.max(0, 50 - shipping));
  });
});

describe('loyalty tiers and customer-bound codes', () => {
  async function paidHistory(customerId: string, amountTotal: number, daysAgo: number, d: CheckoutDeps) {
    await env.db.insert(orders).values({
      stripeSessionId: `cs_test_history${crypto.randomUUID().replaceAll('-', '')}`,
      shopperId: crypto.randomUUID(),
      customerId,
      status: 'paid',
      currency: 'usd',
      amountSubtotal: amountTotal,
      amountDiscount: 0,
      amountShipping: 0,
      amountTax: 0,
      amountTotal,
      createdAt: new Date(d.now.getTime() - daysAgo * 86_400_000),
    });
  }

  it('a Gold customer’s perks are in Stripe’s total as soon as the checkout is theirs: 10 % off, express free', async () => {
    const d = await deps();
    const gold = await newCustomer('gold-int@example.com');
    await paidHistory(gold, 65_000, 10, d);
    const checkout = await customerCheckout(d, gold, [POUR_OVER]);
    const asGuest = await env.stripe.checkout.sessions.retrieve(checkout.sessionId);
    expect(asGuest.shipping_cost?.amount_total).toBeGreaterThan(0);

    const view = await updateCheckout({ ...d, ...checkout, intent: { type: 'refresh' } });
    expect(view.discounts.automatic).toEqual([{ label: 'Gold member: 10% off', amount: 480 }]);
    // Express costs nothing for Gold, so it is the cheapest option and becomes the choice; Stripe prices it at zero.
    expect(view.shippingMethods.find((m) => m.selected)).toMatchObject({
      methodId: 'express',
      amount: 0,
      displayName: expect.stringContaining('free for Gold members'),
    });
    const session = await env.stripe.checkout.sessions.retrieve(checkout.sessionId);
    expect(session.shipping_cost?.amount_total).toBe(0);
    expect(session.amount_total).toBe(4_800 - 480);
    expect(view.total).toBe(session.amount_total);
  });

  it('VIP20 applies for the listed, signed-in customer only: not a guest whose checkout email claims it, nor another customer', async () => {
    const d = await deps();
    const vip = await newCustomer('vip@example.com');
    const other = await newCustomer('not-vip@example.com');
    const apply = { type: 'apply-code', code: 'VIP20' } as const;

    const guest = await customerCheckout(d, null, [POUR_OVER]);
    // As if the guest typed the listed email into Stripe's checkout: Stripe collected it, nobody verified it.
    await env.db
      .update(checkouts)
      .set({ email: 'vip@example.com' })
      .where(eq(checkouts.stripeSessionId, guest.sessionId));
    expect(await failure(updateCheckout({ ...d, ...guest, intent: apply }))).toMatchObject({
      code: 'discount_unknown',
    });

    const stranger = await customerCheckout(d, other, [POUR_OVER]);
    expect(await failure(updateCheckout({ ...d, ...stranger, intent: apply }))).toMatchObject({
      code: 'discount_unknown',
    });

    const listed = await customerCheckout(d, vip, [POUR_OVER]);
    const view = await updateCheckout({ ...d, ...listed, intent: apply });
    expect(view.discounts.codes).toEqual([expect.objectContaining({ code: 'VIP20', applied: true, amount: 960 })]);
  });

  it('the listed customer gets nothing before verifying their email', async () => {
    const d = await deps();
    const unverified = await newCustomer('vip@example.org', { verified: false });
    const rules = (await import('@/lib/discounts')).parseDiscountRules(
      [
        {
          id: 'vip-org',
          kind: 'code',
          code: 'VIPORG',
          label: 'VIP: 20% off',
          effect: { type: 'percent_off', basisPoints: 2_000 },
          conditions: { customerEmails: ['vip@example.org'] },
          combinable: true,
        },
      ],
      'test',
    );
    const checkout = await customerCheckout(d, unverified, [POUR_OVER]);
    expect(
      await failure(
        updateCheckout({ ...d, discountRules: rules, ...checkout, intent: { type: 'apply-code', code: 'VIPORG' } }),
      ),
    ).toMatchObject({ code: 'discount_unknown' });
  });
});
