import { expect, test } from '@playwright/test';
import { EmulatorControl } from '../../test/emulator-control';
import { CheckoutPage } from '../pages/checkout-page';
import { minorUnits } from '../pages/money';
import { layoutShift } from '../support/layout-shift';
import { addProductToCart, openCheckoutFromCart } from '../support/shopper';

/**
 * The checkout on a phone (390 × 844), shaped like the best commercial ones: the total at the top in a collapsible
 * "Show order summary" button that holds the whole summary, a price on every line of "Your items", and a layout that
 * does not move while the checkout loads.
 */

const emulator = EmulatorControl.fromEnv();

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectToggleShowsStripesTotal(checkout: CheckoutPage): Promise<number> {
  await checkout.options.waitForSettled();
  const shown = await minorUnits(checkout.summaryToggleTotal);
  if (emulator) {
    const sessionId = await checkout.sessionId();
    await expect.poll(() => emulator.amountTotal(sessionId), { timeout: 10_000 }).toBe(shown);
  }
  return shown;
}

test.describe('the checkout on a phone', () => {
  test('the total is at the top, in a summary that opens and closes from the keyboard and follows every update', async ({
    page,
  }) => {
    await addProductToCart(page, 'aurora-headphones', 1);
    await addProductToCart(page, 'soy-candle', 1);
    const checkout = await openCheckoutFromCart(page);
    const { summaryToggle: toggle } = checkout;

    await test.step('collapsed at the top, before the contact details, with Stripe’s total beside it', async () => {
      await expect(toggle).toBeVisible();
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(toggle).toHaveAccessibleName(/^Show order summary/);
      await expect(checkout.summary).toBeHidden();
      const togglePosition = await toggle.boundingBox();
      const emailPosition = await checkout.email.boundingBox();
      expect(togglePosition && emailPosition && togglePosition.y < emailPosition.y).toBe(true);
      expect(togglePosition && togglePosition.y + togglePosition.height <= 844).toBe(true);
      // $227 less the automatic $10 off $100+.
      expect(await expectToggleShowsStripesTotal(checkout)).toBe(19_900 + 2_800 - 1_000);
      await expect(checkout.summaryToggleTotal).toHaveText('$217.00');
    });

    await test.step('Enter opens the whole summary; Space closes it', async () => {
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(toggle).toHaveAccessibleName(/^Hide order summary/);
      await expect(checkout.summary).toBeVisible();
      await expect(checkout.options.summaryLines).toHaveCount(2);
      expect(await minorUnits(checkout.total)).toBe(await minorUnits(checkout.summaryToggleTotal));
      await page.keyboard.press('Space');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(checkout.summary).toBeHidden();
      await expect(toggle).toBeFocused();
    });

    await test.step('every line of "Your items" shows its price', async () => {
      await expect(checkout.itemPrice('aurora-headphones')).toHaveText('$199.00');
      await expect(checkout.itemPrice('soy-candle')).toHaveText('$28.00');
    });

    await test.step('the total beside the button follows a dynamic update', async () => {
      await checkout.options.increase('soy-candle');
      await expect(checkout.itemPrice('soy-candle')).toHaveText('$56.00');
      expect(await expectToggleShowsStripesTotal(checkout)).toBe(19_900 + 2 * 2_800 - 1_000);
      await checkout.options.setAddOn(true, 'gift-wrap');
      expect(await expectToggleShowsStripesTotal(checkout)).toBe(19_900 + 2 * 2_800 + 499 - 1_000);
      await toggle.click();
      expect(await minorUnits(checkout.total)).toBe(await minorUnits(checkout.summaryToggleTotal));
      await expect(checkout.options.summaryLines.filter({ hasText: 'Gift wrap' })).toHaveCount(1);
    });
  });

  test('the checkout loads without moving: layout shift below 0.05', async ({ page }) => {
    await addProductToCart(page, 'soy-candle', 1);
    const checkout = new CheckoutPage(page);
    await checkout.goto();
    await checkout.waitUntilReady();
    await checkout.options.waitUntilLoaded();
    await expect(checkout.itemPrice('soy-candle')).toBeVisible();
    const shift = await layoutShift(page);
    test.info().annotations.push({ type: 'layout shift (390 × 844)', description: shift.toFixed(4) });
    expect(shift).toBeLessThan(0.05);
  });
});
