import { expect, type Page, test } from '@playwright/test';
import { TEST_ADDRESS } from '../../test/fixtures/addresses';
import { AccountPage, accountLink, OutboxPage, SignInPage, SignUpPage } from '../pages/account-pages';
import { CARDS, CheckoutPage } from '../pages/checkout-page';
import { OrderPage } from '../pages/order-page';
import { StorePage } from '../pages/store-page';
import { expectNoSeriousViolations } from '../support/axe';
import { addProductToCart } from '../support/shopper';

/**
 * Customer accounts against the e2e server (emulator mode): mail goes to the local outbox, read at /dev/outbox.
 * Every test makes its own account, so runs never share a cart.
 */
test.skip(Boolean(process.env.BASE_URL), 'needs the local outbox (emulator mode) to read the emailed links');

const PASSWORD = 'a-long-password-1';

function newEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** Signs up through the pages and opens the emailed confirmation link: signed in on /account. */
async function signUpAndConfirm(page: Page, email: string): Promise<void> {
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp({ name: 'Quinn', email, password: PASSWORD });
  await new OutboxPage(page).followLatestLink(email, /Confirm your email/);
  await page.waitForURL((url) => url.pathname === '/account');
  await expect(new AccountPage(page).email).toHaveText(email);
}

test('sign up, confirm by the emailed link, buy, and find the order and its receipt in the account', async ({
  page,
}, testInfo) => {
  const email = newEmail('buyer');
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await expectNoSeriousViolations(page, 'sign up', testInfo);
  await signUp.signUp({ name: 'Quinn', email, password: PASSWORD });
  await expect(accountLink(page)).toHaveText('Sign in');

  await page.goto('/dev/outbox');
  await expectNoSeriousViolations(page, 'outbox', testInfo);
  await new OutboxPage(page).followLatestLink(email, /Confirm your email/);
  await page.waitForURL((url) => url.pathname === '/account');
  const account = new AccountPage(page);
  await expect(account.email).toHaveText(email);
  await expect(accountLink(page)).toHaveText('Account');
  await expect(page.getByText('No orders yet.')).toBeVisible();
  await expectNoSeriousViolations(page, 'account (no orders)', testInfo);

  await addProductToCart(page, 'leather-journal');
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.waitUntilReady();
  // The account's Stripe Customer carries the email: the checkout starts with it.
  await expect(checkout.email).toHaveValue(email);
  await checkout.fillAddress(TEST_ADDRESS);
  await checkout.waitForShippingPriced();
  await checkout.fillCard(CARDS.visa);
  const total = await checkout.totalAmount();
  await checkout.pay();
  const receipt = new OrderPage(page);
  await receipt.waitForArrival();
  const orderNumber = (await receipt.orderNumber.textContent())?.replace('#', '') ?? '';

  await account.goto();
  await expect(account.orderLinks).toHaveCount(1);
  await expect(account.orderLinks.first()).toHaveText(`Order #${orderNumber}`);
  await expect(account.savedAddresses).toHaveCount(1);
  await expect(account.savedAddresses.first()).toContainText(TEST_ADDRESS.line1);
  await expectNoSeriousViolations(page, 'account (one order)', testInfo);
  await account.orderLinks.first().click();
  await page.waitForURL(`**/account/orders/${orderNumber}`);
  expect(await receipt.totalAmount()).toBe(total);
  await expectNoSeriousViolations(page, 'account receipt', testInfo);

  // The next checkout starts at the address this order went to.
  await addProductToCart(page, 'soy-candle');
  await checkout.goto();
  await checkout.waitUntilReady();
  await expect(checkout.addressLine1).toHaveValue(TEST_ADDRESS.line1);
});

test('signing in in the middle of a guest checkout comes back to the same checkout with the same cart', async ({
  browser,
  page,
}) => {
  const email = newEmail('midway');
  const elsewhere = await browser.newContext();
  await signUpAndConfirm(await elsewhere.newPage(), email);
  await elsewhere.close();

  await addProductToCart(page, 'soy-candle', 2);
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.waitUntilReady();
  const sessionId = await checkout.sessionId();

  const signIn = new SignInPage(page);
  await signIn.goto('/checkout');
  await signIn.signIn(email, PASSWORD);
  await page.waitForURL((url) => url.pathname === '/checkout');
  await checkout.waitUntilReady();
  expect(await checkout.sessionId()).toBe(sessionId);
  await expect(accountLink(page)).toHaveText('Account');
  await expect(new StorePage(page).cartBadge).toHaveAttribute('data-value', '2');
});

test('a wrong password is said inline; signing out leaves a new, empty guest cart and the account keeps its own', async ({
  page,
}, testInfo) => {
  const email = newEmail('leaver');
  await signUpAndConfirm(page, email);
  await addProductToCart(page, 'pulse-speaker');
  const store = new StorePage(page);
  await expect(store.cartBadge).toHaveAttribute('data-value', '1');

  await new AccountPage(page).goto();
  await new AccountPage(page).signOut();
  await expect(accountLink(page)).toHaveText('Sign in');
  await expect(store.cartBadge).toHaveAttribute('data-value', '0');

  const signIn = new SignInPage(page);
  await signIn.goto();
  await expectNoSeriousViolations(page, 'sign in', testInfo);
  await signIn.signIn(email, 'not-the-password');
  await expect(signIn.error).toHaveText('That email and password do not match an account.');
  await expectNoSeriousViolations(page, 'sign in (wrong password)', testInfo);
  await signIn.signIn(email, PASSWORD);
  await page.waitForURL((url) => url.pathname === '/account');
  await expect(store.cartBadge).toHaveAttribute('data-value', '1');
});

test('an emailed sign-in link signs in; a forgotten password is reset by its emailed link', async ({
  page,
}, testInfo) => {
  const email = newEmail('linked');
  await signUpAndConfirm(page, email);
  await new AccountPage(page).signOut();

  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.emailMeALink(email);
  await new OutboxPage(page).followLatestLink(email, /Your sign-in link/);
  await page.waitForURL((url) => url.pathname === '/account');
  await new AccountPage(page).signOut();

  await page.goto('/account/forgot-password');
  await expectNoSeriousViolations(page, 'forgot password', testInfo);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a reset link' }).click();
  await expect(page.getByTestId('form-sent')).toBeVisible();
  await new OutboxPage(page).followLatestLink(email, /Reset your password/);
  await page.waitForURL((url) => url.pathname === '/account/reset-password');
  await expectNoSeriousViolations(page, 'reset password', testInfo);
  await page.getByLabel('New password', { exact: true }).fill('a-newer-password-2');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await page.waitForURL((url) => url.pathname === '/account/sign-in');
  await expect(page.getByText('Your password is changed. Sign in with it.')).toBeVisible();
  await signIn.signIn(email, 'a-newer-password-2');
  await page.waitForURL((url) => url.pathname === '/account');
});

test('/account sends a guest to sign in and back; a demo customer sees their order history', async ({ page }) => {
  await page.goto('/account');
  await page.waitForURL(
    (url) => url.pathname === '/account/sign-in' && url.searchParams.get('returnTo') === '/account',
  );
  await new SignInPage(page).signIn('gold@example.com', 'demo-password-1');
  await page.waitForURL((url) => url.pathname === '/account');
  const account = new AccountPage(page);
  await expect(account.orderLinks.first()).toBeVisible();
  expect(await account.orderLinks.count()).toBeGreaterThanOrEqual(3);
});
