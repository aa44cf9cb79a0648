/**
 * The merchant changes the store's data while shoppers have checkouts open: the next update of each one prices from
 * the data as it is now, and Stripe's total follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as addItem } from '@/app/api/cart/items/route';
import { POST as applyCode } from '@/app/api/checkout/discount-codes/route';
import type { CheckoutStateView } from '@/lib/checkout/contract';
import { setRuleActive, updateAddOn, updateProduct, updateShippingRate, upsertRule } from '@/lib/store-data/mutations';
import { usAddress } from '@/test/fixtures/addresses';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { postUpdate, type Shopper, shopperWithCheckout, update } from '@/test/support/checkout-api';
import { apiRequest, errorOf } from '@/test/support/http';
import { stripeAndRecord } from '@/test/support/stripe-vs-record';

let env: AppTestEnvironment;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
});
afterAll(() => env.tearDown());

// Orders below $100, so the automatic "$10 off $100+" never applies.
const CANDLE = 'soy-candle'; // $28
const TEA = 'tea-sampler'; // $32
const JOURNAL = 'leather-journal'; // $36
const PUZZLE = 'puzzle-1000'; // $29, "1000-Piece …"
const LAMP = 'lumen-desk-lamp'; // $64.50
const POUR_OVER = 'ceramic-pour-over'; // $48

const nextUpdate = (shopper: Shopper) =>
  update('shipping-address', shopper.shopperId, { sessionId: shopper.sessionId, address: usAddress });

async function expectStripeFollows(shopper: Shopper, view: CheckoutStateView) {
  const { stripe, record } = await stripeAndRecord(env, shopper.sessionId);
  expect(stripe).toEqual(record);
  expect(view.total).toBe(stripe.total);
  return record;
}

const productLines = (view: CheckoutStateView) =>
  view.lines
    .filter((line) => line.key.startsWith('product:'))
    .map(({ key, quantity, unitAmount }) => [key, quantity, unitAmount]);

describe('an open checkout after the merchant changes the store', () => {
  it('sends a repriced product at its new price on the next update, and Stripe’s total follows', async () => {
    const shopper = await shopperWithCheckout([
      { productId: CANDLE, quantity: 2 },
      { productId: TEA, quantity: 1 },
    ]);
    await updateProduct(env.db, CANDLE, { unitAmount: 2_500 });
    const view = await nextUpdate(shopper);
    expect(productLines(view)).toEqual([
      [`product:${CANDLE}`, 2, 2_500],
      [`product:${TEA}`, 1, 3_200],
    ]);
    expect(view.notices).toEqual([]);
    const record = await expectStripeFollows(shopper, view);
    expect(record.lines.find((line) => line.key === `product:${CANDLE}`)).toMatchObject({ unitAmount: 2_500 });
  });

  it('drops a withdrawn product from the checkout with a notice naming it', async () => {
    const shopper = await shopperWithCheckout([
      { productId: JOURNAL, quantity: 1 },
      { productId: PUZZLE, quantity: 2 },
    ]);
    const { before } = await updateProduct(env.db, PUZZLE, { active: false });
    const view = await nextUpdate(shopper);
    expect(view.items.map((item) => item.productId)).toEqual([JOURNAL]);
    expect(view.notices).toEqual([
      { code: 'item_removed', message: `${before?.name} is no longer available, so it was removed from your order.` },
    ]);
    const record = await expectStripeFollows(shopper, view);
    expect(record.lines.map((line) => line.key)).toEqual([`product:${JOURNAL}`]);
  });

  it('refuses to update a checkout whose only product was withdrawn, saying so, and changes nothing', async () => {
    const shopper = await shopperWithCheckout([{ productId: LAMP, quantity: 1 }]);
    const before = await stripeAndRecord(env, shopper.sessionId);
    const { after } = await updateProduct(env.db, LAMP, { active: false });
    const response = await postUpdate('shipping-address', shopper.shopperId, {
      sessionId: shopper.sessionId,
      address: usAddress,
    });
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toEqual({
      code: 'checkout_items_unavailable',
      message: `${after.name} is no longer available. Go back to the store to choose something else.`,
    });
    expect(await stripeAndRecord(env, shopper.sessionId)).toEqual(before);
  });

  it('reduces an item to the stock left and removes one that sold out, with a notice each', async () => {
    const shopper = await shopperWithCheckout([
      { productId: POUR_OVER, quantity: 3 },
      { productId: TEA, quantity: 1 },
    ]);
    const pourOver = await updateProduct(env.db, POUR_OVER, { stock: 1 });
    const tea = await updateProduct(env.db, TEA, { stock: 0 });
    const view = await nextUpdate(shopper);
    expect(view.items.map((item) => [item.productId, item.quantity])).toEqual([[POUR_OVER, 1]]);
    expect(view.notices).toEqual([
      {
        code: 'item_quantity_reduced',
        message: `Only 1 of ${pourOver.after.name} can be ordered now, so your order has 1.`,
      },
      { code: 'item_removed', message: `${tea.after.name} sold out, so it was removed from your order.` },
    ]);
    await expectStripeFollows(shopper, view);
  });

  it('applies a rule created meanwhile on the next update, and stops applying it once disabled', async () => {
    const shopper = await shopperWithCheckout([{ productId: CANDLE, quantity: 1 }]);
    const first = await nextUpdate(shopper);
    expect(first.discounts.automatic).toEqual([]);

    await upsertRule(env.db, {
      id: 'candle-week',
      kind: 'automatic',
      label: 'Candle week: 10% off',
      effect: { type: 'percent_off', basisPoints: 1_000 },
      conditions: { productIds: [CANDLE] },
      combinable: true,
    });
    const discounted = await nextUpdate(shopper);
    const candle = discounted.lines.find((line) => line.key === `product:${CANDLE}`);
    expect(discounted.discounts.automatic).toEqual([
      { label: 'Candle week: 10% off', amount: Math.round((candle?.amount ?? 0) / 10) },
    ]);
    expect(discounted.total).toBe(first.total - discounted.discounts.total);
    await expectStripeFollows(shopper, discounted);

    await setRuleActive(env.db, 'candle-week', false);
    const undiscounted = await nextUpdate(shopper);
    expect(undiscounted.discounts.automatic).toEqual([]);
    expect(undiscounted.total).toBe(first.total);
    await expectStripeFollows(shopper, undiscounted);
  });

  it('keeps a withdrawn product out of carts, and starts new checkouts at the current price', async () => {
    await updateProduct(env.db, 'pulse-speaker', { active: false });
    const refused = await addItem(
      apiRequest('POST', '/api/cart/items', { shopperId: null, body: { productId: 'pulse-speaker', quantity: 1 } }),
    );
    expect(refused.status).toBe(404);
    expect((await errorOf(refused)).code).toBe('product_not_found');

    await updateProduct(env.db, 'terracotta-planter', { unitAmount: 2_100 });
    const shopper = await shopperWithCheckout([{ productId: 'terracotta-planter', quantity: 1 }]);
    const { record } = await stripeAndRecord(env, shopper.sessionId);
    expect(record.lines).toEqual([expect.objectContaining({ key: 'product:terracotta-planter', unitAmount: 2_100 })]);
  });

  it('charges a changed shipping rate and add-on price on the next update, and stops offering a withdrawn add-on', async () => {
    const shopper = await shopperWithCheckout([{ productId: CANDLE, quantity: 1 }]);
    const first = await nextUpdate(shopper);
    expect(first.shippingMethods.find((m) => m.methodId === 'standard')).toMatchObject({ amount: 599, selected: true });

    await updateShippingRate(env.db, 'standard', 'domestic', { baseAmount: 699 });
    await updateAddOn(env.db, 'gift-wrap', { price: { kind: 'flat', amount: 599 } });
    const wrapped = await update('add-ons', shopper.shopperId, {
      sessionId: shopper.sessionId,
      addOnId: 'gift-wrap',
      selected: true,
    });
    expect(wrapped.shippingMethods.find((m) => m.methodId === 'standard')).toMatchObject({
      amount: 699,
      selected: true,
    });
    expect(wrapped.lines.find((line) => line.key === 'add-on:gift-wrap')).toMatchObject({ amount: 599 });
    expect(wrapped.total).toBe(first.total + 100 + 599);
    await expectStripeFollows(shopper, wrapped);

    await updateAddOn(env.db, 'express-handling', { active: false });
    const refused = await postUpdate('add-ons', shopper.shopperId, {
      sessionId: shopper.sessionId,
      addOnId: 'express-handling',
      selected: true,
    });
    expect({ status: refused.status, code: (await errorOf(refused)).code }).toEqual({
      status: 400,
      code: 'unknown_add_on',
    });
  });

  it('stops accepting a disabled code on the next update of a checkout that applied it', async () => {
    const shopper = await shopperWithCheckout([{ productId: JOURNAL, quantity: 1 }]);
    const applied = await applyCode(
      apiRequest('POST', '/api/checkout/discount-codes', {
        shopperId: shopper.shopperId,
        body: { sessionId: shopper.sessionId, code: 'WELCOME10' },
      }),
    );
    expect(applied.status).toBe(200);
    expect(((await applied.json()) as CheckoutStateView).discounts.total).toBeGreaterThan(0);

    await setRuleActive(env.db, 'welcome-10', false);
    const view = await nextUpdate(shopper);
    expect(view.discounts.total).toBe(0);
    expect(view.discounts.codes.filter((code) => code.applied)).toEqual([]);
    await expectStripeFollows(shopper, view);
  });
});
