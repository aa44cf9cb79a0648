import { expect, test } from '@playwright/test';
import { TEST_ADDRESS } from '../../test/fixtures/addresses';
import { CheckoutPage } from '../pages/checkout-page';
import { OrderPage } from '../pages/order-page';
import { StorePage } from '../pages/store-page';
import { byHref, byName, byText, type Focused, tabAndType, tabTo } from '../support/keyboard';

const pageField = (name: string) => byName(name, false);
const button = (pattern: RegExp) => (focused: Focused) => focused.tag === 'button' && pattern.test(focused.text);

/**
 * A shopper who only uses the keyboard: Tab / Shift+Tab to move, Enter / Space to activate, typing into fields.
 * No clicks, no `fill`: every field, including those inside Stripe's frames, is reached in tab order.
 */
test('keyboard only: from the home page to a paid order with 4242', async ({ page }) => {
  const store = new StorePage(page);
  await store.goto();
  await expect(store.productCards.first()).toBeVisible();

  // The first stop is the skip link, and it moves focus to the main content.
  const first = await tabTo(page, () => true, { what: 'the first stop' });
  expect(first.text).toBe('Skip to main content');
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();

  await tabTo(page, byHref(/\/products\/soy-candle$/), { what: 'the soy candle card' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/products/soy-candle');

  await tabTo(page, button(/^Add to cart$/), { what: 'Add to cart' });
  await page.keyboard.press('Space');
  await expect(store.cartBadge).toHaveAttribute('data-value', '1');

  await tabTo(page, byText(/^Cart, 1 item$/), { backwards: true, what: 'the cart link' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/cart');

  await tabTo(page, byHref(/^\/checkout$/), { what: 'Checkout' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/checkout');
  const checkout = new CheckoutPage(page);
  await checkout.waitUntilReady();

  await tabAndType(page, pageField('email'), 'keyboard@example.com', 'Email');
  // Into the Shipping Address Element's frame; the country select keeps its default (the United States).
  await tabAndType(page, byName('name'), TEST_ADDRESS.name, 'Full name');
  const country = await tabTo(page, byName('country'), { what: 'Country' });
  expect(country.tag).toBe('select');
  await tabAndType(page, byName('addressLine1'), TEST_ADDRESS.line1, 'Address line 1');
  await tabAndType(page, byName('locality'), TEST_ADDRESS.city, 'City');
  await tabAndType(page, byName('administrativeArea'), TEST_ADDRESS.state, 'State');
  await tabAndType(page, byName('postalCode'), TEST_ADDRESS.postalCode, 'ZIP code');
  await checkout.waitForShippingPriced();

  // Into the Payment Element's frame.
  await tabAndType(page, byName('number'), '4242 4242 4242 4242', 'Card number');
  await tabAndType(page, byName('expiry'), '12 / 34', 'Expiration date');
  await tabAndType(page, byName('cvc'), '123', 'Security code');
  // The billing ZIP comes after the card fields when the Payment Element asks for it (it does for US cards).
  const billingZip = page.frameLocator('iframe[title="Secure payment input frame"]').locator('[name="postalCode"]');
  if (await billingZip.isVisible()) await tabAndType(page, byName('postalCode'), '94105', 'billing ZIP code');
  const total = await checkout.totalAmount();

  const pay = await tabTo(page, (focused) => focused.testId === 'pay-button', { what: 'Pay' });
  expect(pay.inFrame).toBe(false);
  await page.keyboard.press('Enter');

  const order = new OrderPage(page);
  await order.waitForArrival();
  await expect(order.status).toHaveAttribute('data-value', 'paid');
  expect(await order.totalAmount()).toBe(total);
  await expect(order.email).toHaveText('keyboard@example.com');
});
