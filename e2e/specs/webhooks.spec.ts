import { type APIResponse, expect, type Page, test } from '@playwright/test';
import { z } from 'zod';
import { EMULATOR_WEBHOOK_SECRET, EmulatorControl } from '../../test/emulator-control';
import { signPayload } from '../../test/support/webhook-signing';
import { CARDS } from '../pages/checkout-page';
import { OrderPage } from '../pages/order-page';
import { countOrdersForSession, countStoredEvents, databaseUrl } from '../support/orders-db';
import { addProductToCart, buyProduct, checkoutReadyForCard, type PaidOrder } from '../support/shopper';
import { deliveriesOf, expectOneStoredOrder, sessionEvents, waitForDelivered } from '../support/webhook-journeys';

const emulator = EmulatorControl.fromEnv();
/** The emulator, in steps that only run when it is there (the whole file is skipped otherwise). */
const control = () => EmulatorControl.requireEnv();

test.skip(
  !emulator,
  'Needs the local Stripe emulator: its control API reorders, duplicates, delays and holds webhook deliveries. Against BASE_URL (real Stripe test mode) Stripe delivers on its own schedule.',
);

test.afterEach(async () => {
  await control().resetWebhookSwitches();
});

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const receipt = z.strictObject({ received: z.literal(true), duplicate: z.boolean() });

async function errorCode(response: APIResponse): Promise<string> {
  return errorBody.parse(await response.json()).error.code;
}

async function receiptOf(response: APIResponse): Promise<z.infer<typeof receipt>> {
  return receipt.parse(await response.json());
}

/** The shopper's return page still shows the same single paid order. */
async function expectSameOrderShown(page: Page, paid: PaidOrder): Promise<void> {
  await page.reload();
  const order = new OrderPage(page);
  await expect(order.status).toHaveAttribute('data-value', 'paid');
  await expect(order.orderNumber).toHaveText(paid.orderNumber);
  expect(await order.totalAmount()).toBe(paid.total);
}

