/**
 * Discounts end to end against the emulator and a real database: every rule kind reaches Stripe's
 * `total_details.amount_discount` and `amount_total` as the engine computed them, in ONE update that carries the beta
 * Stripe-Version; automatic promotions follow the cart, the address and the (shared) clock; redemptions are recorded
 * once at fulfilment, and the last use raced by two orders goes to one of them.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getCatalog } from '@/lib/catalog';
import type { CheckoutStateView } from '@/lib/checkout/contract';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { findCheckout } from '@/lib/checkout/repository';
import { updateCheckout } from '@/lib/checkout/update';
import { remoteClock } from '@/lib/clock';
import { discountRedemptions, discountUsage, holds } from '@/lib/db/schema';
import { isAppError } from '@/lib/http/app-error';
import { fulfillCheckout } from '@/lib/orders/fulfil';
import { advanceEmulatorClock, emulatorRequests } from '@/test/emulator-control';
import { usAddress } from '@/test/fixtures/addresses';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { discountCheckoutDeps, openCheckout, pay } from '@/test/support/checkout-flow';

const POUR_OVER = { productId: 'ceramic-pour-over', quantity: 1 }; // $48, home
const LINEN_THROW = { productId: 'linen-throw', quantity: 1 }; // $89, home, weekend sale
const CANDLE = { productId: 'soy-candle', quantity: 1 }; // $28, gifts
const SPEAKER = { productId: 'pulse-speaker', quantity: 1 }; // $79, electronics
const HEADPHONES = { productId: 'aurora-headphones', quantity: 1 }; // $199, electronics

let env: AppTestEnvironment;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
});
afterAll(() => env.tearDown());

function deps(): Promise<CheckoutDeps> {
  return discountCheckoutDeps(env, getCatalog());
}

/** Runs `change` and returns its view plus the Stripe calls it made (method, path, Stripe-Version). */
async function tracked(change: () => Promise<CheckoutStateView>) {
  const before = (await emulatorRequests(env.emulatorUrl)).length;
  const view = await change();
  const calls = (await emulatorRequests(env.emulatorUrl)).slice(before).map((r) => ({
    call: `${r.method} ${r.path}`,
    stripeVersion: String(r.stripeVersion ?? ''),
  }));
  return { view, calls };
}

async function stripeTotals(sessionId: string) {
  const session = await env.stripe.checkout.sessions.retrieve(sessionId);
  return { discount: session.total_details?.amount_discount ?? 0, total: session.amount_total };
}

