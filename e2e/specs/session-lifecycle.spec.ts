import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { z } from 'zod';
import { EmulatorControl, type EmulatorSessionView } from '../../test/emulator-control';
import { TEST_ADDRESS } from '../../test/fixtures/addresses';
import { cartBadge } from '../pages/cart-badge';
import { CartPage } from '../pages/cart-page';
import { CARDS, CheckoutPage } from '../pages/checkout-page';
import { OrderPage } from '../pages/order-page';
import { expectNoSeriousViolations } from '../support/axe';
import { addProductToCart, sessionIdFromUrl } from '../support/shopper';
import { expectOneStoredOrder } from '../support/webhook-journeys';

/**
 * A Checkout Session expires, is reloaded, navigated, opened in two tabs, paid. The products here are in no
 * time-dependent promotion, so moving the emulator's clock changes no price.
 */

const NEEDS_CLOCK = 'needs the local Stripe emulator clock';
const DAY_SECONDS = 24 * 60 * 60;

const emulator = EmulatorControl.fromEnv();

/** The Checkout Session as the server API shows it (`GET /v1/checkout/sessions/:id`). */
function stripeSession(sessionId: string): Promise<EmulatorSessionView> {
  return EmulatorControl.requireEnv().session(sessionId);
}

/** Moves the emulator's clock (the app's clock follows it); open sessions past `expires_at` expire. */
async function advanceClock(seconds: number): Promise<void> {
  await EmulatorControl.requireEnv().advanceClock(seconds);
}

const serverStateSchema = z.object({ sessionId: z.string(), status: z.string(), total: z.number().int() });

/** The store's own record of the checkout (`GET /api/checkout/state`), with the shopper's cookie. */
async function serverState(request: APIRequestContext, sessionId: string): Promise<z.infer<typeof serverStateSchema>> {
  const response = await request.get(`/api/checkout/state?sessionId=${encodeURIComponent(sessionId)}`);
  expect(response.status()).toBe(200);
  return serverStateSchema.parse(await response.json());
}

/** Counts the page's `POST /api/checkout/sessions` requests (one per checkout start), from now on. */
function countCheckoutStarts(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/checkout/sessions') count += 1;
  });
  return () => count;
}

async function waitForCheckout(page: Page): Promise<CheckoutPage> {
  const checkout = new CheckoutPage(page);
  await checkout.waitUntilReady();
  await checkout.options.waitUntilLoaded();
  await checkout.options.waitForSettled();
  return checkout;
}

async function openCheckout(page: Page): Promise<CheckoutPage> {
  await new CheckoutPage(page).goto();
  return waitForCheckout(page);
}

/** What the shopper sees is Stripe's total: the page, the emulator's `amount_total` and the store's record agree. */
async function expectTotalsAgree(page: Page, checkout: CheckoutPage): Promise<number> {
  await checkout.options.waitForSettled();
  const sessionId = await checkout.sessionId();
  const { subtotal, shipping, discount, taxAdded, total } = await checkout.amounts();
  expect(total).toBe(subtotal + shipping - discount + taxAdded);
  expect((await serverState(page.request, sessionId)).total).toBe(total);
  if (emulator) expect((await stripeSession(sessionId)).amount_total).toBe(total);
  return total;
}

async function payWithVisa(page: Page, checkout: CheckoutPage): Promise<OrderPage> {
  await checkout.fillCard(CARDS.visa);
  await checkout.pay();
  const order = new OrderPage(page);
  await order.waitForArrival();
  await expect(order.status).toHaveAttribute('data-value', 'paid');
  return order;
}

/** The closed state of an expired session: plain words, Pay disabled, a fresh checkout offered without another click. */
async function expectClosedAsExpired(checkout: CheckoutPage): Promise<void> {
  await expect(checkout.closed).toBeVisible({ timeout: 20_000 });
  await expect(checkout.closed).toContainText('This checkout expired');
  await expect(checkout.page.getByText(/not open|its status is|completed or has expired/)).toHaveCount(0);
  await expect(checkout.payButton).toBeDisabled();
  await expect(checkout.closed.getByRole('button', { name: 'Start a fresh checkout' })).toBeVisible();
}