test.describe('webhook delivery journeys (emulator)', () => {
  test('every event delivered twice: one order', async ({ page }) => {
    await control().configureWebhooks({ duplicate: true });
    const paid = await buyProduct(page, 'soy-candle');
    const { events } = await sessionEvents(paid.sessionId);

    const delivered = await waitForDelivered(events, 2);
    console.log(`duplicate: ${delivered.length} deliveries of ${events.length} events (${events.map((e) => e.type)})`);
    // Types the store does not act on (payment_intent.*) are acknowledged too.
    expect(delivered.every((delivery) => delivery.status === 200)).toBe(true);
    await expectSameOrderShown(page, paid);
    await expectOneStoredOrder(paid.sessionId);
  });

  test('events delivered out of order: one order', async ({ page }) => {
    await control().configureWebhooks({ outOfOrder: true });
    const paid = await buyProduct(page, 'tea-sampler');
    const { events, completed } = await sessionEvents(paid.sessionId);
    const succeeded = events.find((event) => event.type === 'payment_intent.succeeded');
    expect(succeeded, 'payment_intent.succeeded is emitted before checkout.session.completed').toBeDefined();

    const delivered = await waitForDelivered(events);
    const order = delivered.map((delivery) => delivery.eventId);
    console.log(`out of order: delivered ${delivered.map((d) => d.type).join(' → ')}`);
    expect(order.indexOf(completed.id)).toBeLessThan(order.indexOf(succeeded?.id ?? ''));
    await expectSameOrderShown(page, paid);
    await expectOneStoredOrder(paid.sessionId);
  });

  test('webhooks held until after the shopper saw the return page: one order', async ({ page }) => {
    await control().configureWebhooks({ paused: true });
    const paid = await buyProduct(page, 'leather-journal');
    // The return page fulfilled the order itself; Stripe has not told the store anything yet.
    const { events, completed } = await sessionEvents(paid.sessionId);
    expect(await deliveriesOf([completed])).toEqual([]);
    await expectOneStoredOrder(paid.sessionId);

    expect(await control().flushWebhooks()).toBeGreaterThanOrEqual(events.length);
    const delivered = await waitForDelivered(events);
    console.log(
      `held then flushed: ${delivered.length} deliveries, all ${[...new Set(delivered.map((d) => d.status))]}`,
    );
    await expectSameOrderShown(page, paid);
    await expectOneStoredOrder(paid.sessionId);
  });

  test('webhooks delayed by seconds: the return page does not wait for them, one order', async ({ page }) => {
    await control().configureWebhooks({ delayMs: 2_000 });
    const paid = await buyProduct(page, 'tea-sampler');
    const { events, completed } = await sessionEvents(paid.sessionId);
    expect(await deliveriesOf([completed])).toEqual([]);

    await waitForDelivered(events);
    await expectSameOrderShown(page, paid);
    await expectOneStoredOrder(paid.sessionId);
  });

  test('forged and stale signatures are refused with 400 and nothing is stored', async ({ page, request }) => {
    await control().configureWebhooks({ paused: true });
    const paid = await buyProduct(page, 'soy-candle');
    const { completed } = await sessionEvents(paid.sessionId);

    // The real event with a new id, so whether the store recorded it can be told apart from the real one.
    const forgedId = `evt_forged_${Date.now()}`;
    const body = JSON.stringify({ ...(await control().rawEvent(completed.id)), id: forgedId }, null, 2);
    const now = Math.floor(Date.now() / 1000);
    const post = (payload: string, signature: string | null) =>
      request.post('/api/webhooks/stripe', {
        data: payload,
        headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
      });

    const refused = {
      wrongSecret: await post(body, signPayload(body, 'whsec_not_the_store_secret')),
      tenMinutesOld: await post(body, signPayload(body, EMULATOR_WEBHOOK_SECRET, now - 600)),
      tampered: await post(
        body.replace(paid.sessionId, 'cs_test_someone_else'),
        signPayload(body, EMULATOR_WEBHOOK_SECRET),
      ),
      unsigned: await post(body, null),
    };
    for (const [name, response] of Object.entries(refused)) {
      expect(response.status(), name).toBe(400);
      expect(await errorCode(response), name).toBe('invalid_signature');
    }
    if (databaseUrl) expect(await countStoredEvents(forgedId)).toBe(0);

    // Correctly signed, the same event id is new to the store: none of the refused posts was recorded.
    const genuine = await post(body, signPayload(body, EMULATOR_WEBHOOK_SECRET));
    expect(genuine.status()).toBe(200);
    expect(await receiptOf(genuine)).toEqual({ received: true, duplicate: false });
    const again = await post(body, signPayload(body, EMULATOR_WEBHOOK_SECRET));
    expect(await receiptOf(again)).toEqual({ received: true, duplicate: true });

    await control().flushWebhooks();
    await expectSameOrderShown(page, paid);
    await expectOneStoredOrder(paid.sessionId);
  });

  test('unknown event types are acknowledged with 200 and ignored', async ({ request }) => {
    const id = `evt_unknown_${Date.now()}`;
    const body = JSON.stringify({
      id,
      object: 'event',
      api_version: '2026-10-28.endive',
      created: Math.floor(Date.now() / 1000),
      type: 'customer.created',
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { id: 'cus_qa_unknown', object: 'customer' } },
    });
    const response = await request.post('/api/webhooks/stripe', {
      data: body,
      headers: { 'content-type': 'application/json', 'stripe-signature': signPayload(body, EMULATOR_WEBHOOK_SECRET) },
    });
    expect(response.status()).toBe(200);
    expect(await receiptOf(response)).toEqual({ received: true, duplicate: false });
    if (databaseUrl) expect(await countOrdersForSession('cus_qa_unknown')).toBe(0);
  });

  test('Stripe unreachable when the shopper returns: "confirming", never "no payment was taken"; then the order', async ({
    page,
  }) => {
    // No webhook may fulfil it behind the page's back: the return page alone has to get there.
    await control().configureWebhooks({ paused: true });
    await addProductToCart(page, 'terracotta-planter');
    const created = page.waitForResponse(
      (response) => response.url().endsWith('/api/checkout/sessions') && response.request().method() === 'POST',
    );
    const checkout = await checkoutReadyForCard(page);
    const { sessionId } = z.object({ sessionId: z.string() }).parse(await (await created).json());
    await checkout.fillCard(CARDS.visa);
    await control().injectFault({
      kind: 'error',
      status: 500,
      method: 'GET',
      path: `/v1/checkout/sessions/${sessionId}`,
      count: 1000,
    });
    try {
      await checkout.pay();
      await new OrderPage(page).waitForArrival();
      const confirming = page.getByRole('status').filter({ hasText: /confirming your (payment|order)/i });
      await expect(confirming).toBeVisible();
      await expect(page.getByText(/no payment was taken/i)).toHaveCount(0);
      await expect(page.getByText(/nothing (has been|was) charged/i)).toHaveCount(0);
      await expect(page.getByTestId('order-status')).toHaveCount(0);
    } finally {
      await control().clearFaults();
    }
    // The page checks again by itself (backoff): the order appears without a reload.
    const order = new OrderPage(page);
    await expect(order.status).toHaveAttribute('data-value', 'paid', { timeout: 45_000 });
    await expectOneStoredOrder(sessionId);
  });
});
