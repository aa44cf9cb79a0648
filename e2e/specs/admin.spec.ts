import { expect, type Page, test } from '@playwright/test';
import { EmulatorControl } from '../../test/emulator-control';
import { TEST_ADDRESS } from '../../test/fixtures/addresses';
import { SignInPage } from '../pages/account-pages';
import { ADMIN_PAGES, AdminOrdersPage, AdminPromotionsPage } from '../pages/admin-pages';
import { CARDS } from '../pages/checkout-page';
import { OrderPage } from '../pages/order-page';
import { expectNoSeriousViolations } from '../support/axe';
import { addProductToCart, openCheckoutFromCart } from '../support/shopper';

/**
 * The merchant console: the demo merchant (README, "Merchant console": local only) finds an order a shopper paid with
 * a code and refunds it through Stripe; shoppers and visitors never see the console. Emulator only (demo accounts).
 */

const emulator = EmulatorControl.fromEnv();
const DEMO_PASSWORD = 'demo-password-1';

test.skip(!emulator, 'uses the demo merchant seeded with the Stripe emulator');

async function signIn(page: Page, email: string, returnTo?: string): Promise<void> {
  const signInPage = new SignInPage(page);
  await signInPage.goto(returnTo);
  await signInPage.signIn(email, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/account/sign-in'));
}

/** A guest buys the pour-over ($48) with `code`; the order number from the return page. */
async function guestBuysWithCode(page: Page, email: string, code = 'WELCOME10'): Promise<string> {
  await addProductToCart(page, 'ceramic-pour-over', 1);
  const checkout = await openCheckoutFromCart(page);
  await checkout.options.applyCode(code);
  await checkout.fillEmail(email);
  await checkout.fillAddress(TEST_ADDRESS);
  await checkout.waitForShippingPriced();
  await checkout.fillCard(CARDS.visa);
  await checkout.pay();
  const order = new OrderPage(page);
  await order.waitForArrival();
  return ((await order.orderNumber.textContent()) ?? '').replace('#', '').trim();
}

test.describe('merchant console', () => {
  test('a merchant finds an order paid with a code, refunds part then the rest, and sees it refunded', async ({
    browser,
    page,
  }, testInfo) => {
    const shopper = await browser.newContext();
    const email = `admin-e2e-${Date.now()}@example.com`;
    const orderNumber = await guestBuysWithCode(await shopper.newPage(), email);
    await shopper.close();

    await signIn(page, 'merchant@example.com', '/admin');
    await expect(page).toHaveURL(/\/admin\/orders$/);
    const orders = new AdminOrdersPage(page);
    await orders.search(email);
    await expect(orders.rows).toHaveCount(1);
    await expect(orders.row(orderNumber)).toContainText('WELCOME10');
    const detail = await orders.open(orderNumber);
    await expect(detail.status).toHaveText('Paid');
    await expect(page.getByTestId('order-discount').first()).toContainText('WELCOME10');
    await expect(page.getByTestId('order-payment-intent')).toHaveText(/^pi_/);
    await expectNoSeriousViolations(page, 'admin order', testInfo);

    // Stripe may deliver an event more than once: every charge.refunded from here on arrives twice.
    const control = EmulatorControl.requireEnv();
    await control.configureWebhooks({ duplicate: true });
    await detail.refund({ amount: '10.00', note: 'Chipped lid' });
    await expect(detail.status).toHaveText('Partially refunded');
    await expect(detail.refunded).toHaveText('$10.00');
    await expect(page.getByTestId('order-refund')).toHaveCount(1);

    await detail.refund({ releaseCodes: true });
    await expect(detail.status).toHaveText('Refunded');
    await expect(page.getByTestId('order-refund')).toHaveCount(2);
    await expect(detail.refundForm).toHaveCount(0);
    await expect(page.getByTestId('order-discount').first()).toContainText('released by a refund');
    await expect(page.getByTestId('order-refunded')).toHaveText(await page.getByTestId('order-total').innerText());

    // Both charge.refunded events were delivered twice, and the order still has its two refunds.
    await expect
      .poll(async () => (await control.deliveries()).filter((delivery) => delivery.type === 'charge.refunded').length)
      .toBeGreaterThanOrEqual(4);
    await control.resetWebhookSwitches();
    await page.reload();
    await expect(page.getByTestId('order-refund')).toHaveCount(2);

    await orders.goto(`q=${encodeURIComponent(email)}&status=refunded`);
    await expect(orders.row(orderNumber)).toContainText('Refunded');
  });

  test('a merchant signs in, creates a code, a shopper uses it, the merchant sees the redemption and refunds the order', async ({
    browser,
    page,
  }) => {
    const suffix = Date.now().toString(36);
    const rule = { id: `e2e-${suffix}`, code: `E2E${suffix}`.toUpperCase(), label: `E2E ${suffix}`, percent: '20' };
    await signIn(page, 'merchant@example.com', '/admin/promotions');
    const promotions = new AdminPromotionsPage(page);
    await promotions.createCode(rule);
    await promotions.goto();
    await expect(promotions.row(rule.label)).toContainText(rule.code);
    await expect(promotions.row(rule.label).getByTestId('promotion-status')).toHaveText('Enabled');
    await expect(promotions.row(rule.label).getByTestId('promotion-uses')).toHaveText('0');

    const shopper = await browser.newContext();
    const email = `admin-code-${suffix}@example.com`;
    const orderNumber = await guestBuysWithCode(await shopper.newPage(), email, rule.code.toLowerCase());
    await shopper.close();

    await expect(async () => {
      await promotions.goto();
      await expect(promotions.row(rule.label).getByTestId('promotion-uses')).toHaveText('1', { timeout: 1_000 });
    }).toPass();
    const orders = new AdminOrdersPage(page);
    await orders.goto(`q=${encodeURIComponent(email)}`);
    await expect(orders.row(orderNumber)).toContainText(rule.code);
    const detail = await orders.open(orderNumber);
    await expect(page.getByTestId('order-discount').filter({ hasText: rule.code })).toContainText(rule.label);
    await detail.refund({ releaseCodes: true });
    await expect(detail.status).toHaveText('Refunded');
  });

  test('axe finds nothing serious on any console page', async ({ page }, testInfo) => {
    await signIn(page, 'merchant@example.com', '/admin');
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      await expect(page.getByRole('navigation', { name: 'Merchant console' })).toBeVisible();
      await expectNoSeriousViolations(page, path, testInfo);
    }
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('link', { name: 'gold@example.com' }).click();
    await expect(page.getByTestId('customer-tier')).toHaveText('Gold');
    await expectNoSeriousViolations(page, 'admin customer', testInfo);
  });

  test('a visitor is sent to sign in; a shopper gets the store’s 404 with no sign of a console', async ({ page }) => {
    await page.goto('/admin/orders');
    await expect(page).toHaveURL(/\/account\/sign-in\?returnTo=%2Fadmin%2Forders/);
    const csv = await page.request.get('/admin/orders/export');
    expect(csv.status()).toBe(401);

    await signIn(page, 'silver@example.com');
    // The store's not-found page (streamed, so its status is the shell's), as for any path that does not exist.
    const response = await page.goto('/admin/orders');
    await expect(page.getByTestId('not-found')).toBeVisible();
    const html = (await response?.text()) ?? '';
    expect(html).not.toMatch(/merchant console|Export CSV/i);
    expect((await page.request.get('/admin/orders/export')).status()).toBe(404);
  });
});
