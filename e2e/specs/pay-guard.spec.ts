import { expect, type Page, test } from '@playwright/test';
import { z } from 'zod';
import { EmulatorControl } from '../../test/emulator-control';
import { LONDON_ADDRESS, TEST_ADDRESS, type TestAddress } from '../../test/fixtures/addresses';
import { CARDS, CheckoutPage } from '../pages/checkout-page';
import { OrderPage } from '../pages/order-page';
import { expectNoSeriousViolations } from '../support/axe';
import { countOrdersForSession, databaseUrl } from '../support/orders-db';
import { addProductToCart, openCheckoutFromCart } from '../support/shopper';

/**
 * A tab can only pay for the state it displays, and only after the server priced it: Pay first sends every pending
 * edit, then asks the server whether the order is still the one this tab shows; another tab's change is taken in
 * (and announced) instead of being charged unseen.
 */

const emulator = EmulatorControl.fromEnv();
const NEEDS_EMULATOR = 'reads the Checkout Session from the local Stripe emulator';

const AUSTIN_PO_BOX: TestAddress = {
  name: 'Grace Hopper',
  line1: 'PO Box 1234',
  city: 'Austin',
  state: 'TX',
  postalCode: '78701',
  country: 'US',
};

const shippingSchema = z
  .object({
    status: z.string(),
    amount_total: z.number().int(),
    collected_information: z
      .object({
        shipping_details: z
          .object({
            name: z.string().nullable().optional(),
            address: z.object({ city: z.string().nullable(), country: z.string().nullable() }).loose(),
          })
          .loose()
          .nullable(),
      })
      .loose()
      .nullable(),
    shipping_cost: z.object({ amount_total: z.number().int() }).loose().nullable(),
  })
  .loose();

/** What Stripe holds for the session: status, total, the collected shipping address and its shipping amount. */
async function stripeShipping(sessionId: string) {
  const session = shippingSchema.parse(await EmulatorControl.requireEnv().session(sessionId));
  return {
    status: session.status,
    total: session.amount_total,
    city: session.collected_information?.shipping_details?.address.city ?? null,
    country: session.collected_information?.shipping_details?.address.country ?? null,
    shipping: session.shipping_cost?.amount_total ?? null,
  };
}

/** This tab's scripts see no BroadcastChannel (older browsers): only the check at Pay protects it. */
async function withoutBroadcastChannel(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'BroadcastChannel');
  });
}

async function openSecondTab(page: Page): Promise<CheckoutPage> {
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.waitUntilReady();
  await checkout.options.waitUntilLoaded();
  await checkout.options.waitForSettled();
  return checkout;
}

test.describe('a tab pays only for the order it shows', () => {
  test('a stale tab does not pay: it shows the new total, says why, and pays that on the next click', async ({
    page,
    context,
  }) => {
    test.skip(!emulator, NEEDS_EMULATOR);
    const tabA = page;
    await withoutBroadcastChannel(tabA);
    await addProductToCart(tabA, 'aurora-headphones', 1);
    await addProductToCart(tabA, 'soy-candle', 1);
    const checkoutA = await openCheckoutFromCart(tabA);
    const sessionId = await checkoutA.sessionId();
    await checkoutA.fillEmail('stale@example.com');
    await checkoutA.fillAddress(TEST_ADDRESS);
    await checkoutA.waitForShippingPriced();
    await checkoutA.fillCard(CARDS.visa);
    await checkoutA.options.waitForSettled();
    const shownInA = await checkoutA.totalAmount();

    const tabB = await context.newPage();
    const checkoutB = await openSecondTab(tabB);
    expect(await checkoutB.sessionId()).toBe(sessionId);
    await checkoutB.options.setAddOn(true, 'extended-warranty', 'aurora-headphones');
    await checkoutB.options.increase('soy-candle');
    const newTotal = await checkoutB.totalAmount();
    expect(newTotal).toBeGreaterThan(shownInA);
    await expect.poll(() => EmulatorControl.requireEnv().amountTotal(sessionId)).toBe(newTotal);
    // Tab A has not heard of it.
    await expect(checkoutA.total).toHaveAttribute('data-value', String(shownInA));

    await test.step('Pay in the stale tab charges nothing and shows the order as it is now', async () => {
      await checkoutA.pay();
      await expect(checkoutA.orderChanged).toBeVisible({ timeout: 20_000 });
      await expect(checkoutA.orderChanged).toHaveAttribute('role', 'alert');
      await expect(checkoutA.orderChanged).toContainText('Your order changed in another tab');
      await expect(checkoutA.total).toHaveAttribute('data-value', String(newTotal));
      await expect(checkoutA.payButton).toContainText((await checkoutA.total.textContent()) ?? '');
      await expect(tabA.getByTestId('quantity-soy-candle-value')).toHaveAttribute('data-value', '2');
      await expect(checkoutA.options.addOn('extended-warranty', 'aurora-headphones')).toBeChecked();
      expect(tabA.url()).toMatch(/\/checkout$/);
      const stripe = await stripeShipping(sessionId);
      expect(stripe.status).toBe('open');
      expect(stripe.total).toBe(newTotal);
      // With PostgreSQL (DATABASE_URL) the store's own record is checked too: no order.
      if (databaseUrl) expect(await countOrdersForSession(sessionId)).toBe(0);
    });

    await test.step('Pay again pays the total now shown', async () => {
      await checkoutA.pay();
      const order = new OrderPage(tabA);
      await order.waitForArrival();
      await expect(order.status).toHaveAttribute('data-value', 'paid');
      expect(await order.totalAmount()).toBe(newTotal);
      const stripe = await stripeShipping(sessionId);
      expect(stripe.status).toBe('complete');
      expect(stripe.total).toBe(newTotal);
    });
  });

  test('another tab’s update reaches this tab by itself', async ({ page, context }) => {
    const tabA = page;
    await addProductToCart(tabA, 'aurora-headphones', 1);
    await addProductToCart(tabA, 'soy-candle', 1);
    const checkoutA = await openCheckoutFromCart(tabA);
    const sessionId = await checkoutA.sessionId();
    const before = await checkoutA.totalAmount();

    const tabB = await context.newPage();
    const checkoutB = await openSecondTab(tabB);
    await checkoutB.options.setAddOn(true, 'gift-wrap');
    await checkoutB.options.increase('soy-candle');
    const newTotal = await checkoutB.totalAmount();
    expect(newTotal).toBeGreaterThan(before);

    // No click, no reload in tab A.
    await expect(checkoutA.total).toHaveAttribute('data-value', String(newTotal), { timeout: 20_000 });
    await expect(checkoutA.syncedFromOtherTab).toBeVisible();
    await expect(checkoutA.syncedFromOtherTab).toContainText('Updated from another tab');
    await expect(checkoutA.options.addOn('gift-wrap')).toBeChecked();
    await expect(tabA.getByTestId('quantity-soy-candle-value')).toHaveAttribute('data-value', '2');
    if (emulator) expect(await emulator.amountTotal(sessionId)).toBe(newTotal);
  });
});

