import { expect, type Page, test } from '@playwright/test';
import { z } from 'zod';
import { CartPage } from '../pages/cart-page';
import { ProductPage } from '../pages/product-page';
import { expectNoSeriousViolations } from '../support/axe';
import { watchCspViolations } from '../support/csp-violations';

/**
 * Progressive enhancement of the cart: adding, changing and removing work as plain HTML forms (Server Actions) before
 * the page has hydrated and with JavaScript off, and the hydrated page keeps its inline behaviour. No click is lost,
 * and none counts twice. Each test runs in a fresh browser context: a new shopper, an empty cart.
 */

const SPEAKER = { id: 'pulse-speaker', name: 'Pulse Portable Speaker', maxPerOrder: 5 };
const PER_ORDER_LIMIT = `You can buy at most ${SPEAKER.maxPerOrder} of ${SPEAKER.name} per order.`;

const cartSchema = z.object({ items: z.array(z.object({ productId: z.string(), quantity: z.number() })) });

/** Puts units in the browser context's cart through the JSON API (which other clients use, and which stays as it is). */
async function seedCart(page: Page, productId: string, quantity: number): Promise<void> {
  const response = await page.request.post('/api/cart/items', { data: { productId, quantity } });
  expect(response.ok()).toBe(true);
}

/** The cart as the JSON API sees it (the browser context's shopper cookie). */
async function cartLines(page: Page): Promise<Array<{ productId: string; quantity: number }>> {
  const response = await page.request.get('/api/cart');
  expect(response.ok()).toBe(true);
  return cartSchema.parse(await response.json()).items.map(({ productId, quantity }) => ({ productId, quantity }));
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('adding from the product page lands on the cart, which lists it, and the header counts it', async ({ page }) => {
    const product = new ProductPage(page);
    await product.goto(SPEAKER.id);
    await product.submitAdd(2);
    await page.waitForURL('**/cart**');

    const cart = new CartPage(page);
    await expect(cart.line(SPEAKER.id)).toHaveCount(1);
    expect(await cart.quantityOf(SPEAKER.id)).toBe(2);
    await expect(cart.notice).toContainText(`Added 2 × ${SPEAKER.name}`);
    await expect(product.cartBadge).toHaveAttribute('data-value', '2');
    expect(await cartLines(page)).toEqual([{ productId: SPEAKER.id, quantity: 2 }]);
  });

  test('the cart changes with − / + / a typed quantity, and a line is removed and put back', async ({ page }) => {
    await seedCart(page, SPEAKER.id, 2);
    const product = new ProductPage(page);
    const cart = new CartPage(page);
    await cart.goto();
    await cart.increase(SPEAKER.id);
    await cart.decrease(SPEAKER.id);
    await cart.setQuantity(SPEAKER.id, 4);
    await expect(product.cartBadge).toHaveAttribute('data-value', '4');
    expect(await cartLines(page)).toEqual([{ productId: SPEAKER.id, quantity: 4 }]);

    await cart.remove(SPEAKER.id);
    await expect(cart.emptyState).toBeVisible();
    await expect(cart.notice).toContainText(`Removed ${SPEAKER.name}`);
    await expect(product.cartBadge).toHaveAttribute('data-value', '0');

    await cart.undoRemove(SPEAKER.id);
    expect(await cart.quantityOf(SPEAKER.id)).toBe(4);
    await expect(cart.notice).toHaveCount(0);
    expect(await cartLines(page)).toEqual([{ productId: SPEAKER.id, quantity: 4 }]);
  });

  test('− at quantity 1 removes the line', async ({ page }) => {
    await seedCart(page, SPEAKER.id, 1);
    const cart = new CartPage(page);
    await cart.goto();
    await cart
      .line(SPEAKER.id)
      .getByRole('button', { name: /^Decrease quantity/ })
      .click();
    await expect(cart.line(SPEAKER.id)).toHaveCount(0);
    await expect(cart.notice).toContainText(`Removed ${SPEAKER.name}`);
    expect(await cartLines(page)).toEqual([]);
  });

  test('a quantity over the per-order limit lands on the cart, which shows the server’s message; nothing is added', async ({
    page,
  }) => {
    await seedCart(page, SPEAKER.id, 4);
    const product = new ProductPage(page);
    await product.goto(SPEAKER.id);
    await product.submitAdd(2);
    await page.waitForURL('**/cart**');

    const cart = new CartPage(page);
    await expect(cart.refusal).toHaveText(`Not added: ${PER_ORDER_LIMIT}`);
    expect(await cart.quantityOf(SPEAKER.id)).toBe(4);
    await expect(product.cartBadge).toHaveAttribute('data-value', '4');
    expect(await cartLines(page)).toEqual([{ productId: SPEAKER.id, quantity: 4 }]);

    // The URL only says what was asked for: once the cart could take it, a reload shows no refusal.
    await page.request.patch(`/api/cart/items/${SPEAKER.id}`, { data: { quantity: 1 } });
    await page.reload();
    await expect(cart.refusal).toHaveCount(0);
  });
});