/** Exactly one Stripe update carrying the beta flag, and Stripe's numbers equal the view's. */
async function expectOneBetaUpdate(sessionId: string, result: Awaited<ReturnType<typeof tracked>>, discount: number) {
  expect(result.calls).toHaveLength(1);
  expect(result.calls[0]?.call).toBe(`POST /v1/checkout/sessions/${sessionId}`);
  expect(result.calls[0]?.stripeVersion).toContain('checkout_server_update_beta=v1');
  expect(await stripeTotals(sessionId)).toEqual({ discount, total: result.view.total });
  expect(result.view.discounts.total).toBe(discount);
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('discount codes', () => {
  it.each([
    { kind: 'percent off the order', items: [POUR_OVER], code: 'welcome10 ', discount: 480 },
    { kind: 'amount off above a minimum', items: [SPEAKER], code: 'SAVE15', discount: 1_500 },
    { kind: 'percent off one category', items: [POUR_OVER, CANDLE], code: 'Gifts20', discount: 560 },
  ])(
    '$kind: one beta update sets Stripe’s discount and total to the engine’s numbers',
    async ({ items, code, discount }) => {
      const d = await deps();
      const shopper = await openCheckout(d, items);
      const before = await stripeTotals(shopper.sessionId);
      const applied = await tracked(() => updateCheckout({ ...d, ...shopper, intent: { type: 'apply-code', code } }));
      await expectOneBetaUpdate(shopper.sessionId, applied, discount);
      expect(applied.view.total).toBe((before.total ?? 0) - discount);
      expect(applied.view.discounts.codes).toEqual([
        expect.objectContaining({ code: code.trim().toUpperCase(), amount: discount, applied: true }),
      ]);

      const removed = await tracked(() => updateCheckout({ ...d, ...shopper, intent: { type: 'remove-code', code } }));
      await expectOneBetaUpdate(shopper.sessionId, removed, 0);
      expect(removed.view.total).toBe(before.total);
      expect(removed.view.discounts.codes).toEqual([]);
    },
  );

  it('a regional code applies once the address is in its region', async () => {
    const d = await deps();
    const shopper = await openCheckout(d, [POUR_OVER], { withAddress: true });
    expect(await refusal(updateCheckout({ ...d, ...shopper, intent: { type: 'apply-code', code: 'CALI10' } }))).toEqual(
      {
        status: 422,
        code: 'discount_not_valid_for_address',
        message: "The code CALI10 isn't valid for your shipping address.",
      },
    );
    await updateCheckout({
      ...d,
      ...shopper,
      intent: { type: 'set-shipping-address', address: { ...usAddress, city: 'Oakland', state: 'CA' } },
    });
    const applied = await tracked(() =>
      updateCheckout({ ...d, ...shopper, intent: { type: 'apply-code', code: 'CALI10' } }),
    );
    await expectOneBetaUpdate(shopper.sessionId, applied, 480);
  });

  it('explains each refusal with the engine’s reason and changes nothing', async () => {
    const d = await deps();
    const shopper = await openCheckout(d, [POUR_OVER]);
    const before = await stripeTotals(shopper.sessionId);
    const cases: Array<[string, string]> = [
      ['NOPE', 'discount_unknown'],
      ['SUMMER25', 'discount_expired'],
      ['EARLYBIRD', 'discount_not_yet_valid'],
      ['SAVE15', 'discount_minimum_not_met'],
      ['GIFTS20', 'discount_not_valid_for_items'],
      ['VIP20', 'discount_unknown'],
      ['FIRST15', 'discount_identity_required'],
    ];
    for (const [code, expected] of cases) {
      const refused = await refusal(updateCheckout({ ...d, ...shopper, intent: { type: 'apply-code', code } }));
      expect({ code, status: refused.status, error: refused.code }).toEqual({ code, status: 422, error: expected });
    }
    expect(await stripeTotals(shopper.sessionId)).toEqual(before);
  });

  it('keeps a code that stops qualifying, unapplied, and says why', async () => {
    const d = await deps();
    const shopper = await openCheckout(d, [{ ...POUR_OVER, quantity: 2 }]);
    await updateCheckout({ ...d, ...shopper, intent: { type: 'apply-code', code: 'SAVE15' } });
    const dropped = await updateCheckout({
      ...d,
      ...shopper,
      intent: { type: 'set-quantity', productId: POUR_OVER.productId, quantity: 1 },
    });
    expect(dropped.discounts.total).toBe(0);
    expect(dropped.discounts.codes).toEqual([
      expect.objectContaining({ code: 'SAVE15', applied: false, message: expect.stringMatching(/\$27\.00 more/) }),
    ]);
    expect((await findCheckout(env.db, shopper.sessionId))?.selections.discountCodes).toEqual(['SAVE15']);
  });
});

describe('a second code that cannot stack', () => {
  it('leaves the code that saves more applied, in Stripe too, and the answer says which and why', async () => {
    const d = await deps();
    const shopper = await openCheckout(d, [POUR_OVER, CANDLE]); // $76: WELCOME10 $7.60, GIFTS20 $5.60
    const apply = (code: string) =>
      tracked(() => updateCheckout({ ...d, ...shopper, intent: { type: 'apply-code', code } }));
    expect((await apply('WELCOME10')).view.notices).toEqual([]);

    const kept = await apply('GIFTS20');
    await expectOneBetaUpdate(shopper.sessionId, kept, 760);
    expect(kept.view.notices).toEqual([
      {
        code: 'discount_code_kept',
        message: 'GIFTS20 saves less than WELCOME10 (−$7.60), so WELCOME10 stays applied.',
      },
    ]);
    expect(kept.view.discounts.codes.map((c) => c.code)).toEqual(['WELCOME10']);

    await updateCheckout({
      ...d,
      ...shopper,
      intent: { type: 'set-quantity', productId: POUR_OVER.productId, quantity: 0 },
    });
    const replaced = await apply('GIFTS20'); // $28 left: WELCOME10 $2.80, GIFTS20 $5.60
    await expectOneBetaUpdate(shopper.sessionId, replaced, 560);
    expect(replaced.view.notices).toEqual([
      { code: 'discount_code_replaced', message: 'GIFTS20 replaced WELCOME10: it saves more (−$5.60).' },
    ]);
    expect((await findCheckout(env.db, shopper.sessionId))?.selections.discountCodes).toEqual(['GIFTS20']);
  });
});

describe('automatic promotions, recomputed on every update', () => {
  it('a cart-value promotion appears above its threshold and goes below it, with a hint when close', async () => {
    const d = await deps();
    const shopper = await openCheckout(d, [{ ...POUR_OVER, quantity: 2 }]);
    const setQuantity = (quantity: number) =>
      tracked(() =>
        updateCheckout({
          ...d,
          ...shopper,
          intent: { type: 'set-quantity', productId: POUR_OVER.productId, quantity },
        }),
      );
    const three = await setQuantity(3);
    await expectOneBetaUpdate(shopper.sessionId, three, 1_000);
    expect(three.view.discounts.automatic).toEqual([{ label: '$10 off $100+', amount: 1_000 }]);
    const two = await setQuantity(2);
    await expectOneBetaUpdate(shopper.sessionId, two, 0);
    expect(two.view.discounts.automatic).toEqual([]);
    expect(two.view.discounts.hints).toEqual([{ message: '$4.00 more for $10 off' }]);
  });

  it('a regional offer appears when the address qualifies', async () => {
    const d = await deps();
    const shopper = await openCheckout(d, [POUR_OVER]);
    const canada = await tracked(() =>
      updateCheckout({
        ...d,
        ...shopper,
        intent: {
          type: 'set-shipping-address',
          address: {
            name: 'Ada',
            line1: '1 Rue',
            line2: null,
            city: 'Montréal',
            state: 'QC',
            postalCode: 'H2X 1Y4',
            country: 'CA',
          },
        },
      }),
    );
    await expectOneBetaUpdate(shopper.sessionId, canada, 240);
    expect(canada.view.discounts.automatic).toEqual([{ label: '5% off orders to Canada', amount: 240 }]);
  });

  it('a weekly offer follows the shared clock: there on the weekend, gone on Monday', async () => {
    const clockUrl = `${env.emulatorUrl}/_emulator/clock`;
    const now = await remoteClock(clockUrl)();
    // Move to the coming Sunday 22:00 UTC (whatever the real date is), then past midnight.
    const daysToSunday = (7 - now.getUTCDay()) % 7;
    let sunday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysToSunday, 22);
    if (sunday <= now.getTime()) sunday += 7 * 24 * 3600 * 1000;
    await advanceEmulatorClock(env.emulatorUrl, Math.max(0, Math.ceil((sunday - now.getTime()) / 1000)) + 60);
    const d = await deps();
    expect(d.now.getUTCDay()).toBe(0);
    const shopper = await openCheckout(d, [LINEN_THROW]);
    expect((await stripeTotals(shopper.sessionId)).discount).toBe(1_780);

    await advanceEmulatorClock(env.emulatorUrl, 2 * 3600);
    const monday = await deps();
    const after = await tracked(() => updateCheckout({ ...monday, ...shopper, intent: { type: 'refresh' } }));
    await expectOneBetaUpdate(shopper.sessionId, after, 0);
  });
});

