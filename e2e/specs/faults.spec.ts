import { expect, type Page, test } from '@playwright/test';
import { EmulatorControl, type EmulatorFault } from '../../test/emulator-control';
import { TEST_ADDRESS } from '../../test/fixtures/addresses';
import { CartPage } from '../pages/cart-page';
import { CARDS, CheckoutPage } from '../pages/checkout-page';
import { OrderPage } from '../pages/order-page';
import { ProductPage } from '../pages/product-page';

/**
 * The emulator fails updates and payments (500s, 429s, timeouts, latency): the shopper gets an actionable message,
 * pay never offers an unconfirmed total, server and Stripe agree, and a later update heals. Emulator-only.
 */

const emulator = EmulatorControl.fromEnv();
const ADDRESS = { ...TEST_ADDRESS, name: 'Fault Tester' };

type Fault = EmulatorFault & { path: string };

const tally = { injected: 0, survived: 0 };
let injectedInThisTest = 0;

test.skip(!process.env.E2E_EMULATOR_URL, 'fault injection needs the Stripe emulator');
test.describe.configure({ timeout: 120_000 });

test.beforeEach(() => {
  injectedInThisTest = 0;
});
test.afterEach(async ({ page: _page }, testInfo) => {
  await emulator?.clearFaults();
  if (testInfo.status === testInfo.expectedStatus) tally.survived += injectedInThisTest;
});
test.afterAll(() => {
  console.log(`faults injected: ${tally.injected}, survived: ${tally.survived}`);
});

async function inject(fault: Fault): Promise<void> {
  if (!emulator) throw new Error('no emulator');
  // Throws unless the emulator accepted the fault.
  await emulator.injectFault({ method: 'POST', count: 1, ...fault });
  const count = fault.count ?? 1;
  tally.injected += count;
  injectedInThisTest += count;
}

/** A checkout for `productId` with email and address filled in, shipping priced. */
async function readyCheckout(page: Page, productId: string): Promise<CheckoutPage> {
  const product = new ProductPage(page);
  await product.goto(productId);
  await product.addToCart(1);
  const cart = new CartPage(page);
  await cart.goto();
  await cart.checkout();
  const checkout = new CheckoutPage(page);
  await checkout.waitUntilReady();
  await checkout.options.waitUntilLoaded();
  await checkout.fillEmail('faults@example.com');
  await checkout.fillAddress(ADDRESS);
  await checkout.waitForShippingPriced();
  await checkout.options.waitForSettled();
  return checkout;
}

/** The server's record, Stripe's session and the page all show the same total. */
async function expectAgreement(page: Page, checkout: CheckoutPage): Promise<number> {
  if (!emulator) throw new Error('no emulator');
  await checkout.options.waitForSettled();
  const sessionId = await checkout.sessionId();
  const response = await page.request.get(`/api/checkout/state?sessionId=${sessionId}`);
  expect(response.status()).toBe(200);
  const record = (await response.json()) as { total: number };
  await expect.poll(() => emulator.amountTotal(sessionId), { timeout: 10_000 }).toBe(record.total);
  await expect.poll(() => checkout.totalAmount(), { timeout: 10_000 }).toBe(record.total);
  return record.total;
}

