import { expect, type Page, test } from '@playwright/test';
import { z } from 'zod';
import { EmulatorControl } from '../../test/emulator-control';
import { TEST_ADDRESS } from '../../test/fixtures/addresses';
import { AccountPage, SignInPage } from '../pages/account-pages';
import type { CheckoutPage } from '../pages/checkout-page';
import { expectNoSeriousViolations } from '../support/axe';
import { addProductToCart, openCheckoutFromCart } from '../support/shopper';

/**
 * Signed-in customers in checkout: a Gold member's perks and store credit reach Stripe's total through the server,
 * and signing in halfway through a guest checkout brings the member's perks to it. Uses the seeded demo customers
 * (README, "Demo customers"): emulator only.
 */

const emulator = EmulatorControl.fromEnv();
const DEMO_PASSWORD = 'demo-password-1';
const POUR_OVER = 'ceramic-pour-over'; // $48.00

test.skip(!emulator, 'uses the demo customers seeded with the Stripe emulator');

const cartSchema = z.object({ items: z.array(z.object({ productId: z.string() })) });

async function signIn(page: Page, email: string, returnTo?: string): Promise<void> {
  const signInPage = new SignInPage(page);
  await signInPage.goto(returnTo);
  await signInPage.signIn(email, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/account/sign-in'));
}

/** The account keeps its cart between runs: start from an empty one. */
async function emptyCart(page: Page): Promise<void> {
  const cart = cartSchema.parse(await (await page.request.get('/api/cart')).json());
  for (const item of cart.items) await page.request.delete(`/api/cart/items/${item.productId}`);
}

/** Stripe's discount and total as the page shows them, checked against the emulator's session. */
async function stripeAmounts(
  checkout: CheckoutPage,
): Promise<{ discount: number; shipping: number; tax: number; total: number }> {
  await checkout.options.waitForSettled();
  const { subtotal, shipping, discount, taxAdded, total } = await checkout.amounts();
  expect(total).toBe(subtotal + shipping - discount + taxAdded);
  const sessionId = await checkout.sessionId();
  await expect
    .poll(async () => {
      const session = await EmulatorControl.requireEnv().session(sessionId);
      return { discount: session.total_details.amount_discount, total: session.amount_total };
    })
    .toEqual({ discount, total });
  return { discount, shipping, tax: taxAdded, total };
}

test.describe('signed-in customers in checkout', () => {
  test('a Gold member sees 10 % off and free express shipping in Stripe’s total', async ({ page }, testInfo) => {
    await signIn(page, 'gold@example.com');
    await emptyCart(page);
    await addProductToCart(page, POUR_OVER, 1);
    const checkout = await openCheckoutFromCart(page);
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();

    await expect(page.getByTestId('automatic-discount')).toContainText('Gold member: 10% off');
    await expect(checkout.options.shippingOption('express')).toBeChecked();
    const amounts = await stripeAmounts(checkout);
    expect(amounts).toMatchObject({ discount: 480, shipping: 0 });
    // Stripe Tax (on with the emulator) adds the address's tax on top of the discounted order.
    expect(amounts.total).toBe(4_800 - 480 + amounts.tax);
    await expectNoSeriousViolations(page, 'checkout (Gold member)', testInfo);
  });

  test('toggling store credit on and off changes Stripe’s total, and the account shows the balance', async ({
    page,
  }, testInfo) => {
    await signIn(page, 'new@example.com');
    const account = new AccountPage(page);
    await account.goto();
    await expect(page.getByTestId('store-credit-balance')).toHaveAttribute('data-value', '1500');
    await expect(page.getByTestId('credit-history-line').first()).toContainText('Welcome gift');
    await expectNoSeriousViolations(page, 'account (store credit)', testInfo);

    await emptyCart(page);
    await addProductToCart(page, POUR_OVER, 1);
    const checkout = await openCheckoutFromCart(page);
    await checkout.fillAddress(TEST_ADDRESS);
    await checkout.waitForShippingPriced();
    const before = await stripeAmounts(checkout);
    const toggle = page.getByTestId('store-credit-toggle');
    await expect(page.getByTestId('store-credit')).toContainText('$15.00 available');

    await toggle.check();
    await expect(page.getByTestId('store-credit-note')).toContainText('−$15.00 of your credit goes to this order');
    await expect(page.getByTestId('summary-store-credit')).toHaveAttribute('data-value', '1500');
    const credited = await stripeAmounts(checkout);
    expect(credited).toMatchObject({ discount: before.discount + 1_500, shipping: before.shipping });
    // Stripe Tax follows the lower price: the total drops by the credit, and by less tax when the address is taxed.
    expect(credited.total).toBeLessThanOrEqual(before.total - 1_500);
    expect(credited.tax).toBeLessThanOrEqual(before.tax);

    await toggle.uncheck();
    await expect(page.getByTestId('summary-store-credit')).toHaveCount(0);
    expect(await stripeAmounts(checkout)).toEqual(before);
  });

  test('signing in halfway through a guest checkout keeps the cart and brings the member’s perks', async ({ page }) => {
    await addProductToCart(page, POUR_OVER, 1);
    const guest = await openCheckoutFromCart(page);
    await guest.fillAddress(TEST_ADDRESS);
    await guest.waitForShippingPriced();
    const asGuest = await stripeAmounts(guest);
    expect(asGuest.discount).toBe(0);

    await signIn(page, 'silver@example.com', '/checkout');
    const member = await openCheckoutFromCart(page);
    expect(await member.options.quantityOf(POUR_OVER)).toBe(1);
    await expect(page.getByTestId('automatic-discount')).toContainText('Silver member: 5% off');
    const asMember = await stripeAmounts(member);
    expect(asMember.discount).toBeGreaterThanOrEqual(240);
  });
});
