import type { FrameLocator, Page } from '@playwright/test';
import { z } from 'zod';
import { expect, type HarnessEnv, test } from './fixtures';

const storedSession = z.object({ id: z.string(), status: z.string(), paymentStatus: z.string() });

async function storedSessionOf(env: HarnessEnv, sessionId: string) {
  const response = await fetch(`${env.emulatorUrl}/_emulator/sessions/${encodeURIComponent(sessionId)}`);
  expect(response.status).toBe(200);
  return storedSession.parse(await response.json());
}

function paymentFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Secure payment input frame"]');
}

async function fillCard(page: Page, number: string) {
  const frame = paymentFrame(page);
  await frame.getByLabel('Card number').fill(number);
  await frame.locator('[name="expiry"]').fill('12 / 34');
  await frame.locator('[name="cvc"]').fill('123');
  await frame.locator('[name="postalCode"]').fill('94103');
}

async function openCheckout(page: Page, env: HarnessEnv): Promise<string> {
  await page.goto(env.harness.url);
  await expect(page.getByTestId('total')).toHaveText('$20.00');
  await expect(paymentFrame(page).getByLabel('Card number')).toBeVisible();
  const sessionId = await page.getByTestId('session-id').textContent();
  expect(sessionId).toMatch(/^cs_test_/);
  return sessionId ?? '';
}

test('a server-side update changes the total, and a 4242 card completes the session', async ({
  page,
  env,
  stripeComRequests,
}) => {
  const sessionId = await openCheckout(page, env);

  await page.getByRole('button', { name: 'Add gift wrap' }).click();
  await expect(page.getByTestId('total')).toHaveText('$25.00');
  await expect(page.getByRole('list', { name: 'Order summary' })).toContainText('Gift wrap × 1: $5.00');

  await page.getByLabel('Email').fill('shopper@example.com');
  await fillCard(page, '4242 4242 4242 4242');
  await expect(paymentFrame(page).locator('[name="number"]')).toHaveValue('4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay $25.00' }).click();

  await page.waitForURL(`${env.harness.url}/complete?session_id=${sessionId}`);
  await expect(page.getByRole('heading', { name: 'Payment complete' })).toBeVisible();
  expect(await storedSessionOf(env, sessionId)).toMatchObject({ status: 'complete', paymentStatus: 'paid' });

  const completed = () =>
    env.harness.webhooks.events.filter(
      (event) => event.type === 'checkout.session.completed' && event.data.object.id === sessionId,
    );
  await expect.poll(() => completed().length).toBeGreaterThanOrEqual(1);
  expect(completed()[0]?.data.object).toMatchObject({ amount_total: 2500, payment_status: 'paid' });
  expect(env.harness.webhooks.rejected).toEqual([]);
  expect(stripeComRequests).toEqual([]);
});

test('a declined card shows Stripe’s message and leaves the session open', async ({ page, env, stripeComRequests }) => {
  const sessionId = await openCheckout(page, env);

  await page.getByLabel('Email').fill('shopper@example.com');
  await fillCard(page, '4000 0000 0000 0002');
  await page.getByRole('button', { name: 'Pay $20.00' }).click();

  await expect(page.getByRole('alert')).toHaveText('Your card was declined.');
  expect(new URL(page.url()).pathname).toBe('/');
  await expect(page.getByTestId('session-status')).toHaveText('open');
  await expect(page.getByRole('button', { name: 'Pay $20.00' })).toBeEnabled();
  expect(await storedSessionOf(env, sessionId)).toMatchObject({ status: 'open', paymentStatus: 'unpaid' });
  expect(stripeComRequests).toEqual([]);
});

test('an incomplete card is reported inside the payment frame and nothing is charged', async ({ page, env }) => {
  const sessionId = await openCheckout(page, env);

  await page.getByLabel('Email').fill('shopper@example.com');
  await paymentFrame(page).getByLabel('Card number').fill('4242 4242');
  await page.getByRole('button', { name: 'Pay $20.00' }).click();

  await expect(page.getByRole('alert')).toHaveText('Your card number is incomplete.');
  await expect(paymentFrame(page).getByRole('alert').first()).toHaveText('Your card number is incomplete.');
  expect(await storedSessionOf(env, sessionId)).toMatchObject({ status: 'open' });
});

test('the shipping address element reports Stripe-shaped changes and saves the address to the session', async ({
  page,
  env,
}) => {
  await page.goto(`${env.harness.url}/?shipping=1`);
  const frame = page.frameLocator('iframe[title="Secure address input frame"]');
  await expect(frame.getByLabel('Full name')).toBeVisible();
  await expect(frame.locator('[name="country"] option')).toHaveText(['United States', 'Canada']);

  await frame.locator('[name="name"]').fill('Ada Lovelace');
  await frame.locator('[name="addressLine1"]').fill('1 Main St');
  await frame.locator('[name="locality"]').fill('Springfield');
  await frame.locator('[name="administrativeArea"]').fill('IL');
  await frame.locator('[name="postalCode"]').fill('62701');

  const event = page.getByTestId('address-event');
  await expect(event).toContainText('"complete":true');
  expect(JSON.parse((await event.textContent()) ?? '{}')).toEqual({
    elementType: 'address',
    elementMode: 'shipping',
    empty: false,
    complete: true,
    isNewAddress: false,
    value: {
      name: 'Ada Lovelace',
      address: {
        line1: '1 Main St',
        line2: null,
        city: 'Springfield',
        state: 'IL',
        postal_code: '62701',
        country: 'US',
      },
    },
  });
  await expect(page.getByTestId('shipping-address')).toHaveText('Ada Lovelace, 1 Main St, Springfield, US');
  const sessionId = (await page.getByTestId('session-id').textContent()) ?? '';
  const response = await fetch(`${env.emulatorUrl}/_emulator/sessions/${encodeURIComponent(sessionId)}`);
  expect(await response.json()).toMatchObject({
    shippingDetails: { name: 'Ada Lovelace', address: { line1: '1 Main St', postal_code: '62701', country: 'US' } },
  });
});
