import { expect, type Page, test } from '@playwright/test';
import { CartPage } from '../pages/cart-page';
import { CARDS, CheckoutPage } from '../pages/checkout-page';
import { OrderPage } from '../pages/order-page';
import { ProductPage } from '../pages/product-page';
import { StorePage } from '../pages/store-page';
import { addProductToCart, checkoutReadyForCard } from '../support/shopper';

/** One line per console error or warning (any frame of the page) and per uncaught page error, with where it was. */
function watchConsole(page: Page): { problems: string[]; at: (where: string) => void } {
  const problems: string[] = [];
  let where = 'start';
  page.on('console', (message) => {
    const type = message.type();
    if (type !== 'error' && type !== 'warning') return;
    const { url, lineNumber } = message.location();
    problems.push(`[${where}] console.${type}: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`[${where}] page error: ${error.message}`));
  return {
    problems,
    at: (next) => {
      where = next;
    },
  };
}

/**
 * Lets late messages (hydration, effects, link prefetches) arrive before the next step. Not `networkidle`: the
 * checkout keeps requests going.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(750);
}

test.describe('the console stays clean', () => {
  test('home, a category, a product, the cart (empty and with an item), checkout and the return page', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const watch = watchConsole(page);
    const store = new StorePage(page);

    watch.at('home');
    await store.goto();
    await expect(store.productCards.first()).toBeVisible();
    await settle(page);

    watch.at('category');
    await store.goto('gifts');
    await expect(store.productCards.first()).toBeVisible();
    await settle(page);

    watch.at('product');
    const product = new ProductPage(page);
    await product.goto('soy-candle');
    await expect(product.heading).toBeVisible();
    await settle(page);

    watch.at('empty cart');
    const cart = new CartPage(page);
    await cart.goto();
    await expect(cart.emptyState).toBeVisible();
    await settle(page);

    watch.at('add to cart');
    await addProductToCart(page, 'soy-candle');
    await settle(page);

    watch.at('cart with an item');
    await cart.goto();
    await expect(cart.line('soy-candle')).toBeVisible();
    await settle(page);

    watch.at('checkout (from the cart)');
    await cart.checkout();
    await new CheckoutPage(page).waitUntilReady();
    await settle(page);

    watch.at('checkout (loaded directly, paying)');
    const checkout = await checkoutReadyForCard(page, 'console@example.com');
    await checkout.fillCard(CARDS.visa);
    await checkout.pay();

    watch.at('return page');
    const order = new OrderPage(page);
    await order.waitForArrival();
    await expect(order.status).toHaveAttribute('data-value', 'paid');
    await settle(page);

    expect(watch.problems).toEqual([]);
  });
});
