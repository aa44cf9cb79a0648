import { expect, type Page, test } from '@playwright/test';
import { CartPage } from '../pages/cart-page';
import { CARDS, CheckoutPage } from '../pages/checkout-page';
import { OrderPage } from '../pages/order-page';
import { ProductPage } from '../pages/product-page';
import { StorePage } from '../pages/store-page';
import { addProductToCart, checkoutReadyForCard } from '../support/shopper';

/** `next dev` (E2E_DEV=1, scripts/e2e-server.ts) instead of a production build. */
const DEV = process.env.E2E_DEV === '1';

const NOT_FOUND_STEP = 'not found';
const NOT_FOUND_PATH = '/products/no-such-product';

type ConsoleWatch = { problems: string[]; at: (where: string) => void; note: (problem: string) => void };

/** One line per console error or warning (any frame of the page) and per uncaught page error, with where it was. */
function watchConsole(page: Page): ConsoleWatch {
  const problems: string[] = [];
  let where = 'start';
  page.on('console', (message) => {
    const type = message.type();
    if (type !== 'error' && type !== 'warning') return;
    const { url, lineNumber } = message.location();
    // Chromium reports a 404 page's own status in the console; that page answering 404 is what a missing page should do.
    if (
      where === NOT_FOUND_STEP &&
      url === new URL(NOT_FOUND_PATH, page.url()).href &&
      /status of 404/.test(message.text())
    )
      return;
    problems.push(`[${where}] console.${type}: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`[${where}] page error: ${error.message}`));
  return {
    problems,
    at: (next) => {
      where = next;
    },
    note: (problem) => problems.push(`[${where}] ${problem}`),
  };
}

/**
 * Lets late messages (hydration, effects, link prefetches) arrive before the next step. Not `networkidle`: the
 * checkout keeps requests going. In development, Next's dev overlay must not count an issue either.
 */
async function settle(page: Page, watch: ConsoleWatch): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(DEV ? 1500 : 750);
  if (DEV && (await page.getByRole('button', { name: 'Open issues overlay' }).count()) > 0) {
    watch.note("Next's dev overlay shows issues");
  }
}

test.describe('the console stays clean', () => {
  test('home, a category, a product, a 404, the cart (empty and with an item), checkout and the return page', async ({
    page,
  }) => {
    // `next dev` compiles each page on its first visit.
    test.setTimeout(DEV ? 300_000 : 120_000);
    const watch = watchConsole(page);
    const store = new StorePage(page);

    watch.at('home');
    await store.goto();
    await expect(store.productCards.first()).toBeVisible();
    await settle(page, watch);

    watch.at('category');
    await store.goto('gifts');
    await expect(store.productCards.first()).toBeVisible();
    await settle(page, watch);

    watch.at('product');
    const product = new ProductPage(page);
    await product.goto('soy-candle');
    await expect(product.heading).toBeVisible();
    await settle(page, watch);

    watch.at(NOT_FOUND_STEP);
    expect((await page.goto(NOT_FOUND_PATH))?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toBeVisible();
    await settle(page, watch);

    watch.at('empty cart');
    const cart = new CartPage(page);
    await cart.goto();
    await expect(cart.emptyState).toBeVisible();
    await settle(page, watch);

    watch.at('add to cart');
    await addProductToCart(page, 'soy-candle');
    await settle(page, watch);

    watch.at('cart with an item');
    await cart.goto();
    await expect(cart.line('soy-candle')).toBeVisible();
    await settle(page, watch);

    watch.at('checkout (from the cart)');
    await cart.checkout();
    await new CheckoutPage(page).waitUntilReady();
    await settle(page, watch);

    watch.at('checkout (loaded directly, paying)');
    const checkout = await checkoutReadyForCard(page, 'console@example.com');
    await checkout.fillCard(CARDS.visa);
    await checkout.pay();

    watch.at('return page');
    const order = new OrderPage(page);
    await order.waitForArrival();
    await expect(order.status).toHaveAttribute('data-value', 'paid');
    await settle(page, watch);

    expect(watch.problems).toEqual([]);
  });
});
