import { expect, test } from '@playwright/test';
import { EmulatorControl } from '../../test/emulator-control';
import { LONDON_ADDRESS, OREGON_ADDRESS, TEST_ADDRESS } from '../../test/fixtures/addresses';
import { cartBadge } from '../pages/cart-badge';
import { CARDS, type CheckoutPage } from '../pages/checkout-page';
import { minorUnits } from '../pages/money';
import { OrderPage } from '../pages/order-page';
import { addProductToCart, openCheckoutFromCart } from '../support/shopper';

/**
 * The shopper changes add-ons, quantities, address and shipping method on the checkout page. Every change
 * goes through our server, which rewrites the whole Checkout Session; the page shows Stripe's totals only.
 */

const emulator = EmulatorControl.fromEnv();

/**
 * The total on the page is Stripe's: it equals the emulator's `amount_total` for this session. Against real Stripe
 * (no emulator) only the page's own consistency can be checked.
 */
async function expectTotalIsStripes(checkout: CheckoutPage): Promise<number> {
  await checkout.options.waitForSettled();
  const shown = await checkout.totalAmount();
  if (emulator) {
    const sessionId = await checkout.sessionId();
    await expect.poll(() => emulator.amountTotal(sessionId), { timeout: 10_000 }).toBe(shown);
  }
  const { subtotal, shipping, discount, taxAdded, total } = await checkout.amounts();
  expect(total).toBe(subtotal + shipping - discount + taxAdded);
  return shown;
}

/** Summary lines as the server names and prices them: `{name → minor units}`. */
async function summaryLines(checkout: CheckoutPage): Promise<Map<string, number>> {
  return new Map((await checkout.summaryLines()).map((line) => [line.name, line.amount]));
}

