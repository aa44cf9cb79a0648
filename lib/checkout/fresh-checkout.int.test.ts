/**
 * A checkout that ended unpaid is replaced by a fresh one that keeps the shopper's choices — carried over on the
 * server from the old checkout's record (the browser sends no more than the id of the session it saw close), each
 * re-applied through the intents, priced by the server and written to the new Stripe session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSales } from '@/lib/cart/inventory';
import { addToCart, readCartLines } from '@/lib/cart/service';
import { getCatalog } from '@/lib/catalog';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { findCheckout } from '@/lib/checkout/repository';
import { startCheckout } from '@/lib/checkout/start';
import { updateCheckout } from '@/lib/checkout/update';
import { fulfillCheckout } from '@/lib/orders/fulfil';
import { methodIdOfShippingRate } from '@/lib/stripe/session-params';
import { EmulatorControl } from '@/test/emulator-control';
import { usAddress } from '@/test/fixtures/addresses';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { discountCheckoutDeps, openCheckout, pay } from '@/test/support/checkout-flow';

const JOURNAL = { productId: 'leather-journal', quantity: 1 };
const SMARTWATCHES = { productId: 'tempo-smartwatch', quantity: 2 }; // 3 in stock
/** Past the 6 h sessions of `discountCheckoutDeps`. */
const PAST_EXPIRY_SECONDS = 7 * 3600;

let env: AppTestEnvironment;
let control: EmulatorControl;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
  control = new EmulatorControl(env.emulatorUrl);
});
afterAll(() => env.tearDown());

/** Deps at the emulator's clock now (the app's clock follows it). */
function deps(): Promise<CheckoutDeps> {
  return discountCheckoutDeps(env, getCatalog());
}

type Shopper = Awaited<ReturnType<typeof openCheckout>>;

async function update(shopper: Shopper, intent: Parameters<typeof updateCheckout>[0]['intent']) {
  return updateCheckout({ ...(await deps()), ...shopper, intent });
}

async function stripeSession(sessionId: string) {
  return env.stripe.checkout.sessions.retrieve(sessionId, {
    expand: ['line_items', 'shipping_cost.shipping_rate'],
  });
}

