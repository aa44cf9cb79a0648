import { expect, test } from '@playwright/test';
import { EmulatorControl } from '../../test/emulator-control';
import { TEST_ADDRESS } from '../../test/fixtures/addresses';
import { CARDS } from '../pages/checkout-page';
import type { ShownLine } from '../pages/money';
import { OrderPage } from '../pages/order-page';
import { addProductToCart, openCheckoutFromCart } from '../support/shopper';

/**
 * What the shopper reads in the order summary and on the receipt adds up: each line at its price before discounts
 * (quantity × unit price, add-ons at the price the extras list), lines = Subtotal, Subtotal + Shipping − Discount =
 * Total; free shipping reads "Free" wherever shipping is shown, and the shipping method is shown once.
 */

const emulator = EmulatorControl.fromEnv();

const sum = (lines: ReadonlyArray<ShownLine>) => lines.reduce((total, line) => total + line.amount, 0);

test.describe('the order summary and the receipt add up', () => {
  test('lines at their prices before the discount, = Subtotal; Subtotal + Shipping − Discount = Total; free shipping reads Free', async ({
    page,
  }) => {
    await addProductToCart(page, 'aurora-headphones', 1); // $199.00
    await addProductToCart(page, 'soy-candle', 1); // $28.00
    const checkout = await openCheckoutFromCart(page);
    const { options } = checkout;
    await expect(options.addOn('gift-wrap').locator('..')).toContainText('+$4.99');
    await options.setAddOn(true, 'gift-wrap');
    await checkout.fillEmail('sums@example.com');
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    await options.applyCode('WELCOME10');
    await options.waitForSettled();

    const expectedLines = [
      { name: 'Aurora Noise-Cancelling Headphones', amount: 19_900 },
      { name: 'Cedar & Fig Soy Candle', amount: 2_800 },
      { name: 'Gift wrap', amount: 499 },
    ];
    const summary = await checkout.summaryLines();
    expect(summary).toEqual(expectedLines);
    const amounts = await checkout.amounts();
    expect(amounts.discount).toBeGreaterThan(0);
    expect(sum(summary)).toBe(amounts.subtotal);
    expect(amounts.subtotal + amounts.shipping - amounts.discount + amounts.taxAdded).toBe(amounts.total);
    if (emulator) expect(await emulator.amountTotal(await checkout.sessionId())).toBe(amounts.total);

    // Over $75 in the US, standard shipping is free: the picker and the summary both say so.
    expect(amounts.shipping).toBe(0);
    await expect(checkout.shipping).toHaveText('Free');
    await expect(options.shippingOption('standard').locator('xpath=ancestor::label')).toContainText('Free');

    await checkout.fillCard(CARDS.visa);
    await checkout.pay();
    const order = new OrderPage(page);
    await order.waitForArrival();
    await expect(order.status).toHaveAttribute('data-value', 'paid');
    const receipt = await order.shownLines();
    expect(receipt).toEqual(expectedLines);
    const paid = await order.amounts();
    expect(paid).toEqual(amounts);
    expect(sum(receipt)).toBe(paid.subtotal);
    expect(paid.subtotal + paid.shipping - paid.discount + paid.taxAdded).toBe(paid.total);
    await expect(order.shipping).toHaveText('Free');
  });

  test('the shipping method and its price are shown in the picker and the summary, not again under the address', async ({
    page,
  }) => {
    await addProductToCart(page, 'soy-candle', 1);
    const checkout = await openCheckoutFromCart(page);
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    await checkout.options.waitForSettled();
    await expect(checkout.options.shippingOption('standard')).toBeChecked();
    await expect(checkout.shipping).toHaveText('$5.99');
    await expect(checkout.addressSection).not.toContainText(/Standard shipping|\$5\.99/);
  });

  test('on a desktop the summary stays in its column, with no "Show order summary" button', async ({ page }) => {
    await addProductToCart(page, 'soy-candle', 1);
    const checkout = await openCheckoutFromCart(page);
    await expect(checkout.summary).toBeVisible();
    await expect(checkout.summaryToggle).toHaveCount(0);
    const form = await checkout.options.form.boundingBox();
    const summary = await checkout.summary.boundingBox();
    expect(summary && form && summary.x > form.x + form.width / 2).toBe(true);
  });
});