describe('redemptions at fulfilment', () => {
  it('records each rule once per order, however often fulfilment runs', async () => {
    const d = await deps();
    const shopper = await openCheckout(d, [{ ...POUR_OVER, quantity: 3 }], { withAddress: true });
    await updateCheckout({ ...d, ...shopper, intent: { type: 'apply-code', code: 'WELCOME10' } });
    await pay(env.emulatorUrl, shopper);
    const results = await Promise.all(
      [1, 2, 3].map(() => fulfillCheckout({ db: env.db, stripe: env.stripe, ...shopper })),
    );
    const orderId = results[0]?.state === 'fulfilled' ? results[0].order.id : -1;
    const rows = await env.db.select().from(discountRedemptions).where(eq(discountRedemptions.orderId, orderId));
    expect(rows.map((r) => [r.ruleId, r.amount, r.overRedeemed]).sort()).toEqual([
      ['cart-10-off-100', 1_000, false],
      ['welcome-10', 1_440, false],
    ]);
    expect(rows.every((r) => r.email === 'shopper@example.com')).toBe(true);
  });

  it('holds the last use for the checkout that took it, and flags an order that raced past a lapsed hold', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const d = await deps();
    const a = await openCheckout(d, [HEADPHONES], { withAddress: true });
    const b = await openCheckout(d, [HEADPHONES], { withAddress: true });
    await updateCheckout({ ...d, ...a, intent: { type: 'apply-code', code: 'LAUNCH50' } });
    // b is told before paying: a holds the only use.
    expect(
      await refusal(updateCheckout({ ...d, ...b, intent: { type: 'apply-code', code: 'launch50' } })),
    ).toMatchObject({
      status: 422,
      code: 'discount_all_uses_held',
      message: expect.stringContaining('reserved by another checkout'),
    });
    // Should a's hold lapse unseen (say its expiry passed while Stripe still took the payment), b can take it; then
    // fulfilment still serialises the last use and flags the second order.
    await env.db.delete(holds).where(eq(holds.checkoutSessionId, a.sessionId));
    await updateCheckout({ ...d, ...b, intent: { type: 'apply-code', code: 'launch50' } });
    await pay(env.emulatorUrl, a);
    await pay(env.emulatorUrl, b);
    const [ra, rb] = await Promise.all([a, b].map((s) => fulfillCheckout({ db: env.db, stripe: env.stripe, ...s })));
    expect([ra?.state, rb?.state]).toEqual(['fulfilled', 'fulfilled']);
    const rows = await env.db.select().from(discountRedemptions).where(eq(discountRedemptions.ruleId, 'launch-50'));
    expect(rows.map((r) => r.overRedeemed).sort()).toEqual([false, true]);
    const [usage] = await env.db.select().from(discountUsage).where(eq(discountUsage.ruleId, 'launch-50'));
    expect(usage?.redeemed).toBe(2);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/over-redemption: order \d+ .* LAUNCH50 although total limit 1/);
    warn.mockRestore();

    const c = await openCheckout(d, [HEADPHONES]);
    expect(
      await refusal(updateCheckout({ ...d, ...c, intent: { type: 'apply-code', code: 'LAUNCH50' } })),
    ).toMatchObject({
      status: 422,
      code: 'discount_fully_redeemed',
    });
  });
});
