import { expect, test } from '@playwright/test';
import { EmulatorControl } from '../../test/emulator-control';
import { ProductPage } from '../pages/product-page';
import { StorePage } from '../pages/store-page';
import { parseCsp, scriptElements, scriptNonce, sha256Source } from '../support/csp';
import { watchCspViolations } from '../support/csp-violations';
import { buyProduct } from '../support/shopper';

/** Every kind of page the store serves, prerendered (the catalog) and per request, including the 404s. */
const PAGES = [
  '/',
  '/categories/gifts',
  '/products/soy-candle',
  '/products/no-such-product',
  '/cart',
  '/checkout',
  '/checkout/complete?session_id=cs_test_unknown',
  '/no-such-page',
];

const STRIPE_SCRIPT = ['https://js.stripe.com', 'https://*.js.stripe.com'];
const STRIPE_FRAME = ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'];
const STRIPE_CONNECT = ['https://api.stripe.com', 'https://*.stripe.com'];

test.describe('every page answers with the security headers', () => {
  for (const path of PAGES) {
    test(`${path} sends a CSP that runs no inline script without this response's nonce, and the other headers`, async ({
      request,
    }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect([200, 404]).toContain(response.status());
      const headers = response.headers();

      const header = headers['content-security-policy'];
      expect(header, 'Content-Security-Policy header').toBeTruthy();
      const csp = parseCsp(header ?? '');
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      const script = csp.get('script-src') ?? [];
      expect(script).toEqual(expect.arrayContaining(["'self'", ...STRIPE_SCRIPT]));
      // Nothing that lets an injected script run: no inline or eval, no scheme or wildcard source, and only one hash
      // (React's fixed shell script). 'strict-dynamic' would make browsers ignore 'self' and block the prerendered shell.
      for (const unsafe of [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'unsafe-hashes'",
        "'strict-dynamic'",
        '*',
        'https:',
        'http:',
        'data:',
        'blob:',
      ]) {
        expect(script).not.toContain(unsafe);
      }
      expect(script.filter((source) => source.startsWith("'sha")).length).toBeLessThanOrEqual(1);
      expect(csp.get('frame-src')).toEqual(expect.arrayContaining(STRIPE_FRAME));
      expect(csp.get('connect-src')).toEqual(expect.arrayContaining(["'self'", ...STRIPE_CONNECT]));
      const emulator = EmulatorControl.fromEnv();
      if (emulator) {
        const origin = new URL(emulator.url).origin;
        expect(csp.get('script-src')).toContain(origin);
        expect(csp.get('connect-src')).toContain(origin);
      } else {
        expect(header).not.toMatch(/http:\/\//);
      }

      // Every script the page carries is allowed, and only this way: an inline one by this response's nonce (or,
      // React's shell script, by its hash); one from a file by the nonce or as the store's own build output.
      const nonce = scriptNonce(csp);
      expect(nonce).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
      const scripts = scriptElements(await response.text());
      expect(scripts.filter((s) => s.nonce === nonce).length).toBeGreaterThan(0);
      for (const element of scripts) {
        if (element.nonce !== null) expect(element.nonce, element.tag).toBe(nonce);
        else if (element.src !== null) expect(element.src, element.tag).toMatch(/^\/_next\/static\//);
        else expect(script, element.body).toContain(sha256Source(element.body));
      }

      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['permissions-policy']).toMatch(/payment=\(self "https:\/\/js\.stripe\.com"/);
      expect(headers['permissions-policy']).toContain('camera=()');
      // The e2e server is a production build, and a preview deployment is production too.
      expect(headers['strict-transport-security']).toMatch(/^max-age=\d{7,}; includeSubDomains/);
      expect(headers['x-powered-by']).toBeUndefined();
    });
  }

  test('every page view gets a fresh nonce', async ({ request }) => {
    const nonces = new Set<string | null>();
    for (let i = 0; i < 3; i += 1) {
      const response = await request.get('/');
      nonces.add(scriptNonce(parseCsp(response.headers()['content-security-policy'] ?? '')));
    }
    expect(nonces.size).toBe(3);
  });

  test('API responses allow nothing to load and cannot be sniffed or framed', async ({ request }) => {
    const response = await request.get('/api/cart');
    expect(response.status()).toBeLessThan(500);
    const headers = response.headers();
    expect(parseCsp(headers['content-security-policy'] ?? '').get('default-src')).toEqual(["'none'"]);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  test('an injected inline script without the nonce does not run', async ({ page }) => {
    const violations = await watchCspViolations(page);
    await page.route('**/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</body>',
        '<script>window.__injected = true;</script><img src="x" onerror="window.__injected = true"></body>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto('/');
    await expect(page.getByTestId('product-card').first()).toBeVisible();
    expect(await page.evaluate(() => Reflect.get(window, '__injected'))).toBeUndefined();
    await expect.poll(() => violations.filter((v) => v.directive.startsWith('script-src')).length).toBeGreaterThan(0);
  });

  test('an injected script from another origin does not run', async ({ page }) => {
    const violations = await watchCspViolations(page);
    await page.route('https://attacker.example/**', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'window.__injected = true;' }),
    );
    await page.route('**/products/soy-candle', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</body>',
        '<script src="https://attacker.example/x.js"></script></body>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto('/products/soy-candle');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect.poll(() => violations.map((v) => v.blocked)).toContain('https://attacker.example/x.js');
    expect(await page.evaluate(() => Reflect.get(window, '__injected'))).toBeUndefined();
  });

  test('the prerendered catalog pages hydrate under the policy with no CSP violation', async ({ page }) => {
    const violations = await watchCspViolations(page);
    const store = new StorePage(page);
    await store.goto();
    await store.goto('gifts');
    await expect(store.productCards.first()).toBeVisible();
    const product = new ProductPage(page);
    await product.goto('soy-candle');
    // Added inline, without leaving the page: the form has hydrated.
    await product.addToCart(1);
    expect(violations).toEqual([]);
  });

  test('another site cannot frame the store', async ({ page, baseURL }) => {
    const store = new URL('/', baseURL).href;
    // A document that is not the store (about:blank) tries to frame it.
    await page.setContent(`<iframe src="${store}" width="800" height="600"></iframe>`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const framedCards = frame ? await frame.locator('[data-testid="product-card"]').count() : 0;
    expect(framedCards).toBe(0);
  });

  test('the whole checkout works under the policy with no CSP violation', async ({ page }) => {
    const violations = await watchCspViolations(page);
    const order = await buyProduct(page, 'soy-candle');
    expect(order.orderNumber).toMatch(/^#\d+$/);
    expect(violations).toEqual([]);
  });
});
