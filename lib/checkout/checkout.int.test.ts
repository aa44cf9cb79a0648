import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCart, setCartQuantity } from '@/lib/cart/service';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { findCheckout } from '@/lib/checkout/repository';
import { startCheckout } from '@/lib/checkout/start';
import { updateCheckout } from '@/lib/checkout/update';
import { checkouts } from '@/lib/db/schema';
import { emulatorRequests, injectFault } from '@/test/emulator-control';
import { usAddress } from '@/test/fixtures/addresses';
import { testCatalog as catalog } from '@/test/fixtures/catalog';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { checkoutDeps, openCheckout, pay } from '@/test/support/checkout-flow';

let env: AppTestEnvironment;
let deps: CheckoutDeps;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
  deps = checkoutDeps(env, catalog);
});
afterAll(() => env.tearDown());

async function sessionRequestsSince(before: number) {
  return (await emulatorRequests(env.emulatorUrl))
    .slice(before)
    .filter((r) => r.path.startsWith('/v1/checkout/sessions'));
}
const requestCount = async () => (await emulatorRequests(env.emulatorUrl)).length;

describe('startCheckout', () => {
  it('creates an Elements session priced from the catalog and bound to the shopper', async () => {
    const { shopperId, sessionId, clientSecret } = await openCheckout(deps, [
      { productId: 'test-headphones', quantity: 2 },
      { productId: 'test-mug', quantity: 1 },
    ]);
    expect(sessionId).toMatch(/^cs_test_/);
    expect(clientSecret.startsWith(`${sessionId}_secret_`)).toBe(true);
    const session = await env.stripe.checkout.sessions.retrieve(sessionId, { expand: ['line_items'] });
    expect(session.amount_total).toBe(2 * 19_900 + 1_250);
    expect(session.ui_mode).toBe('elements');
    expect(session.metadata?.shopper_id).toBe(shopperId);
    expect(session.return_url).toBe('http://shop.test/checkout/complete?session_id={CHECKOUT_SESSION_ID}');
    expect(session.line_items?.data.map((l) => [l.description, l.quantity, l.amount_total])).toEqual([
      ['Test Headphones', 2, 39_800],
      ['Test Mug', 1, 1_250],
    ]);
    const row = await findCheckout(env.db, sessionId);
    expect(row).toMatchObject({ shopperId, status: 'open', version: 1 });
    expect(row?.quote.total).toBe(session.amount_total);
    // The stored quote is complete from the start: no reader needs a fallback.
    expect(row?.quote).toMatchObject({
      stripeShippingRates: [],
      discountExplanation: { codes: [], automatic: [], hints: [] },
    });
  });

  it('resumes the open checkout without calling Stripe when the cart is unchanged', async () => {
    const first = await openCheckout(deps, [{ productId: 'test-mug', quantity: 1 }]);
    const before = await requestCount();
    const again = await startCheckout({ ...deps, shopperId: first.shopperId });
    expect(again).toEqual({
      sessionId: first.sessionId,
      clientSecret: first.clientSecret,
      carriedOver: false,
      notices: [],
    });
    expect(await sessionRequestsSince(before)).toEqual([]);
  });

  it('brings a resumed checkout up to date with the cart in exactly one full-state update', async () => {
    const first = await openCheckout(deps, [{ productId: 'test-mug', quantity: 1 }]);
    await addToCart(env.db, { shopperId: first.shopperId, productId: 'test-headphones', quantity: 1 }, catalog);
    await setCartQuantity(env.db, { shopperId: first.shopperId, productId: 'test-mug', quantity: 3 }, catalog);
    const before = await requestCount();
    const again = await startCheckout({ ...deps, shopperId: first.shopperId });
    expect(again.sessionId).toBe(first.sessionId);
    const calls = await sessionRequestsSince(before);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`POST /v1/checkout/sessions/${first.sessionId}`]);
    const session = await env.stripe.checkout.sessions.retrieve(first.sessionId);
    expect(session.amount_total).toBe(3 * 1_250 + 19_900);
    expect((await findCheckout(env.db, first.sessionId))?.version).toBe(2);
  });

  it('refuses an empty cart, or no shopper at all, with 409 cart_empty', async () => {
    await expect(startCheckout({ ...deps, shopperId: crypto.randomUUID() })).rejects.toMatchObject({
      status: 409,
      code: 'cart_empty',
    });
    await expect(startCheckout({ ...deps, shopperId: null })).rejects.toMatchObject({ code: 'cart_empty' });
  });

  it('creates one session for a double click', async () => {
    const shopperId = crypto.randomUUID();
    await addToCart(env.db, { shopperId, productId: 'test-mug', quantity: 1 }, catalog);
    const [a, b] = await Promise.all([startCheckout({ ...deps, shopperId }), startCheckout({ ...deps, shopperId })]);
    expect(a.sessionId).toBe(b.sessionId);
    const rows = await env.db.select().from(checkouts).where(eq(checkouts.shopperId, shopperId));
    expect(rows).toHaveLength(1);
  });
});

