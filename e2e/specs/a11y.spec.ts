import { expect, test } from '@playwright/test';
import { LONDON_ADDRESS, TEST_ADDRESS } from '../../test/fixtures/addresses';
import { CartPage } from '../pages/cart-page';
import { CARDS, CheckoutPage } from '../pages/checkout-page';
import { OrderPage } from '../pages/order-page';
import { expectNoSeriousViolations } from '../support/axe';
import { addProductToCart, openCheckoutFromCart } from '../support/shopper';

/** axe-core on every page and checkout state: zero serious or critical violations. */
test.describe('accessibility (axe)', () => {
  test('home, category and product pages', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page.getByTestId('product-card').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'home', testInfo);

    await page.goto('/categories/electronics');
    await expect(page.getByTestId('product-card').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'category', testInfo);

    await page.goto('/products/aurora-headphones');
    await expect(page.getByRole('button', { name: 'Add to cart' })).toBeVisible();
    await expectNoSeriousViolations(page, 'product', testInfo);
  });

  test('cart, empty and full', async ({ page }, testInfo) => {
    const cart = new CartPage(page);
    await cart.goto();
    await expect(cart.emptyState).toBeVisible();
    await expectNoSeriousViolations(page, 'cart (empty)', testInfo);

    await addProductToCart(page, 'aurora-headphones');
    await addProductToCart(page, 'soy-candle', 2);
    await cart.goto();
    await expect(cart.lines).toHaveCount(2);
    await expectNoSeriousViolations(page, 'cart (full)', testInfo);
  });

  test('checkout: loading, ready, address entered, payment error; then the return page', async ({ page }, testInfo) => {
    await addProductToCart(page, 'leather-journal');

    // Hold the session request so the loading state stays on screen while axe looks at it.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/checkout/sessions', async (route) => {
      await held;
      await route.continue();
    });
    const checkout = new CheckoutPage(page);
    await checkout.goto();
    await expect(page.getByTestId('checkout-loading')).toBeVisible();
    await expectNoSeriousViolations(page, 'checkout (loading)', testInfo);
    release();

    await checkout.waitUntilReady();
    await expectNoSeriousViolations(page, 'checkout (ready)', testInfo);

    await checkout.fillEmail('a11y@example.com');
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    await expectNoSeriousViolations(page, 'checkout (address entered)', testInfo);

    await checkout.fillCard(CARDS.declined);
    await checkout.pay();
    await expect(checkout.paymentError).toBeVisible({ timeout: 20_000 });
    await expectNoSeriousViolations(page, 'checkout (payment error)', testInfo);

    await checkout.fillCard(CARDS.visa);
    await checkout.pay();
    const order = new OrderPage(page);
    await order.waitForArrival();
    await expect(order.status).toHaveAttribute('data-value', 'paid');
    await expectNoSeriousViolations(page, 'return page (paid)', testInfo);
  });

  test('checkout with an empty cart', async ({ page }, testInfo) => {
    const checkout = new CheckoutPage(page);
    await checkout.goto();
    await expect(checkout.emptyState).toBeVisible({ timeout: 20_000 });
    await expectNoSeriousViolations(page, 'checkout (empty cart)', testInfo);
  });

  test('not-found pages', async ({ page }, testInfo) => {
    const missing = await page.goto('/no-such-page');
    expect(missing?.status()).toBe(404);
    await expectNoSeriousViolations(page, '404', testInfo);

    const product = await page.goto('/products/no-such-product');
    expect(product?.status()).toBe(404);
    await expectNoSeriousViolations(page, '404 (product)', testInfo);
  });
});

test.describe('accessibility (axe) on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('checkout: the order summary closed and open, and a notice about a changed shipping method', async ({
    page,
  }, testInfo) => {
    await addProductToCart(page, 'soy-candle');
    const checkout = await openCheckoutFromCart(page);
    await expectNoSeriousViolations(page, 'checkout on a phone (summary closed)', testInfo);

    await checkout.summaryToggle.click();
    await expect(checkout.summary).toBeVisible();
    await expectNoSeriousViolations(page, 'checkout on a phone (summary open)', testInfo);

    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    await checkout.options.chooseShipping('overnight');
    await checkout.fillAddress(LONDON_ADDRESS);
    await expect(checkout.notices).toBeVisible({ timeout: 20_000 });
    await checkout.options.waitForSettled();
    await expectNoSeriousViolations(page, 'checkout on a phone (summary open, shipping notice)', testInfo);
  });
});