/** The page still shows the checkout (not a blank or error page) with an explanation the shopper can read. */
async function expectClearRetryableMessage(page: Page, checkout: CheckoutPage): Promise<void> {
  const error = checkout.options.updateErrors.first();
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toHaveText(/\w{3,}/);
  await expect(error).not.toHaveText(/internal|undefined|\[object|stack/i);
  await expect(checkout.summary).toBeVisible();
  await expect(page.getByTestId('checkout-form')).toBeVisible();
}

test.describe('when Stripe fails or is slow, the shopper is told and the checkout recovers', () => {
  for (const scenario of [
    { name: '500s', fault: { kind: 'error', status: 500, count: 2 } },
    // stripe-node does not retry a 429 (only `lock_timeout` ones): one is enough to fail the update.
    { name: 'a 429', fault: { kind: 'rate_limit', count: 1 } },
    { name: 'timeouts', fault: { kind: 'timeout', latencyMs: 9_000, count: 2 } },
  ] as const) {
    test(`session update failing with ${scenario.name}: clear message, pay held, totals agree, the next update heals`, async ({
      page,
    }) => {
      const checkout = await readyCheckout(page, 'leather-journal');
      const options = checkout.options;
      const before = await expectAgreement(page, checkout);

      // stripe-node retries a 500 or a timeout once, so two of those make the update fail.
      await inject({ path: '/v1/checkout/sessions/', ...scenario.fault });
      // A click, not check(): a refused update puts the box back at once (a 429 can be answered before Playwright looks).
      await options.addOn('gift-wrap').click();
      await expect(checkout.payButton).toBeDisabled();
      await expectClearRetryableMessage(page, checkout);
      await options.waitForSettled();
      await expect(options.addOn('gift-wrap')).not.toBeChecked();
      await expect(checkout.payButton).toBeDisabled();
      await expect(options.payBlocked).toBeVisible();
      expect(await expectAgreement(page, checkout)).toBe(before);

      await options.setAddOn(true, 'gift-wrap');
      await expect(options.updateErrors).toHaveCount(0);
      await expect(options.payBlocked).toBeHidden();
      await expect(checkout.payButton).toBeEnabled();
      expect(await expectAgreement(page, checkout)).toBeGreaterThan(before);
    });
  }

  test('a failed gift-wrap toggle says so in its own words, and its box goes once a later update succeeds', async ({
    page,
  }) => {
    const checkout = await readyCheckout(page, 'leather-journal');
    const options = checkout.options;
    const before = await expectAgreement(page, checkout);
    const giftWrapError = page.getByRole('region', { name: 'Gifts and extras' }).getByTestId('update-error');

    await test.step('the toggle fails: the words name gift wrap and say the order is unchanged', async () => {
      await inject({ path: '/v1/checkout/sessions/', kind: 'error', status: 500, count: 2 });
      await options.addOn('gift-wrap').check();
      await expect(giftWrapError).toHaveText(/^Gift wrap couldn't be updated\. Your order is unchanged/, {
        timeout: 30_000,
      });
      await expect(giftWrapError).not.toContainText('Payments are briefly unavailable');
      await options.waitForSettled();
      await expect(options.addOn('gift-wrap')).not.toBeChecked();
      expect(await expectAgreement(page, checkout)).toBe(before);
    });

    await test.step('another change goes through: the order is in step again and the old box is gone', async () => {
      await options.increase('leather-journal');
      await expect(options.updateErrors).toHaveCount(0);
      await expect(options.payBlocked).toBeHidden();
      await expect(checkout.payButton).toBeEnabled();
      expect(await expectAgreement(page, checkout)).toBeGreaterThan(before);
    });

    await test.step('it fails again, and Try again clears the box while it retries', async () => {
      await inject({ path: '/v1/checkout/sessions/', kind: 'error', status: 500, count: 2 });
      await options.addOn('gift-wrap').check();
      await expect(giftWrapError).toBeVisible({ timeout: 30_000 });
      await options.waitForSettled();
      await giftWrapError.getByRole('button', { name: 'Try again' }).click();
      await options.waitForSettled();
      await expect(giftWrapError).toHaveCount(0);
      await expect(options.addOn('gift-wrap')).toBeChecked();
    });
  });

  test('one transient 500 or timeout per update is retried by the server and never reaches the shopper', async ({
    page,
  }) => {
    const checkout = await readyCheckout(page, 'leather-journal');
    const options = checkout.options;
    let total = await expectAgreement(page, checkout);
    await inject({ path: '/v1/checkout/sessions/', kind: 'error', status: 500 });
    await options.setAddOn(true, 'gift-wrap');
    await expect(options.updateErrors).toHaveCount(0);
    const afterWrap = await expectAgreement(page, checkout);
    expect(afterWrap).toBeGreaterThan(total);
    total = afterWrap;
    await inject({ path: '/v1/checkout/sessions/', kind: 'error', status: 503 });
    await options.increase('leather-journal');
    await expect(options.updateErrors).toHaveCount(0);
    const afterQuantity = await expectAgreement(page, checkout);
    expect(afterQuantity).toBeGreaterThan(total);
    await inject({ path: '/v1/checkout/sessions/', kind: 'timeout', latencyMs: 9_000 });
    await options.chooseShipping('express');
    await expect(options.updateErrors).toHaveCount(0);
    expect(await expectAgreement(page, checkout)).not.toBe(afterQuantity);
  });

  test('added latency on an update: pay stays disabled until Stripe and the server agree on the new total', async ({
    page,
  }) => {
    const checkout = await readyCheckout(page, 'leather-journal');
    const options = checkout.options;
    const before = await expectAgreement(page, checkout);
    await inject({ path: '/v1/checkout/sessions/', kind: 'latency', latencyMs: 2_500 });
    await options.addOn('gift-wrap').check();
    await expect(options.updatePending).toBeVisible();
    await expect(checkout.payButton).toBeDisabled();
    // Sample the button while the update is in flight: it must never be enabled on the old total.
    for (let i = 0; i < 8 && (await options.updatePending.isVisible()); i++) {
      await expect(checkout.payButton).toBeDisabled();
      await page.waitForTimeout(200);
    }
    await options.waitForSettled();
    await expect(checkout.payButton).toBeEnabled();
    expect(await expectAgreement(page, checkout)).toBeGreaterThan(before);
  });

  for (const scenario of [
    { name: 'a 500', fault: { kind: 'error', status: 500 } },
    { name: 'a 429', fault: { kind: 'rate_limit' } },
  ] as const) {
    test(`payment failing with ${scenario.name}: the shopper is told, can pay again, and the order arrives`, async ({
      page,
    }) => {
      const checkout = await readyCheckout(page, 'soy-candle');
      const total = await expectAgreement(page, checkout);
      const sessionId = await checkout.sessionId();
      await checkout.fillCard(CARDS.visa);
      await inject({ path: `/v1/elements/sessions/${sessionId}/confirm`, ...scenario.fault });
      await checkout.pay();
      // Not the card's fault: said beside Pay, where the shopper pressed it.
      await expect(checkout.payError).toBeVisible({ timeout: 20_000 });
      await expect(checkout.payError).toHaveText(/\w{3,}/);
      await expect(checkout.payError).not.toHaveText(/undefined|\[object/i);
      await expect(checkout.paymentError).toHaveCount(0);
      await expect(checkout.summary).toBeVisible();
      expect(page.url()).toContain('/checkout');
      expect(await expectAgreement(page, checkout)).toBe(total);

      await checkout.pay();
      const order = new OrderPage(page);
      await order.waitForArrival();
      await expect.poll(() => order.totalAmount(), { timeout: 20_000 }).toBe(total);
    });
  }

  test('payment slowed by added latency still completes once', async ({ page }) => {
    const checkout = await readyCheckout(page, 'soy-candle');
    const total = await expectAgreement(page, checkout);
    const sessionId = await checkout.sessionId();
    await checkout.fillCard(CARDS.visa);
    await inject({ path: `/v1/elements/sessions/${sessionId}/confirm`, kind: 'latency', latencyMs: 3_000 });
    await checkout.pay();
    await expect(checkout.payButton).toBeDisabled();
    const order = new OrderPage(page);
    await order.waitForArrival();
    await expect.poll(() => order.totalAmount(), { timeout: 20_000 }).toBe(total);
  });
});