describe('updateCheckout with a shipping address', () => {
  it('sets the address on the session and answers Stripe’s new total', async () => {
    const { shopperId, sessionId } = await openCheckout(deps, [{ productId: 'test-mug', quantity: 2 }]);
    const result = await updateCheckout({
      ...deps,
      sessionId,
      shopperId,
      intent: { type: 'set-shipping-address', address: usAddress },
    });
    const session = await env.stripe.checkout.sessions.retrieve(sessionId);
    expect(result).toMatchObject({ sessionId, status: 'open', total: session.amount_total, currency: 'usd' });
    expect(session.collected_information?.shipping_details?.address?.country).toBe('US');
    expect(session.shipping_options.length).toBeGreaterThan(0);
    expect(result.total).toBeGreaterThan(2 * 1_250);
  });

  it('switches a method the new address cannot have to Standard, in Stripe too, and the answer says why', async () => {
    const { shopperId, sessionId } = await openCheckout(deps, [{ productId: 'test-mug', quantity: 1 }], {
      withAddress: true,
    });
    await updateCheckout({
      ...deps,
      sessionId,
      shopperId,
      intent: { type: 'set-shipping-method', methodId: 'overnight' },
    });
    const moved = await updateCheckout({
      ...deps,
      sessionId,
      shopperId,
      intent: { type: 'set-shipping-address', address: { ...usAddress, line1: 'PO Box 12' } },
    });
    expect(moved.notices).toEqual([
      {
        code: 'shipping_method_changed',
        message: "Overnight shipping isn't available to PO boxes, so shipping changed to Standard shipping.",
      },
    ]);
    expect(moved.shippingMethods.map((m) => m.methodId)).toEqual(['standard']);
    expect(moved.selectedShippingMethodId).toBe('standard');
    const session = await env.stripe.checkout.sessions.retrieve(sessionId);
    expect(session.shipping_options).toHaveLength(1);
    expect(session.amount_total).toBe(moved.total);
    expect((await findCheckout(env.db, sessionId))?.selections.shippingMethodId).toBe('standard');
  });

  it('refuses a country the store does not ship to, without calling Stripe', async () => {
    const { shopperId, sessionId } = await openCheckout(deps, [{ productId: 'test-mug', quantity: 1 }]);
    const before = await requestCount();
    await expect(
      updateCheckout({
        ...deps,
        sessionId,
        shopperId,
        intent: { type: 'set-shipping-address', address: { ...usAddress, country: 'BR' } },
      }),
    ).rejects.toMatchObject({ status: 400, code: 'country_not_supported', message: expect.stringContaining('Brazil') });
    expect(await sessionRequestsSince(before)).toEqual([]);
  });

  it('is a 404 for another shopper’s session or an unknown one', async () => {
    const { sessionId } = await openCheckout(deps, [{ productId: 'test-mug', quantity: 1 }]);
    await expect(
      updateCheckout({
        ...deps,
        sessionId,
        shopperId: crypto.randomUUID(),
        intent: { type: 'set-shipping-address', address: usAddress },
      }),
    ).rejects.toMatchObject({ status: 404, code: 'checkout_not_found' });
    await expect(
      updateCheckout({
        ...deps,
        sessionId: 'cs_test_doesnotexist',
        shopperId: crypto.randomUUID(),
        intent: { type: 'set-shipping-address', address: usAddress },
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('serialises concurrent updates: every one lands and Stripe agrees with the last quote', async () => {
    const { shopperId, sessionId } = await openCheckout(deps, [{ productId: 'test-headphones', quantity: 1 }]);
    const countries = ['US', 'CA', 'DE', 'US', 'GB'];
    await Promise.all(
      countries.map((country) =>
        updateCheckout({
          ...deps,
          sessionId,
          shopperId,
          intent: { type: 'set-shipping-address', address: { ...usAddress, country } },
        }),
      ),
    );
    const row = await findCheckout(env.db, sessionId);
    expect(row?.version).toBe(1 + countries.length);
    const session = await env.stripe.checkout.sessions.retrieve(sessionId);
    expect(session.amount_total).toBe(row?.quote.total);
    expect(session.collected_information?.shipping_details?.address?.country).toBe(
      row?.selections.shippingAddress?.country,
    );
  });

  it('rolls back and answers a retryable 503 when Stripe fails', async () => {
    const { shopperId, sessionId } = await openCheckout(deps, [{ productId: 'test-mug', quantity: 1 }]);
    await injectFault(env.emulatorUrl, {
      method: 'POST',
      path: `/v1/checkout/sessions/${sessionId}`,
      kind: 'error',
      count: 2,
    });
    await expect(
      updateCheckout({ ...deps, sessionId, shopperId, intent: { type: 'set-shipping-address', address: usAddress } }),
    ).rejects.toMatchObject({
      status: 503,
      code: 'stripe_unavailable',
      retryable: true,
    });
    const row = await findCheckout(env.db, sessionId);
    expect(row?.version).toBe(1);
    expect(row?.selections.shippingAddress).toBeNull();
  });

  it('answers 409 checkout_closed for a paid session, and for one past its expiry without calling Stripe', async () => {
    const paid = await openCheckout(deps, [{ productId: 'test-mug', quantity: 1 }], { withAddress: true });
    await pay(env.emulatorUrl, paid);
    await expect(
      updateCheckout({
        ...deps,
        sessionId: paid.sessionId,
        shopperId: paid.shopperId,
        intent: { type: 'set-shipping-address', address: usAddress },
      }),
    ).rejects.toMatchObject({ status: 409, code: 'checkout_closed' });

    const open = await openCheckout(deps, [{ productId: 'test-mug', quantity: 1 }]);
    const before = await requestCount();
    const later = new Date(Date.now() + 2 * 3600 * 1000);
    await expect(
      updateCheckout({
        ...deps,
        now: later,
        sessionId: open.sessionId,
        shopperId: open.shopperId,
        intent: { type: 'set-shipping-address', address: usAddress },
      }),
    ).rejects.toMatchObject({ status: 409, code: 'checkout_closed' });
    expect(await sessionRequestsSince(before)).toEqual([]);
  });
});
