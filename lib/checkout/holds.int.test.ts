/**
 * Scarce things are reserved when taken: many shoppers racing for the last units of a product or the last use of a
 * limited code, against the emulator and a real database. Each file gets its own database, so the one-use LAUNCH50
 * and the 3 smartwatches in stock are fresh here.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unavailableUnits } from '@/lib/cart/inventory';
import { addToCart, getCartView } from '@/lib/cart/service';
import { getCatalog } from '@/lib/catalog';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { startCheckout } from '@/lib/checkout/start';
import { updateCheckout } from '@/lib/checkout/update';
import { getCheckoutState } from '@/lib/checkout/view';
import { discountRedemptions, holds, inventorySales } from '@/lib/db/schema';
import { isAppError } from '@/lib/http/app-error';
import { fulfillCheckout } from '@/lib/orders/fulfil';
import { EmulatorControl } from '@/test/emulator-control';
import { usAddress } from '@/test/fixtures/addresses';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { discountCheckoutDeps, openCheckout, pay } from '@/test/support/checkout-flow';

const WATCH = 'tempo-smartwatch'; // 3 in stock, at most 2 per order
const HEADPHONES = { productId: 'aurora-headphones', quantity: 1 };

let env: AppTestEnvironment;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
});
afterAll(() => env.tearDown());

function deps(): Promise<CheckoutDeps> {
  return discountCheckoutDeps(env, getCatalog());
}

async function outcome<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; code: string }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code };
    throw error;
  }
}

describe('stock holds', () => {
  it('lets at most 3 of 10 racing shoppers take the 3 watches in stock, and tells the others before paying', async () => {
    const d = await deps();
    const shoppers = Array.from({ length: 10 }, () => crypto.randomUUID());
    for (const shopperId of shoppers) await addToCart(d.db, { shopperId, productId: WATCH, quantity: 1 }, d.catalog);

    const started = await Promise.all(shoppers.map((shopperId) => outcome(startCheckout({ ...d, shopperId }))));
    const opened = started.flatMap((s, i) => (s.ok ? [{ shopperId: shoppers[i] as string, ...s.value }] : []));
    expect(opened).toHaveLength(3);
    expect(started.filter((s) => !s.ok).map((s) => (s.ok ? '' : s.code))).toEqual(
      Array(7).fill('quantity_unavailable'),
    );
    // The store shows what is really left: nothing, to anyone else.
    const stranger = crypto.randomUUID();
    await expect(
      addToCart(d.db, { shopperId: stranger, productId: WATCH, quantity: 1 }, d.catalog),
    ).rejects.toMatchObject({ status: 409, code: 'quantity_unavailable' });
    const loser = shoppers.find((id) => !opened.some((o) => o.shopperId === id)) as string;
    expect((await getCartView(d.db, loser, d.catalog)).items[0]?.maxQuantity).toBe(0);

    for (const checkout of opened) {
      await updateCheckout({ ...d, ...checkout, intent: { type: 'set-shipping-address', address: usAddress } });
      await pay(env.emulatorUrl, checkout);
    }
    const results = await Promise.all(
      opened.map((checkout) => fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: checkout.sessionId })),
    );
    expect(results.map((r) => r.state)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const [sold] = await env.db.select().from(inventorySales).where(eq(inventorySales.productId, WATCH));
    expect(sold?.sold).toBe(3);
    // Paid checkouts hold nothing any more: their units are sales now.
    const left = await env.db.select().from(holds).where(eq(holds.key, WATCH));
    expect(left).toEqual([]);
  });

  it('refuses raising a quantity into units another checkout holds, and lowering it frees them', async () => {
    const d = await deps();
    const speaker = 'pulse-speaker';
    const product = d.catalog.products.find((p) => p.id === speaker);
    if (!product) throw new Error('pulse-speaker missing from the catalog');
    const a = await openCheckout(d, [{ productId: speaker, quantity: 2 }]);
    const b = await openCheckout(d, [{ productId: speaker, quantity: 1 }]);
    const aState = await getCheckoutState({ ...d, sessionId: a.sessionId, shopperId: a.shopperId });
    // a may grow by what is neither sold nor held by b.
    expect(aState.items[0]?.maxQuantity).toBe(Math.min(product.maxPerOrder, product.stock - 1));
    const before = await env.db.select().from(holds).where(eq(holds.checkoutSessionId, b.sessionId));
    expect(before.map((h) => [h.kind, h.key, h.quantity])).toEqual([['stock', speaker, 1]]);
    await updateCheckout({ ...d, ...a, intent: { type: 'set-quantity', productId: speaker, quantity: 1 } });
    const [aHold] = await env.db.select().from(holds).where(eq(holds.checkoutSessionId, a.sessionId));
    expect(aHold?.quantity).toBe(1);
  });

  it('counts nothing once the holding checkout has expired', async () => {
    const d = await deps();
    const a = await openCheckout(d, [HEADPHONES]);
    const [hold] = await env.db.select().from(holds).where(eq(holds.checkoutSessionId, a.sessionId));
    if (!hold) throw new Error('the checkout holds nothing');
    const stranger = crypto.randomUUID();
    const ids = [HEADPHONES.productId];
    const sold = (await unavailableUnits(env.db, ids, d.now, null)).get(HEADPHONES.productId) ?? 0;
    expect((await unavailableUnits(env.db, ids, d.now, stranger)).get(HEADPHONES.productId)).toBe(sold);
    expect(sold).toBeGreaterThanOrEqual(1);
    const afterExpiry = new Date(hold.expiresAt.getTime() + 1);
    expect((await unavailableUnits(env.db, ids, afterExpiry, stranger)).get(HEADPHONES.productId) ?? 0).toBe(sold - 1);
    // Its own shopper never counts their hold against themselves.
    expect((await unavailableUnits(env.db, ids, d.now, a.shopperId)).get(HEADPHONES.productId) ?? 0).toBe(sold - 1);
  });
});

describe('limited code holds', () => {
  it('LAUNCH50 applied from 20 racing checkouts is held by exactly one and redeemed at most once', async () => {
    const d = await deps();
    const checkouts = await Promise.all(
      Array.from({ length: 20 }, () => openCheckout(d, [HEADPHONES], { withAddress: true })),
    );
    const applied = await Promise.all(
      checkouts.map((c) => outcome(updateCheckout({ ...d, ...c, intent: { type: 'apply-code', code: 'LAUNCH50' } }))),
    );
    const winners = applied.filter((a) => a.ok);
    expect(winners).toHaveLength(1);
    expect(applied.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.code))).toEqual(
      Array(19).fill('discount_all_uses_held'),
    );
    const codeHolds = await env.db.select().from(holds).where(eq(holds.kind, 'code'));
    expect(codeHolds.filter((h) => h.key === 'launch-50')).toHaveLength(1);

    for (const c of checkouts) await pay(env.emulatorUrl, c);
    await Promise.all(
      checkouts.map((c) => fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: c.sessionId })),
    );
    const redemptions = await env.db
      .select()
      .from(discountRedemptions)
      .where(eq(discountRedemptions.ruleId, 'launch-50'));
    expect(redemptions).toHaveLength(1);
    expect(redemptions[0]?.overRedeemed).toBe(false);
  });

  it('releases a code hold when the code is removed, so the next checkout can take it', async () => {
    const d = await deps();
    // FIRST15 is per email: the hold is keyed by the email Stripe collected for the checkout.
    const a = await openCheckout(d, [HEADPHONES]);
    const b = await openCheckout(d, [HEADPHONES]);
    const emulator = new EmulatorControl(env.emulatorUrl);
    await emulator.updateEmail(a, 'ada@example.com');
    await emulator.updateEmail(b, 'Ada@Example.com');
    await updateCheckout({ ...d, ...a, intent: { type: 'apply-code', code: 'FIRST15' } });
    expect(await outcome(updateCheckout({ ...d, ...b, intent: { type: 'apply-code', code: 'FIRST15' } }))).toEqual({
      ok: false,
      code: 'discount_not_available_for_email',
    });
    await updateCheckout({ ...d, ...a, intent: { type: 'remove-code', code: 'FIRST15' } });
    const taken = await updateCheckout({ ...d, ...b, intent: { type: 'apply-code', code: 'FIRST15' } });
    expect(taken.discounts.codes).toMatchObject([{ code: 'FIRST15', applied: true }]);
  });
});