test.describe('with JavaScript on', () => {
  /** Waits for the outcome of an add, whichever handled it: the hydrated form (inline) or the native post (the cart). */
  async function expectAddedOnce(page: Page): Promise<void> {
    const product = new ProductPage(page);
    const cart = new CartPage(page);
    await expect(product.success.or(cart.notice)).toBeVisible();
    await expect(product.cartBadge).toHaveAttribute('data-value', '1');
    // Nothing arrives late: a second submission of the same click would show up here.
    await page.waitForTimeout(500);
    expect(await cartLines(page)).toEqual([{ productId: SPEAKER.id, quantity: 1 }]);
  }

  test('a click before the scripts have loaded is posted as a form and adds the item once', async ({ page }) => {
    // Hold back every script until the click has happened: the page cannot have hydrated.
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/_next/static/**/*.js', async (route) => {
      await released;
      await route.continue().catch(() => {});
    });
    await page.goto(`/products/${SPEAKER.id}`, { waitUntil: 'commit' });
    await new ProductPage(page).addButton.click();
    release();
    await page.waitForURL('**/cart**');
    await expectAddedOnce(page);
  });

  test('a click right after the page starts loading adds the item exactly once', async ({ page }) => {
    await page.goto(`/products/${SPEAKER.id}`, { waitUntil: 'commit' });
    await new ProductPage(page).addButton.click();
    await expectAddedOnce(page);
  });

  for (const delay of [0, 50, 150, 300, 600]) {
    test(`a click ${delay} ms after the first byte adds the item exactly once`, async ({ page }) => {
      await page.goto(`/products/${SPEAKER.id}`, { waitUntil: 'commit' });
      const button = new ProductPage(page).addButton;
      await button.waitFor();
      await page.waitForTimeout(delay);
      await button.click();
      await expectAddedOnce(page);
    });
  }

  test('after hydration, adding stays on the page, and an over-limit quantity shows the server’s message', async ({
    page,
  }, testInfo) => {
    const product = new ProductPage(page);
    await product.goto(SPEAKER.id);
    await page.evaluate(() => Reflect.set(window, '__samePage', true));
    await product.addToCart(4);
    await product.submitAdd(2);
    await expect(product.error).toHaveText(PER_ORDER_LIMIT);
    await expect(product.cartBadge).toHaveAttribute('data-value', '4');
    await expectNoSeriousViolations(page, 'product (refused quantity)', testInfo);
    expect(await page.evaluate(() => Reflect.get(window, '__samePage'))).toBe(true);
    expect(page.url()).toMatch(new RegExp(`/products/${SPEAKER.id}$`));
  });

  test('− at quantity 1 removes the line, and Undo restores it, without reloading the page or a CSP violation', async ({
    page,
  }) => {
    // Server Actions post with fetch and render with the page's nonce: nothing needs 'unsafe-inline' or eval.
    const violations = await watchCspViolations(page);
    const product = new ProductPage(page);
    await product.goto(SPEAKER.id);
    await product.addToCart(1);
    const cart = new CartPage(page);
    await cart.goto();
    await page.evaluate(() => Reflect.set(window, '__samePage', true));

    await cart.increase(SPEAKER.id);
    await cart.decrease(SPEAKER.id);
    await cart
      .line(SPEAKER.id)
      .getByRole('button', { name: /^Decrease quantity/ })
      .click();
    await expect(cart.line(SPEAKER.id)).toHaveCount(0);
    await expect(cart.notice).toContainText(`Removed ${SPEAKER.name}`);
    await expect(product.cartBadge).toHaveAttribute('data-value', '0');

    await cart.undoRemove(SPEAKER.id);
    expect(await cart.quantityOf(SPEAKER.id)).toBe(1);
    await expect(product.cartBadge).toHaveAttribute('data-value', '1');
    expect(await page.evaluate(() => Reflect.get(window, '__samePage'))).toBe(true);
    expect(violations).toEqual([]);
  });

  test('Remove then Undo puts the same quantity back; the notice takes the focus the removed line had', async ({
    page,
  }, testInfo) => {
    const product = new ProductPage(page);
    await product.goto(SPEAKER.id);
    await product.addToCart(3);
    const cart = new CartPage(page);
    await cart.goto();
    await cart.remove(SPEAKER.id);
    await expect(cart.notice).toContainText(`Removed ${SPEAKER.name}`);
    await expect(cart.notice).toBeFocused();
    await expectNoSeriousViolations(page, 'cart (removed, Undo)', testInfo);
    await cart.undoRemove(SPEAKER.id);
    expect(await cart.quantityOf(SPEAKER.id)).toBe(3);
    expect(await cartLines(page)).toEqual([{ productId: SPEAKER.id, quantity: 3 }]);
  });

  test('a typed quantity updates the line in place', async ({ page }) => {
    const product = new ProductPage(page);
    await product.goto(SPEAKER.id);
    await product.addToCart(1);
    const cart = new CartPage(page);
    await cart.goto();
    await cart.setQuantity(SPEAKER.id, 3);
    await expect(product.cartBadge).toHaveAttribute('data-value', '3');
  });
});