test.describe('checkout updates go through the server and show Stripe’s totals', () => {
  test('add-ons, quantity, address and shipping method each update Stripe’s total; the paid order matches', async ({
    page,
  }) => {
    await addProductToCart(page, 'aurora-headphones', 1);
    await addProductToCart(page, 'soy-candle', 1);
    const checkout = await openCheckoutFromCart(page);
    const options = checkout.options;
    let total = await expectTotalIsStripes(checkout);

    await test.step('gift wrap', async () => {
      await options.setAddOn(true, 'gift-wrap');
      await expect(options.summaryLines.filter({ hasText: 'Gift wrap' })).toHaveCount(1);
      const next = await expectTotalIsStripes(checkout);
      expect(next).toBeGreaterThan(total);
      total = next;
    });

    await test.step('gift message card (needs gift wrap, and a message)', async () => {
      await options.addOn('gift-message').check();
      await expect(options.giftMessage).toBeFocused();
      await options.writeGiftMessage('Happy birthday, Charles!');
      await expect(options.addOn('gift-message')).toBeChecked();
      await expect(page.getByText('saved', { exact: false })).toBeVisible();
      const next = await expectTotalIsStripes(checkout);
      expect(next).toBeGreaterThan(total);
      total = next;
    });

    await test.step('warranty for the headphones, beside the headphones', async () => {
      const item = page.locator('[data-testid="checkout-item"][data-product-id="aurora-headphones"]');
      await expect(item.getByTestId('add-on-extended-warranty-aurora-headphones')).toBeVisible();
      await expect(page.getByTestId('add-on-extended-warranty-soy-candle')).toHaveCount(0);
      await options.toggleAddOnWithKeyboard('extended-warranty', 'aurora-headphones');
      // The toggle was disabled while busy; focus comes back to it so keyboard users keep their place.
      await expect(options.addOn('extended-warranty', 'aurora-headphones')).toBeFocused();
      const next = await expectTotalIsStripes(checkout);
      expect(next).toBeGreaterThan(total);
      total = next;
    });

    await test.step('a second candle', async () => {
      await options.increase('soy-candle');
      await expect(options.summaryLines.filter({ hasText: /Soy.*× 2/i })).toHaveCount(1);
      await expect(cartBadge(page)).toHaveAttribute('data-value', '3');
      const next = await expectTotalIsStripes(checkout);
      expect(next).toBeGreaterThan(total);
      total = next;
    });

    await test.step('a US address offers overnight shipping', async () => {
      await expect(page.getByTestId('shipping-options-empty')).toBeVisible();
      await checkout.fillEmail('ada@example.com');
      await checkout.fillAddress(TEST_ADDRESS);
      await checkout.waitForShippingPriced();
      await expect.poll(() => options.shippingMethodIds()).toEqual(['standard', 'express', 'overnight']);
      await expect(options.shippingOption('standard')).toBeChecked();
      total = await expectTotalIsStripes(checkout);
    });

    await test.step('a UK address offers no overnight shipping and costs more to ship', async () => {
      const usShipping = await minorUnits(checkout.shipping);
      await checkout.fillAddress(LONDON_ADDRESS);
      await expect.poll(() => options.shippingMethodIds(), { timeout: 20_000 }).toEqual(['standard', 'express']);
      await options.waitForSettled();
      expect(await minorUnits(checkout.shipping)).toBeGreaterThan(usShipping);
      total = await expectTotalIsStripes(checkout);
    });

    await test.step('express shipping', async () => {
      const before = await minorUnits(checkout.shipping);
      await options.chooseShipping('express');
      await expect(options.shippingOption('standard')).not.toBeChecked();
      expect(await minorUnits(checkout.shipping)).toBeGreaterThan(before);
      total = await expectTotalIsStripes(checkout);
    });

    const lines = await summaryLines(checkout);
    const addOnNames = [...lines.keys()].filter((name) => /Gift wrap|Gift message|warranty/i.test(name));
    expect(addOnNames).toHaveLength(3);

    await test.step('pay with 4242 and find the same amounts on the order', async () => {
      await checkout.fillCard(CARDS.visa);
      await checkout.pay();
      const order = new OrderPage(page);
      await order.waitForArrival();
      await expect(order.status).toHaveAttribute('data-value', 'paid');
      expect(await order.totalAmount()).toBe(total);
      for (const name of addOnNames) {
        const line = order.lines.filter({ hasText: name });
        await expect(line).toHaveCount(1);
        await expect(line.locator('[data-value]')).toHaveAttribute('data-value', String(lines.get(name)));
      }
      await expect(order.lines.filter({ hasText: /Soy/i })).toContainText('× 2');
      // The receipt names the country and the shipping method Stripe charged.
      await expect(order.address).toContainText('United Kingdom');
      await expect(page.getByText(/Shipping \(Express/)).toBeVisible();
    });
  });

  test('removing an item drops its line; the last item offers the store instead of a remove button', async ({
    page,
  }) => {
    await addProductToCart(page, 'aurora-headphones', 1);
    await addProductToCart(page, 'soy-candle', 1);
    const checkout = await openCheckoutFromCart(page);
    const options = checkout.options;
    await options.setAddOn(true, 'extended-warranty', 'aurora-headphones');

    await expect(options.quantityButton('aurora-headphones', 'decrease')).toHaveAccessibleName(
      /Remove .* from your order/,
    );
    await options.decrease('aurora-headphones');

    await expect(options.quantity('aurora-headphones')).toHaveCount(0);
    await expect(cartBadge(page)).toHaveAttribute('data-value', '1');
    await expect(options.summaryLines).toHaveCount(1);
    await expect(options.summaryLines.first()).toContainText(/Soy/i);
    await expect(options.quantityButton('soy-candle', 'decrease')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Back to the store' })).toBeVisible();
    await expectTotalIsStripes(checkout);
  });

  test('a failed update is explained inline, the selection is restored and paying waits for a good update', async ({
    page,
  }) => {
    test.skip(!emulator, 'needs the emulator');
    if (!emulator) return;
    await addProductToCart(page, 'leather-journal', 1);
    const checkout = await openCheckoutFromCart(page);
    const options = checkout.options;
    await checkout.fillEmail('grace@example.com');
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    const before = await expectTotalIsStripes(checkout);

    // stripe-node retries once: two failures make the update fail.
    await emulator.injectFault({ method: 'POST', path: '/v1/checkout/sessions', kind: 'error', status: 500, count: 2 });
    try {
      await options.addOn('gift-wrap').check();
      const error = options.updateErrors.first();
      await expect(error).toBeVisible({ timeout: 20_000 });
      await expect(error).toHaveAttribute('role', 'alert');
      await options.waitForSettled();
      await expect(options.addOn('gift-wrap')).not.toBeChecked();
      await expect(checkout.payButton).toBeDisabled();
      await expect(options.payBlocked).toBeVisible();
      expect(await expectTotalIsStripes(checkout)).toBe(before);
    } finally {
      await emulator.clearFaults();
    }

    await options.setAddOn(true, 'gift-wrap');
    await expect(options.updateErrors).toHaveCount(0);
    await expect(options.payBlocked).toBeHidden();
    await expect(checkout.payButton).toBeEnabled();
    expect(await expectTotalIsStripes(checkout)).toBeGreaterThan(before);
  });

  test('the shipping methods keep their order as the choice moves: arrow keys walk Standard → Express → Overnight', async ({
    page,
  }) => {
    await addProductToCart(page, 'soy-candle', 1);
    const checkout = await openCheckoutFromCart(page);
    const { options } = checkout;
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    await options.waitForSettled();
    await expect.poll(() => options.shippingMethodIds()).toEqual(['standard', 'express', 'overnight']);
    await options.shippingOption('standard').focus();
    for (const next of ['express', 'overnight']) {
      await page.keyboard.press('ArrowDown');
      await expect(options.shippingOption(next)).toBeChecked();
      await options.waitForSettled();
      // The list did not reorder under the keyboard, and the chosen method is Stripe's.
      expect(await options.shippingMethodIds()).toEqual(['standard', 'express', 'overnight']);
      await expect(options.shippingOption(next)).toBeChecked();
      await expect(options.shippingOption(next)).toBeFocused();
    }
    await expectTotalIsStripes(checkout);
  });

  test('a new address that cannot have the chosen shipping method switches to Standard and says why', async ({
    page,
  }) => {
    await addProductToCart(page, 'soy-candle', 1);
    const checkout = await openCheckoutFromCart(page);
    const { options } = checkout;
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    await options.chooseShipping('overnight');
    await expect(checkout.notices).toHaveCount(0);

    await test.step('Overnight in the US, then a UK address', async () => {
      await checkout.fillAddress(LONDON_ADDRESS);
      await expect(checkout.notices).toHaveText(
        "Overnight shipping isn't available to the United Kingdom, so shipping changed to Standard shipping.",
        { timeout: 20_000 },
      );
      await options.waitForSettled();
      expect(await options.shippingMethodIds()).toEqual(['standard', 'express']);
      await expect(options.shippingOption('standard')).toBeChecked();
      await expectTotalIsStripes(checkout);
    });

    await test.step('Express to a US street address, then to a PO box: Standard only', async () => {
      await checkout.fillAddress(TEST_ADDRESS);
      await expect
        .poll(() => options.shippingMethodIds(), { timeout: 20_000 })
        .toEqual(['standard', 'express', 'overnight']);
      await options.waitForSettled();
      await options.chooseShipping('express');
      await expect(checkout.notices).toHaveCount(0);
      await checkout.fillAddressField('addressLine1', 'P.O. Box 1234');
      await expect(checkout.notices).toHaveText(
        "Express shipping isn't available to PO boxes, so shipping changed to Standard shipping.",
        { timeout: 20_000 },
      );
      await options.waitForSettled();
      expect(await options.shippingMethodIds()).toEqual(['standard']);
      await expect(options.shippingOption('standard')).toBeChecked();
      await expectTotalIsStripes(checkout);
    });
  });
});

test.describe('Stripe Tax on the checkout page', () => {
  test('the tax line follows the address and the add-ons, always Stripe’s amount_tax, and the order records it', async ({
    page,
  }) => {
    test.skip(!emulator, 'compares with the emulator’s Stripe Tax');
    if (!emulator) return;
    await addProductToCart(page, 'aurora-headphones', 1);
    const checkout = await openCheckoutFromCart(page);
    const options = checkout.options;
    const sessionId = await checkout.sessionId();
    const stripeTax = async () => (await emulator.tax(sessionId)).amountTax;
    const shownTax = () => checkout.tax.getAttribute('data-value').then((value) => Number(value));

    await expect(checkout.tax).toHaveText('Calculated at the address step');

    await test.step('a California address adds tax on top', async () => {
      await checkout.fillAddress(TEST_ADDRESS);
      await expect.poll(stripeTax, { timeout: 20_000 }).toBeGreaterThan(0);
      await expect(checkout.tax).toHaveAttribute('data-behavior', 'exclusive');
      await options.waitForSettled();
      await expect.poll(shownTax, { timeout: 10_000 }).toBe(await stripeTax());
      await expectTotalIsStripes(checkout);
    });

    await test.step('gift wrap is taxed too', async () => {
      const before = await stripeTax();
      await options.setAddOn(true, 'gift-wrap');
      await expect.poll(stripeTax, { timeout: 10_000 }).toBeGreaterThan(before);
      await expect.poll(shownTax, { timeout: 10_000 }).toBe(await stripeTax());
      await expectTotalIsStripes(checkout);
    });

    await test.step('Oregon has no sales tax', async () => {
      await checkout.fillAddress(OREGON_ADDRESS);
      await expect.poll(stripeTax, { timeout: 20_000 }).toBe(0);
      await options.waitForSettled();
      await expect.poll(shownTax, { timeout: 10_000 }).toBe(0);
      await expectTotalIsStripes(checkout);
    });

    await test.step('a UK address: the prices include VAT, the total does not grow', async () => {
      const subtotal = (await checkout.amounts()).subtotal;
      await checkout.fillAddress(LONDON_ADDRESS);
      await expect(checkout.tax).toHaveAttribute('data-behavior', 'inclusive', { timeout: 20_000 });
      await expect(checkout.tax.locator('xpath=preceding-sibling::dt')).toHaveText('Including VAT');
      await expect.poll(stripeTax, { timeout: 20_000 }).toBeGreaterThan(0);
      await options.waitForSettled();
      await expect.poll(shownTax, { timeout: 10_000 }).toBe(await stripeTax());
      expect((await checkout.amounts()).subtotal).toBe(subtotal);
      await expectTotalIsStripes(checkout);
    });

    await test.step('the paid order records Stripe’s tax', async () => {
      const charged = await stripeTax();
      await checkout.fillEmail('ada@example.com');
      await checkout.fillCard(CARDS.visa);
      await checkout.pay();
      const order = new OrderPage(page);
      await order.waitForArrival();
      const receiptTax = page.getByTestId('order-tax');
      await expect(receiptTax).toHaveAttribute('data-value', String(charged));
      await expect(receiptTax.locator('xpath=preceding-sibling::dt')).toHaveText('Including VAT');
    });
  });
});
