import { expect, test } from '@playwright/test';
import { EmulatorControl } from '../../test/emulator-control';
import { TEST_ADDRESS, type TestAddress } from '../../test/fixtures/addresses';
import type { CheckoutOptions } from '../pages/checkout-options';
import { CARDS, type CheckoutPage } from '../pages/checkout-page';
import { minorUnits } from '../pages/money';
import { OrderPage } from '../pages/order-page';
import { addProductToCart, openCheckoutFromCart } from '../support/shopper';

/**
 * Discounts go through our server. Codes are applied and refused with the engine's messages, automatic
 * promotions follow the cart, the address and the clock, and the discount line and total are always Stripe's.
 */

const emulator = EmulatorControl.fromEnv();

const CANADA: TestAddress = {
  name: 'Ada Lovelace',
  line1: '1 Rue Sainte-Catherine',
  city: 'Montréal',
  state: 'QC',
  postalCode: 'H2X 1Y4',
  country: 'CA',
};

// Runs in order: the clock test moves the shared emulator clock, which would expire the other test's session.
test.describe.configure({ mode: 'serial' });

/** Stripe's discount and total as the page shows them, checked against the emulator's session. */
async function stripeAmounts(checkout: CheckoutPage): Promise<{ discount: number; total: number }> {
  await checkout.options.waitForSettled();
  const { subtotal, shipping, discount, taxAdded, total } = await checkout.amounts();
  expect(total).toBe(subtotal + shipping - discount + taxAdded);
  if (emulator) {
    const sessionId = await checkout.sessionId();
    await expect
      .poll(async () => {
        const session = await emulator.session(sessionId);
        return { discount: session.total_details.amount_discount, total: session.amount_total };
      })
      .toEqual({ discount, total });
  }
  return { discount, total };
}

const ALL_US_METHODS = ['standard', 'express', 'overnight'];

/** The picker shows every method offered for a US address as a usable radio, not "Loading shipping options…". */
async function expectShippingPickerComplete(options: CheckoutOptions): Promise<void> {
  // Stripe lists the chosen method first: compare the set, not the order.
  await expect.poll(async () => (await options.shippingMethodIds()).sort()).toEqual([...ALL_US_METHODS].sort());
  await expect(options.shippingOptionsEmpty).toHaveCount(0);
  for (const methodId of ALL_US_METHODS) {
    await expect(options.shippingOption(methodId)).toBeVisible();
    await expect(options.shippingOption(methodId)).toBeEnabled();
  }
}

async function advanceClock(seconds: number): Promise<void> {
  await EmulatorControl.requireEnv().advanceClock(seconds);
}