test.describe('a Checkout Session through expiry, reloads, navigation, two tabs and payment', () => {
  test('an expired session is replaced on reload with the cart intact, and the new one can be paid', async ({
    page,
  }) => {
    test.skip(!emulator, NEEDS_CLOCK);
    const starts = countCheckoutStarts(page);
    await addProductToCart(page, 'tea-sampler', 2);
    const checkout = await openCheckout(page);
    const expiredId = await checkout.sessionId();
    const before = await checkout.amounts();
    expect(before.subtotal).toBe(2 * 3200);

    await advanceClock(DAY_SECONDS + 60);
    expect((await stripeSession(expiredId)).status).toBe('expired');

    await page.reload();
    await waitForCheckout(page);
    const freshId = await checkout.sessionId();
    expect(freshId).not.toBe(expiredId);
    expect(await checkout.options.quantityOf('tea-sampler')).toBe(2);
    expect(await checkout.amounts()).toEqual(before);
    expect(await expectTotalsAgree(page, checkout)).toBe(before.total);
    expect((await stripeSession(freshId)).status).toBe('open');

    await checkout.fillEmail('expired@example.com');
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    const total = await expectTotalsAgree(page, checkout);
    const order = await payWithVisa(page, checkout);
    expect(sessionIdFromUrl(page)).toBe(freshId);
    expect(await order.totalAmount()).toBe(total);
    // One start per page load: the first visit and the reload.
    expect(starts()).toBe(2);
  });

  test('at its expiry the checkout closes by itself, Pay disabled, and the fresh checkout it offers keeps every choice', async ({
    page,
  }) => {
    test.skip(!emulator, NEEDS_CLOCK);
    // The page's clock too, so the checkout's own timer can be seen to fire.
    await page.clock.install();
    await addProductToCart(page, 'leather-journal', 1);
    const checkout = await openCheckout(page);
    const options = checkout.options;
    const expiredId = await checkout.sessionId();
    await checkout.fillEmail('kept@example.com');
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    await options.chooseShipping('express');
    await options.setAddOn(true, 'gift-wrap');
    await options.addOn('gift-message').check();
    await options.writeGiftMessage('Kept across checkouts');
    await options.applyCode('WELCOME10');
    const before = await expectTotalsAgree(page, checkout);

    // Stripe's clock and the page's pass the session's expiry; the shopper touches nothing.
    await advanceClock(DAY_SECONDS + 60);
    await page.clock.fastForward((DAY_SECONDS + 60) * 1000);
    await expectClosedAsExpired(checkout);

    await checkout.closed.getByRole('button', { name: 'Start a fresh checkout' }).click();
    await waitForCheckout(page);
    await expect(checkout.closed).toHaveCount(0);
    const freshId = await checkout.sessionId();
    expect(freshId).not.toBe(expiredId);
    await expect(checkout.carriedOver).toContainText('We kept your details from your last checkout.');
    await expect(checkout.email).toHaveValue('kept@example.com');
    await expect(checkout.addressField('addressLine1')).toHaveValue(TEST_ADDRESS.line1);
    await expect(checkout.addressField('postalCode')).toHaveValue(TEST_ADDRESS.postalCode);
    await expect(options.shippingOption('express')).toBeChecked();
    await expect(options.addOn('gift-wrap')).toBeChecked();
    await expect(options.addOn('gift-message')).toBeChecked();
    await expect(options.giftMessage).toHaveValue('Kept across checkouts');
    await expect(options.discount('WELCOME10')).toHaveAttribute('data-applied', 'true');
    expect(await expectTotalsAgree(page, checkout)).toBe(before);

    const order = await payWithVisa(page, checkout);
    expect(sessionIdFromUrl(page)).toBe(freshId);
    expect(await order.totalAmount()).toBe(before);
    await expect(order.email).toContainText('kept@example.com');
  });

  test('an update to an expired session closes the checkout at once and offers a fresh one, without looping', async ({
    page,
  }, testInfo) => {
    test.skip(!emulator, NEEDS_CLOCK);
    const starts = countCheckoutStarts(page);
    await addProductToCart(page, 'leather-journal', 1);
    const checkout = await openCheckout(page);
    const expiredId = await checkout.sessionId();
    const before = await checkout.totalAmount();

    await advanceClock(DAY_SECONDS + 60);
    // click, not check(): the refusal comes back before Playwright could see the box change.
    await checkout.options.addOn('gift-wrap').click();

    await expectClosedAsExpired(checkout);
    await checkout.options.waitForSettled();
    await expect(checkout.options.addOn('gift-wrap')).not.toBeChecked();
    await expect(page.getByRole('heading', { name: 'This checkout expired' })).toBeFocused();
    await expectNoSeriousViolations(page, 'checkout (expired)', testInfo);
    expect(await checkout.sessionId()).toBe(expiredId);
    expect(starts()).toBe(1);

    await checkout.closed.getByRole('button', { name: 'Start a fresh checkout' }).click();
    await waitForCheckout(page);
    await expect(checkout.closed).toHaveCount(0);
    const freshId = await checkout.sessionId();
    expect(freshId).not.toBe(expiredId);
    expect(await checkout.options.quantityOf('leather-journal')).toBe(1);
    expect(await expectTotalsAgree(page, checkout)).toBe(before);

    await checkout.options.setAddOn(true, 'gift-wrap');
    expect(await expectTotalsAgree(page, checkout)).toBeGreaterThan(before);
    expect(await checkout.sessionId()).toBe(freshId);
    // A replacement that looped would keep posting; watch the quiet page for a moment.
    await page.waitForTimeout(1_500);
    expect(starts()).toBe(2);
  });

  test('Pay on a session Stripe expired before the store heard of it: plain words, Pay disabled, not repeated', async ({
    page,
  }) => {
    test.skip(!emulator, NEEDS_CLOCK);
    const control = EmulatorControl.requireEnv();
    await addProductToCart(page, 'tea-sampler', 1);
    const checkout = await openCheckout(page);
    const expiredId = await checkout.sessionId();
    await checkout.fillEmail('late@example.com');
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    await checkout.fillCard(CARDS.visa);
    await checkout.options.waitForSettled();

    // Stripe expires it; its webhook is held, so the store's record still says open.
    await control.configureWebhooks({ paused: true });
    try {
      await control.expireSession(expiredId);
      await checkout.payButton.click();
      await expectClosedAsExpired(checkout);
      await expect(checkout.payError).toHaveCount(0);
      await expect(checkout.paymentError).toHaveCount(0);

      await checkout.closed.getByRole('button', { name: 'Start a fresh checkout' }).click();
      await waitForCheckout(page);
      const freshId = await checkout.sessionId();
      expect(freshId).not.toBe(expiredId);
      await expect(checkout.email).toHaveValue('late@example.com');
      await expect(checkout.addressField('addressLine1')).toHaveValue(TEST_ADDRESS.line1);
      expect((await stripeSession(freshId)).status).toBe('open');
    } finally {
      await control.resetWebhookSwitches();
    }
  });

  test('a tab whose order was paid in another tab says so and links to the receipt', async ({ page, context }) => {
    const tabA = page;
    await addProductToCart(tabA, 'soy-candle', 1);
    const checkoutA = await openCheckout(tabA);
    const sessionId = await checkoutA.sessionId();
    await checkoutA.fillEmail('two-tabs@example.com');
    await checkoutA.fillAddress(TEST_ADDRESS);
    await checkoutA.waitForShippingPriced();
    await checkoutA.fillCard(CARDS.visa);

    const tabB = await context.newPage();
    const checkoutB = await openCheckout(tabB);
    expect(await checkoutB.sessionId()).toBe(sessionId);
    const orderB = await payWithVisa(tabB, checkoutB);
    const orderNumber = (await orderB.orderNumber.textContent()) ?? '';

    await checkoutA.payButton.click();
    await expect(checkoutA.closed).toBeVisible({ timeout: 20_000 });
    await expect(checkoutA.closed).toContainText('This order was paid');
    await expect(checkoutA.closed).not.toContainText(/expired/i);
    await expect(checkoutA.payButton).toBeDisabled();
    const receipt = checkoutA.closed.getByRole('link', { name: 'View your order' });
    await expect(receipt).toHaveAttribute('href', `/checkout/complete?session_id=${sessionId}`);
    await receipt.click();
    const orderA = new OrderPage(tabA);
    await orderA.waitForArrival();
    await expect(orderA.orderNumber).toHaveText(orderNumber);
    await expect(orderA.status).toHaveAttribute('data-value', 'paid');
  });

  test('reloading mid-checkout resumes the same session with the same choices and total', async ({ page }) => {
    const starts = countCheckoutStarts(page);
    const startedIds: string[] = [];
    page.on('response', async (response) => {
      if (response.request().method() !== 'POST' || !response.url().endsWith('/api/checkout/sessions')) return;
      const body = z.object({ sessionId: z.string() }).safeParse(await response.json().catch(() => null));
      if (body.success) startedIds.push(body.data.sessionId);
    });
    await addProductToCart(page, 'puzzle-1000', 1);
    const checkout = await openCheckout(page);
    await checkout.fillEmail('reload@example.com');
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    await checkout.options.chooseShipping('express');
    await checkout.options.setAddOn(true, 'gift-wrap');
    const sessionId = await checkout.sessionId();
    const before = await checkout.amounts();
    expect(await expectTotalsAgree(page, checkout)).toBe(before.total);

    await page.reload();
    await waitForCheckout(page);

    expect(await checkout.sessionId()).toBe(sessionId);
    await expect(checkout.options.addOn('gift-wrap')).toBeChecked();
    await expect(checkout.options.shippingOption('express')).toBeChecked();
    expect(await checkout.amounts()).toEqual(before);
    expect(await expectTotalsAgree(page, checkout)).toBe(before.total);
    await expect(checkout.payButton).toBeEnabled();
    expect(starts()).toBe(2);
    await expect.poll(() => startedIds).toEqual([sessionId, sessionId]);
  });

  test('back to the cart, a quantity change there, then forward: the same session shows the new quantity', async ({
    page,
  }) => {
    await addProductToCart(page, 'soy-candle', 1);
    const cart = new CartPage(page);
    await cart.goto();
    await cart.checkout();
    const checkout = await waitForCheckout(page);
    const sessionId = await checkout.sessionId();
    const oneCandle = await expectTotalsAgree(page, checkout);

    await test.step('back, two candles, forward', async () => {
      await page.goBack();
      await page.waitForURL('**/cart');
      await cart.increase('soy-candle');
      await page.goForward();
      await page.waitForURL('**/checkout');
      await waitForCheckout(page);
      expect(await checkout.sessionId()).toBe(sessionId);
      await expect(page.getByTestId('quantity-soy-candle-value')).toHaveAttribute('data-value', '2');
      expect((await checkout.amounts()).subtotal).toBe(2 * 2800);
      expect(await expectTotalsAgree(page, checkout)).toBe(oneCandle + 2800);
    });

    await test.step('back, three candles, Checkout again', async () => {
      await page.goBack();
      await page.waitForURL('**/cart');
      await expect(cart.line('soy-candle').getByTestId('line-quantity')).toHaveAttribute('data-value', '2');
      await cart.increase('soy-candle');
      await cart.checkout();
      await waitForCheckout(page);
      expect(await checkout.sessionId()).toBe(sessionId);
      await expect(page.getByTestId('quantity-soy-candle-value')).toHaveAttribute('data-value', '3');
      expect(await expectTotalsAgree(page, checkout)).toBe(oneCandle + 2 * 2800);
    });
  });

  test('two tabs on one checkout: a change in each tab survives, and both show Stripe’s total', async ({
    page,
    context,
  }) => {
    const tabA = page;
    await addProductToCart(tabA, 'tea-sampler', 1);
    await addProductToCart(tabA, 'soy-candle', 1);
    const checkoutA = await openCheckout(tabA);
    const tabB = await context.newPage();
    // Tab B must stay stale for this test (a browser without BroadcastChannel): it checks the server's merge, not
    // the tabs' news (e2e/specs/pay-guard.spec.ts covers that).
    await tabB.addInitScript(() => {
      Reflect.deleteProperty(window, 'BroadcastChannel');
    });
    const checkoutB = await openCheckout(tabB);
    const sessionId = await checkoutA.sessionId();
    expect(await checkoutB.sessionId()).toBe(sessionId);

    await checkoutA.options.setAddOn(true, 'gift-wrap');
    const withGiftWrap = await expectTotalsAgree(tabA, checkoutA);
    // Tab B still shows the order without gift wrap; its quantity change must not drop it.
    await expect(checkoutB.options.addOn('gift-wrap')).not.toBeChecked();
    await checkoutB.options.increase('soy-candle');

    await Promise.all([tabA.reload(), tabB.reload()]);
    for (const [tab, checkout] of [
      [tabA, checkoutA],
      [tabB, checkoutB],
    ] as const) {
      await waitForCheckout(tab);
      expect(await checkout.sessionId()).toBe(sessionId);
      await expect(checkout.options.addOn('gift-wrap')).toBeChecked();
      await expect(tab.getByTestId('quantity-soy-candle-value')).toHaveAttribute('data-value', '2');
      expect(await expectTotalsAgree(tab, checkout)).toBe(withGiftWrap + 2800);
    }
    expect(await checkoutA.totalAmount()).toBe(await checkoutB.totalAmount());
  });

  test('after paying, the back button shows no payable checkout and no second order appears', async ({ page }) => {
    await addProductToCart(page, 'leather-journal', 1);
    const checkout = await openCheckout(page);
    await checkout.fillEmail('back@example.com');
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    const order = await payWithVisa(page, checkout);
    const paidId = sessionIdFromUrl(page);
    const orderNumber = await order.orderNumber.textContent();
    await expect(cartBadge(page)).toHaveAttribute('data-value', '0');

    await page.goBack();
    await page.waitForURL('**/checkout');
    await expect(checkout.emptyState).toBeVisible({ timeout: 20_000 });
    await expect(checkout.payButton).toHaveCount(0);
    await expect(page.locator(`[data-session-id="${paidId}"]`)).toHaveCount(0);

    await page.goForward();
    await order.waitForArrival();
    await expect(order.orderNumber).toHaveText(orderNumber ?? '');
    await expect(order.status).toHaveAttribute('data-value', 'paid');
    if (emulator) {
      expect((await stripeSession(paidId)).status).toBe('complete');
      const completions = (await EmulatorControl.requireEnv().eventsForSession(paidId)).filter(
        (e) => e.type === 'checkout.session.completed',
      );
      expect(completions).toHaveLength(1);
    }
    await expectOneStoredOrder(paidId);
  });
});
