import { expect, test } from '@playwright/test';
import { CheckoutPage } from '../pages/checkout-page';
import { ProductPage } from '../pages/product-page';
import { StorePage } from '../pages/store-page';
import { layoutShift } from '../support/layout-shift';

/**
 * The catalog pages are prerendered (Cache Components): every shopper gets the same static shell, served without
 * rendering or a database read, and only the cart count, the stock hints and the test-mode banner (whose shell holds
 * the build's) are rendered per request, after it. Pages that are the shopper's own (cart, checkout, the return page) are rendered per request.
 */

const PRERENDERED = [
  { path: '/', content: 'All products' },
  { path: '/categories/gifts', content: 'Gifts products' },
  { path: '/products/soy-candle', content: 'Add to cart' },
];
const PER_REQUEST = ['/cart', '/checkout'];

/**
 * The document up to its first script carrying this response's nonce: what was sent before anything was rendered for
 * this request. For a prerendered page that is its static shell, built once without a request (so without a nonce).
 */
function sentBeforeRendering(html: string): string {
  const first = html.indexOf(' nonce="');
  return first === -1 ? html : html.slice(0, first);
}

test('a catalog page is its prerendered shell, the same for every shopper, with their cart count sent after it', async ({
  playwright,
  baseURL,
}) => {
  const someone = await playwright.request.newContext({ baseURL });
  const newcomer = await playwright.request.newContext({ baseURL });
  try {
    expect((await someone.post('/api/cart/items', { data: { productId: 'soy-candle', quantity: 3 } })).ok()).toBe(true);
    for (const { path, content } of PRERENDERED) {
      const theirs = await (await someone.get(path)).text();
      const shell = sentBeforeRendering(theirs);
      expect(shell, path).toContain(content);
      expect(shell, path).toContain('</main>');
      expect(shell, path).not.toContain('data-testid="cart-badge"');
      expect(theirs.slice(shell.length), path).toContain('data-testid="cart-badge" data-value="3"');
      expect(sentBeforeRendering(await (await newcomer.get(path)).text()), path).toBe(shell);
    }
    for (const path of PER_REQUEST) {
      expect(sentBeforeRendering(await (await someone.get(path)).text()), path).not.toContain('<main');
    }
  } finally {
    await someone.dispose();
    await newcomer.dispose();
  }
});

test('the old category URLs lead to the category pages', async ({ request }) => {
  const response = await request.get('/?category=gifts', { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(new URL(response.headers().location ?? '', 'http://store.test').pathname).toBe('/categories/gifts');
});

test('a prerendered page shows each shopper their own cart count, never another’s', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const firstShopper = await first.newPage();
    const secondShopper = await second.newPage();
    const added = await firstShopper.request.post('/api/cart/items', {
      data: { productId: 'soy-candle', quantity: 3 },
    });
    expect(added.ok()).toBe(true);

    for (const { path } of PRERENDERED) {
      await firstShopper.goto(path);
      await expect(new StorePage(firstShopper).cartBadge, path).toHaveAttribute('data-value', '3');
      await secondShopper.goto(path);
      await expect(new StorePage(secondShopper).cartBadge, path).toHaveAttribute('data-value', '0');
    }

    // And after the second shopper adds to their own cart, on the same prerendered page.
    const product = new ProductPage(secondShopper);
    await product.goto('soy-candle');
    await product.addToCart(1);
    await firstShopper.reload();
    await expect(new StorePage(firstShopper).cartBadge).toHaveAttribute('data-value', '3');
  } finally {
    await first.close();
    await second.close();
  }
});

test('on a slow phone, the catalog pages do not move while their streamed parts arrive', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.request.post('/api/cart/items', { data: { productId: 'soy-candle', quantity: 1 } });
    // A phone's CPU on slow 4G (Lighthouse's mobile preset), so the shell is painted before what streams after it.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    for (const { path } of PRERENDERED) {
      await page.goto(path);
      await expect(new StorePage(page).cartBadge).toHaveAttribute('data-value', '1');
      const shift = await layoutShift(page);
      test.info().annotations.push({ type: `layout shift ${path} (390 × 844)`, description: shift.toFixed(4) });
      expect(shift, path).toBeLessThan(0.05);
    }
  } finally {
    await context.close();
  }
});

test('the header prefetches the category pages, but not on the checkout', async ({ page }) => {
  const prefetched: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).searchParams.has('_rsc')) prefetched.push(new URL(request.url()).pathname);
  });
  await page.goto('/products/soy-candle');
  await expect.poll(() => prefetched.filter((path) => path.startsWith('/categories/')).length).toBeGreaterThan(0);

  expect((await page.request.post('/api/cart/items', { data: { productId: 'soy-candle', quantity: 1 } })).ok()).toBe(
    true,
  );
  prefetched.length = 0;
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.waitUntilReady();
  await page.waitForTimeout(1000);
  expect(prefetched.filter((path) => path.startsWith('/categories/'))).toEqual([]);
});