test.describe('Pay sends the address being typed, and waits for a complete one', () => {
  test('an address changed just before Pay is the one the order ships to, at its shipping price', async ({ page }) => {
    test.skip(!emulator, NEEDS_EMULATOR);
    await addProductToCart(page, 'leather-journal', 1);
    const checkout = await openCheckoutFromCart(page);
    const sessionId = await checkout.sessionId();
    await checkout.fillEmail('flush@example.com');
    await checkout.fillAddress(AUSTIN_PO_BOX);
    await checkout.waitForShippingPriced();
    await checkout.fillCard(CARDS.visa);
    await checkout.options.waitForSettled();
    const austin = await stripeShipping(sessionId);
    expect(austin.city).toBe('Austin');
    const usShipping = austin.shipping ?? 0;

    const addressPosts: number[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/checkout/shipping-address') {
        addressPosts.push(Date.now());
      }
    });
    // Within the address debounce: nothing has been sent for London yet.
    await checkout.fillAddress(LONDON_ADDRESS);
    const typed = Date.now();
    await checkout.payButton.click();

    const order = new OrderPage(page);
    await order.waitForArrival();
    await expect(order.status).toHaveAttribute('data-value', 'paid');
    await expect(order.address).toContainText('London');
    const paid = await stripeShipping(sessionId);
    expect(paid.status).toBe('complete');
    expect(paid).toMatchObject({ city: 'London', country: 'GB' });
    expect(paid.shipping ?? 0).toBeGreaterThan(usShipping);
    expect(await order.totalAmount()).toBe(paid.total);
    // London reached the server before the payment did (on a slow machine the debounce may also have sent a
    // half-typed address on the way; what counts is that the paid session is London's).
    expect(addressPosts.length).toBeGreaterThanOrEqual(1);
    test
      .info()
      .annotations.push({ type: 'address sent after typing', description: `${(addressPosts.at(-1) ?? 0) - typed} ms` });
  });

  test('a country changed right before Pay, before the form even reported it, is sent by Pay itself', async ({
    page,
  }) => {
    test.skip(!emulator, NEEDS_EMULATOR);
    await addProductToCart(page, 'leather-journal', 1);
    const checkout = await openCheckoutFromCart(page);
    const sessionId = await checkout.sessionId();
    await checkout.fillEmail('country@example.com');
    await checkout.fillAddress(AUSTIN_PO_BOX);
    await checkout.waitForShippingPriced();
    await checkout.fillCard(CARDS.visa);
    await checkout.options.waitForSettled();
    const usShipping = (await stripeShipping(sessionId)).shipping ?? 0;

    const addressPosts: number[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/checkout/shipping-address') {
        addressPosts.push(Date.now());
      }
    });
    let confirmedAt: number | null = null;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/confirm')) {
        confirmedAt ??= Date.now();
      }
    });
    await checkout.selectAddressCountry('GB');
    const changed = Date.now();
    await checkout.payButton.click();

    const order = new OrderPage(page);
    await order.waitForArrival();
    await expect(order.status).toHaveAttribute('data-value', 'paid');
    const paid = await stripeShipping(sessionId);
    expect(paid.country).toBe('GB');
    expect(paid.shipping ?? 0).toBeGreaterThan(usShipping);
    expect(await order.totalAmount()).toBe(paid.total);
    // Pay read the element's value and sent it before confirming (whether or not the form had reported the change).
    expect(addressPosts.length).toBeGreaterThanOrEqual(1);
    expect(addressPosts[0] ?? Number.POSITIVE_INFINITY).toBeLessThan(confirmedAt ?? 0);
    test.info().annotations.push({
      type: 'address sent after the change',
      description: `${(addressPosts[0] ?? 0) - changed} ms`,
    });
  });

  test('an address with no city keeps Pay disabled, says why, and the old address is not paid for', async ({
    page,
  }) => {
    test.skip(!emulator, NEEDS_EMULATOR);
    await addProductToCart(page, 'leather-journal', 1);
    const checkout = await openCheckoutFromCart(page);
    const sessionId = await checkout.sessionId();
    await checkout.fillEmail('nocity@example.com');
    await checkout.fillAddress(AUSTIN_PO_BOX);
    await checkout.waitForShippingPriced();
    await checkout.fillCard(CARDS.visa);
    await checkout.options.waitForSettled();

    await checkout.fillAddress({ ...LONDON_ADDRESS, city: '' });
    await expect(checkout.payButton).toBeDisabled();
    await expect(checkout.addressPayBlock).toContainText('Finish your shipping address');
    await checkout.payButton.click({ force: true });
    await page.waitForTimeout(1_500);
    expect(page.url()).toMatch(/\/checkout$/);
    const stripe = await stripeShipping(sessionId);
    expect(stripe.status).toBe('open');
    expect(stripe.city).toBe('Austin');

    await test.step('with the city filled in, the new address is priced and Pay is enabled again', async () => {
      await checkout.fillAddressField('locality', 'London');
      await expect(checkout.addressPayBlock).toHaveCount(0, { timeout: 20_000 });
      await checkout.options.waitForSettled();
      await expect(checkout.payButton).toBeEnabled();
      await expect.poll(async () => (await stripeShipping(sessionId)).city).toBe('London');
    });
  });
});