describe('a fresh checkout after one that ended unpaid', () => {
  it('keeps the email, address, shipping method, add-ons with the gift message and the code, priced by the server', async () => {
    const shopper = await openCheckout(await deps(), [JOURNAL], { withAddress: true });
    await control.updateEmail(shopper, 'Kept@Example.com');
    await update(shopper, { type: 'email-changed' });
    await update(shopper, { type: 'set-shipping-method', methodId: 'express' });
    await update(shopper, { type: 'set-add-on', addOnId: 'gift-wrap', productId: null, selected: true });
    await update(shopper, {
      type: 'set-add-on',
      addOnId: 'gift-message',
      productId: null,
      selected: true,
      giftMessage: 'Happy birthday!',
    });
    const before = await update(shopper, { type: 'apply-code', code: 'WELCOME10' });
    expect(before.discounts.total).toBeGreaterThan(0);

    await control.advanceClock(PAST_EXPIRY_SECONDS);
    const fresh = await startCheckout({ ...(await deps()), shopperId: shopper.shopperId });

    expect(fresh.sessionId).not.toBe(shopper.sessionId);
    expect(fresh).toMatchObject({ carriedOver: true, notices: [] });
    const row = await findCheckout(env.db, fresh.sessionId);
    expect(row?.selections).toEqual({
      items: [JOURNAL],
      addOns: [
        { addOnId: 'gift-wrap', productId: null },
        { addOnId: 'gift-message', productId: null },
      ],
      giftMessage: 'Happy birthday!',
      shippingAddress: usAddress,
      shippingMethodId: 'express',
      discountCodes: ['WELCOME10'],
    });
    expect(row?.email).toBe('kept@example.com');
    expect(row?.quote.total).toBe(before.total);
    // Stripe's new session says the same: prefilled email, the address, the express rate, the add-on lines, the total.
    const session = await stripeSession(fresh.sessionId);
    expect(session.status).toBe('open');
    expect(session.customer_email).toBe('kept@example.com');
    expect(session.collected_information?.shipping_details?.address).toMatchObject({
      line1: usAddress.line1,
      city: usAddress.city,
      postal_code: usAddress.postalCode,
      country: 'US',
    });
    expect(methodIdOfShippingRate(session.shipping_cost?.shipping_rate)).toBe('express');
    expect(session.line_items?.data.map((item) => item.description)).toEqual([
      'Leather-Bound Journal',
      'Gift wrap',
      'Gift message card',
    ]);
    expect(session.amount_total).toBe(before.total);
    expect(session.total_details?.amount_discount).toBe(before.discounts.total);
  });

  it('drops what no longer applies with a notice: a code used up meanwhile; a quantity lowered to the stock left', async () => {
    const first = await openCheckout(await deps(), [SMARTWATCHES], { withAddress: true });
    await update(first, { type: 'apply-code', code: 'LAUNCH50' });
    await control.advanceClock(PAST_EXPIRY_SECONDS);

    // Meanwhile another shopper pays with the code's only use, and two of the three smartwatches are sold.
    const other = await openCheckout(await deps(), [JOURNAL], { withAddress: true });
    await update(other, { type: 'apply-code', code: 'LAUNCH50' });
    await pay(env.emulatorUrl, other);
    expect((await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: other.sessionId })).state).toBe(
      'fulfilled',
    );
    await recordSales(env.db, [{ productId: SMARTWATCHES.productId, quantity: 2 }]);

    const fresh = await startCheckout({ ...(await deps()), shopperId: first.shopperId });
    expect(fresh.notices).toEqual([
      'Only 1 of Tempo Smartwatch left in stock. Your order now has 1.',
      'The code LAUNCH50 has reached its usage limit.',
    ]);
    const row = await findCheckout(env.db, fresh.sessionId);
    expect(row?.selections).toMatchObject({
      items: [{ productId: 'tempo-smartwatch', quantity: 1 }],
      shippingAddress: usAddress,
      discountCodes: [],
    });
    // The cart follows the checkout, so the store shows the same quantity.
    expect(await readCartLines(env.db, first.shopperId, getCatalog())).toEqual([
      { productId: 'tempo-smartwatch', quantity: 1 },
    ]);
    expect((await stripeSession(fresh.sessionId)).amount_total).toBe(row?.quote.total);
  });

  it('carries nothing over from a checkout that was paid', async () => {
    const paid = await openCheckout(await deps(), [JOURNAL], { withAddress: true });
    await pay(env.emulatorUrl, paid);
    await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: paid.sessionId });
    // The same shopper shops again.
    await addToCart(env.db, { shopperId: paid.shopperId, ...JOURNAL }, getCatalog());
    const next = await startCheckout({ ...(await deps()), shopperId: paid.shopperId });
    expect(next.sessionId).not.toBe(paid.sessionId);
    expect(next).toMatchObject({ carriedOver: false, notices: [] });
    expect((await findCheckout(env.db, next.sessionId))?.selections.shippingAddress).toBeNull();
  });

  it('checks with Stripe the session the browser saw close, even when the store’s record still says open', async () => {
    const shopper = await openCheckout(await deps(), [JOURNAL], { withAddress: true });
    // Stripe expires it; its webhook has not reached the store.
    await control.expireSession(shopper.sessionId);
    expect((await findCheckout(env.db, shopper.sessionId))?.status).toBe('open');

    const fresh = await startCheckout({
      ...(await deps()),
      shopperId: shopper.shopperId,
      replacing: shopper.sessionId,
    });
    expect(fresh.sessionId).not.toBe(shopper.sessionId);
    expect((await findCheckout(env.db, shopper.sessionId))?.status).toBe('expired');
    expect((await findCheckout(env.db, fresh.sessionId))?.selections.shippingAddress).toEqual(usAddress);
  });

  it('refuses to replace a checkout Stripe says was paid, so the cart is not bought twice', async () => {
    const shopper = await openCheckout(await deps(), [JOURNAL], { withAddress: true });
    await pay(env.emulatorUrl, shopper);
    await expect(
      startCheckout({ ...(await deps()), shopperId: shopper.shopperId, replacing: shopper.sessionId }),
    ).rejects.toMatchObject({ status: 409, code: 'checkout_closed' });
  });
});