test.describe('discount codes and automatic promotions, priced by the server and Stripe', () => {
  test('codes, cart-value and regional promotions change Stripe’s total; the paid order carries the discount', async ({
    page,
  }) => {
    await addProductToCart(page, 'ceramic-pour-over', 1); // $48
    const checkout = await openCheckoutFromCart(page);
    const start = await stripeAmounts(checkout);
    expect(start.discount).toBe(0);

    await test.step('an unknown code shows its message and changes nothing', async () => {
      await checkout.options.startApplyingCode('nosuchcode');
      await expect(checkout.options.discountErrors).toHaveText(
        "We don't recognise that code. Check the spelling and try again.",
      );
      expect(await stripeAmounts(checkout)).toEqual(start);
    });

    await test.step('a valid code adds a discount line and lowers the total', async () => {
      await checkout.options.startApplyingCode(' welcome10 ');
      await expect(checkout.options.discount('WELCOME10')).toContainText('10% off your order');
      await expect(checkout.options.discountErrors).toHaveCount(0);
      await expect(checkout.discount).toHaveAttribute('data-value', '480');
      expect(await stripeAmounts(checkout)).toEqual({ discount: 480, total: start.total - 480 });
    });

    await test.step('close to a cart-value promotion, a hint; past it, the promotion; back under, gone', async () => {
      await checkout.options.increase('ceramic-pour-over'); // $96
      await expect(page.getByTestId('promotion-hint')).toHaveText('$4.00 more for $10 off');
      await checkout.options.increase('ceramic-pour-over'); // $144
      await expect(page.getByTestId('automatic-discount')).toHaveText(/\$10 off \$100\+/);
      expect((await stripeAmounts(checkout)).discount).toBe(1_440 + 1_000);
      await checkout.options.decrease('ceramic-pour-over'); // $96
      await expect(page.getByTestId('automatic-discount')).toHaveCount(0);
      expect((await stripeAmounts(checkout)).discount).toBe(960);
    });

    await test.step('a Canadian address brings the regional offer', async () => {
      await checkout.fillEmail('ada@example.com');
      await checkout.fillAddress(CANADA);
      await checkout.waitForShippingPriced();
      await expect(page.getByTestId('automatic-discount')).toHaveText(/5% off orders to Canada/, { timeout: 20_000 });
      expect((await stripeAmounts(checkout)).discount).toBe(960 + 480);
    });

    await test.step('pay and find the discount on the order', async () => {
      const { discount, total } = await stripeAmounts(checkout);
      await checkout.fillCard(CARDS.visa);
      await checkout.pay();
      const order = new OrderPage(page);
      await order.waitForArrival();
      expect(await order.totalAmount()).toBe(total);
      expect(await minorUnits(page.getByTestId('order-discount'))).toBe(discount);
    });
  });

  test('applying and removing a code keeps the shipping methods on offer, and choosing one still works', async ({
    page,
  }) => {
    const emulator = EmulatorControl.fromEnv();
    await addProductToCart(page, 'ceramic-pour-over', 1); // $48
    const checkout = await openCheckoutFromCart(page);
    const options = checkout.options;
    await checkout.fillEmail('picker@example.com');
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    await expectShippingPickerComplete(options);
    await expect(options.shippingOption('standard')).toBeChecked();

    await test.step('apply a code: Pay waits for it, then the picker still offers every method', async () => {
      // The server's session update is served late, so the pending state can be seen without racing it.
      await emulator?.injectFault({
        method: 'POST',
        path: '/v1/checkout/sessions/',
        kind: 'latency',
        latencyMs: 2_500,
      });
      await options.startApplyingCode('welcome10');
      if (emulator) {
        await expect(options.updatePending).toBeVisible();
        await expect(checkout.payButton).toBeDisabled();
        await expect(options.applyDiscountButton).toHaveAttribute('aria-busy', 'true');
      }
      await options.waitForSettled();
      await expect(options.discount('WELCOME10')).toHaveAttribute('data-applied', 'true');
      expect((await stripeAmounts(checkout)).discount).toBe(480);
      await expectShippingPickerComplete(options);
      await expect(options.shippingOption('standard')).toBeChecked();
      await expect(checkout.payButton).toBeEnabled();
    });

    await test.step('remove it: the picker still offers every method', async () => {
      await options.removeCode('WELCOME10');
      expect((await stripeAmounts(checkout)).discount).toBe(0);
      await expectShippingPickerComplete(options);
      await expect(options.shippingOption('standard')).toBeChecked();
    });

    await test.step('choosing a method afterwards updates Stripe’s shipping and total', async () => {
      const before = await minorUnits(checkout.shipping);
      await options.chooseShipping('express');
      await expect(options.shippingOption('standard')).not.toBeChecked();
      expect(await minorUnits(checkout.shipping)).toBeGreaterThan(before);
      await stripeAmounts(checkout);
      await options.chooseShipping('overnight');
      await expectShippingPickerComplete(options);
      await expect(checkout.payButton).toBeEnabled();
    });
  });

  test('after 10 mistyped codes the field says exactly how long to wait, counts down, then takes a valid code', async ({
    page,
  }) => {
    test.skip(!emulator, 'moves the Stripe emulator’s clock');
    // The limit counts per 10-minute window of the app's clock: start just after a window opens, so all tries share it.
    const now = await EmulatorControl.requireEnv().now();
    await advanceClock(600 - (now % 600) + 5);
    // The page's own clock, to see the countdown move without waiting minutes.
    await page.clock.install();
    await addProductToCart(page, 'ceramic-pour-over', 1);
    const checkout = await openCheckoutFromCart(page);
    const options = checkout.options;

    for (let i = 0; i < 10; i++) {
      await options.startApplyingCode(`WRONG${i}`);
      await options.waitForSettled();
      await expect(options.discountErrors).toHaveText(
        "We don't recognise that code. Check the spelling and try again.",
      );
    }

    const refused = page.waitForResponse(
      (response) => response.url().endsWith('/api/checkout/discount-codes') && response.status() === 429,
    );
    await options.startApplyingCode('WELCOME10');
    const retryAfter = Number((await refused).headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(540);
    await expect(options.discountErrors).toHaveText('Too many codes tried. Try again in 10 minutes.');
    await expect(options.applyDiscountButton).toBeDisabled();
    await expect(options.discount('WELCOME10')).toHaveCount(0);

    await page.clock.fastForward('06:00');
    await expect(options.discountErrors).toHaveText('Too many codes tried. Try again in 4 minutes.');
    await expect(options.applyDiscountButton).toBeDisabled();

    // The window ends for the server and for the page.
    await advanceClock(retryAfter);
    await page.clock.fastForward((retryAfter - 360 + 1) * 1000);
    await expect(options.discountErrors).toHaveCount(0);
    await options.applyCode('WELCOME10');
    expect((await stripeAmounts(checkout)).discount).toBe(480);
  });

  test('of two codes that cannot stack, the one that saves more stays, and the shopper is told which and why', async ({
    page,
  }) => {
    await addProductToCart(page, 'aurora-headphones', 1); // $199, electronics
    await addProductToCart(page, 'soy-candle', 1); // $28, gifts
    const checkout = await openCheckoutFromCart(page);
    const { options } = checkout;
    await options.applyCode('WELCOME10'); // 10% of $227
    expect((await stripeAmounts(checkout)).discount).toBe(2_270 + 1_000);
    await expect(checkout.notices).toHaveCount(0);

    await test.step('GIFTS20 saves less ($5.60): WELCOME10 stays, and the page says so politely', async () => {
      await options.startApplyingCode('gifts20');
      await options.waitForSettled();
      await expect(checkout.notices).toHaveText(
        'GIFTS20 saves less than WELCOME10 (−$22.70), so WELCOME10 stays applied.',
      );
      await expect(checkout.notices.locator('xpath=ancestor::*[@aria-live="polite"]')).toHaveCount(1);
      await expect(options.discount('WELCOME10')).toHaveAttribute('data-applied', 'true');
      await expect(options.discount('GIFTS20')).toHaveCount(0);
      await expect(options.discountErrors).toHaveCount(0);
      expect((await stripeAmounts(checkout)).discount).toBe(2_270 + 1_000);
    });

    await test.step('the notice is shown once: the next change clears it', async () => {
      await options.decrease('aurora-headphones'); // $28 left: WELCOME10 saves $2.80
      await expect(checkout.notices).toHaveCount(0);
      expect((await stripeAmounts(checkout)).discount).toBe(280);
    });

    await test.step('now GIFTS20 saves more ($5.60): it replaces WELCOME10, and the page says so', async () => {
      await options.startApplyingCode('GIFTS20');
      await options.waitForSettled();
      await expect(checkout.notices).toHaveText('GIFTS20 replaced WELCOME10: it saves more (−$5.60).');
      await expect(options.discount('GIFTS20')).toHaveAttribute('data-applied', 'true');
      await expect(options.discount('WELCOME10')).toHaveCount(0);
      expect((await stripeAmounts(checkout)).discount).toBe(560);
    });
  });

  test('a weekend offer is there on Sunday evening and gone after the clock passes midnight', async ({ page }) => {
    test.skip(!emulator, 'moves the Stripe emulator’s clock');
    // To the coming Sunday 22:00 UTC, wherever the real date is (the app reads the emulator's clock).
    const now = new Date((await EmulatorControl.requireEnv().now()) * 1000);
    let sunday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ((7 - now.getUTCDay()) % 7), 22);
    if (sunday <= now.getTime()) sunday += 7 * 24 * 3600 * 1000;
    await advanceClock(Math.ceil((sunday - now.getTime()) / 1000));

    await addProductToCart(page, 'linen-throw', 1); // $89, in the weekend sale (20% off)
    const checkout = await openCheckoutFromCart(page);
    await expect(page.getByTestId('automatic-discount')).toHaveText(/Weekend sale/);
    expect((await stripeAmounts(checkout)).discount).toBe(1_780);

    await advanceClock(3 * 3600); // Monday 01:00 UTC
    await checkout.options.increase('linen-throw'); // any update re-prices: 2 × $89, no weekend sale, but $10 off $100+
    await expect(page.getByTestId('automatic-discount').filter({ hasText: 'Weekend sale' })).toHaveCount(0);
    await expect(page.getByTestId('automatic-discount')).toHaveText(/\$10 off \$100\+/);
    expect((await stripeAmounts(checkout)).discount).toBe(1_000);
  });
});