test.describe('Pay and the gift message card', () => {
  const giftMessageRecord = z.object({ giftMessage: z.string().nullable() });

  async function giftCheckout(page: Page, email: string): Promise<CheckoutPage> {
    await addProductToCart(page, 'soy-candle', 1);
    const checkout = await openCheckoutFromCart(page);
    await checkout.fillEmail(email);
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    await checkout.fillCard(CARDS.visa);
    await checkout.options.setAddOn(true, 'gift-wrap');
    return checkout;
  }

  test('ticked with no message, the card holds Pay and says so at the field; untick it or write one and Pay is back', async ({
    page,
  }, testInfo) => {
    const checkout = await giftCheckout(page, 'card@example.com');
    const options = checkout.options;
    const required = page.getByTestId('gift-message-required');

    await options.addOn('gift-message').check();
    await expect(options.giftMessage).toBeFocused();
    await expect(checkout.payButton).toBeDisabled();
    await expect(required).toHaveText('Write a message for the card, or untick it.');
    const requiredId = await required.getAttribute('id');
    expect(requiredId).toBeTruthy();
    expect((await options.giftMessage.getAttribute('aria-describedby'))?.split(' ')).toContain(requiredId);
    // Leaving the empty field changes nothing: still held, still said at the field.
    await checkout.email.focus();
    await expect(checkout.payButton).toBeDisabled();
    await expect(required).toBeVisible();
    await expectNoSeriousViolations(page, 'checkout (gift message missing)', testInfo);

    await options.addOn('gift-message').uncheck();
    await expect(required).toHaveCount(0);
    await expect(checkout.payButton).toBeEnabled();

    await options.addOn('gift-message').check();
    await expect(checkout.payButton).toBeDisabled();
    await options.writeGiftMessage('Happy birthday!');
    await expect(required).toHaveCount(0);
    await expect(options.addOn('gift-message')).toBeChecked();
    await expect(checkout.payButton).toBeEnabled();
  });

  test('a message typed and Pay clicked at once: the one click saves the message and pays', async ({ page }) => {
    const checkout = await giftCheckout(page, 'one-click@example.com');
    const sessionId = await checkout.sessionId();
    await checkout.options.addOn('gift-message').check();
    await checkout.options.giftMessage.fill('With love, from one click');
    // No blur first, no second click.
    await checkout.payButton.click();

    const order = new OrderPage(page);
    await order.waitForArrival();
    await expect(order.status).toHaveAttribute('data-value', 'paid');
    await expect(order.lines.filter({ hasText: 'Gift message card' })).toHaveCount(1);
    const record = giftMessageRecord.parse(
      await (await page.request.get(`/api/checkout/state?sessionId=${encodeURIComponent(sessionId)}`)).json(),
    );
    expect(record.giftMessage).toBe('With love, from one click');
  });
});
