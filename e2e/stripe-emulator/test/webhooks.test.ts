import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_SECRET } from '../src/index';
import { type Harness, sessionParams, startHarness, startWebhookSink, waitFor } from './helpers';

let h: Harness;
const verifier = new Stripe('sk_test_verifier');
beforeAll(async () => {
  h = await startHarness({ webhookRetryBaseMs: 20 });
});
afterAll(() => h.close());
afterEach(async () => {
  await h.control('POST', '/webhooks', {
    url: null,
    duplicate: false,
    outOfOrder: false,
    paused: false,
    delayMs: 0,
    secret: DEFAULT_WEBHOOK_SECRET,
  });
  await h.control('POST', '/reset');
});

interface Delivery {
  eventId: string;
  type: string;
  attempt: number;
  status: number;
}
const deliveries = async () => (await h.control<{ data: Delivery[] }>('GET', '/webhooks/deliveries')).data;

describe('webhooks', () => {
  it('posts each event signed so that stripe.webhooks.constructEvent accepts it', async () => {
    const sink = await startWebhookSink();
    try {
      await h.control('POST', '/webhooks', { url: sink.url, secret: 'whsec_test_secret' });
      const coupon = await h.stripe.coupons.create({ percent_off: 10 }, { idempotencyKey: 'coupon-key' });
      await waitFor(() => sink.received.length === 1);
      const [delivery] = sink.received;
      if (!delivery) throw new Error('no delivery');
      expect(delivery.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      const event = verifier.webhooks.constructEvent(delivery.body, delivery.signature, 'whsec_test_secret');
      expect(event).toMatchObject({
        object: 'event',
        type: 'coupon.created',
        livemode: false,
        api_version: '2026-10-28.endive',
        pending_webhooks: 1,
        request: { idempotency_key: 'coupon-key' },
        data: { object: { id: coupon.id, object: 'coupon' } },
      });
      expect(event.id).toMatch(/^evt_/);
      expect(event.request?.id).toMatch(/^req_/);
      expect(() => verifier.webhooks.constructEvent(delivery.body, delivery.signature, 'whsec_wrong')).toThrow(
        Stripe.errors.StripeSignatureVerificationError,
      );
      expect(await deliveries()).toEqual([expect.objectContaining({ eventId: event.id, attempt: 1, status: 200 })]);
      expect((await h.stripe.events.retrieve(event.id)).type).toBe('coupon.created');
    } finally {
      await sink.close();
    }
  });

  it('retries after non-2xx answers with backoff until one succeeds', async () => {
    const sink = await startWebhookSink([500, 503]);
    try {
      await h.control('POST', '/webhooks', { url: sink.url });
      await h.stripe.coupons.create({ percent_off: 10 });
      await waitFor(() => sink.received.length === 3);
      const log = await deliveries();
      expect(log.map((delivery) => [delivery.attempt, delivery.status])).toEqual([
        [1, 500],
        [2, 503],
        [3, 200],
      ]);
      const ids = new Set(sink.received.map((delivery) => JSON.parse(delivery.body).id));
      expect(ids.size).toBe(1);
    } finally {
      await sink.close();
    }
  });

  it('gives up after five attempts and records network errors as status 0', async () => {
    await h.control('POST', '/webhooks', { url: 'http://127.0.0.1:9/unreachable' });
    await h.stripe.coupons.create({ percent_off: 10 });
    await waitFor(() => h.emu.emulator.webhooks.deliveries().length === 5, 8000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const log = await deliveries();
    expect(log.map((delivery) => delivery.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(log.every((delivery) => delivery.status === 0)).toBe(true);
  });

  it('delivers every event twice in duplicate mode', async () => {
    const sink = await startWebhookSink();
    try {
      await h.control('POST', '/webhooks', { url: sink.url, duplicate: true });
      await h.stripe.coupons.create({ percent_off: 10 });
      await waitFor(() => sink.received.length === 2);
      expect(sink.received[0]?.body).toBe(sink.received[1]?.body);
    } finally {
      await sink.close();
    }
  });

  it('holds events while paused and delivers them on flush; out-of-order delivers newest first', async () => {
    const sink = await startWebhookSink();
    try {
      await h.control('POST', '/webhooks', { url: sink.url, paused: true, outOfOrder: true });
      const first = await h.stripe.coupons.create({ percent_off: 10 });
      const second = await h.stripe.coupons.create({ percent_off: 20 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sink.received).toHaveLength(0);
      expect(await h.control('POST', '/webhooks/flush')).toEqual({ flushed: 2 });
      await waitFor(() => sink.received.length === 2);
      const order = sink.received.map((delivery) => JSON.parse(delivery.body).data.object.id);
      expect(order).toEqual([second.id, first.id]);
    } finally {
      await sink.close();
    }
  });

  it('out-of-order without pause delivers newest first after a short window', async () => {
    const sink = await startWebhookSink();
    try {
      await h.control('POST', '/webhooks', { url: sink.url, outOfOrder: true });
      const session = await h.stripe.checkout.sessions.create(sessionParams());
      await h.stripe.checkout.sessions.expire(session.id);
      const coupon = await h.stripe.coupons.create({ percent_off: 10 });
      await waitFor(() => sink.received.length === 2);
      expect(sink.received.map((delivery) => JSON.parse(delivery.body).type)).toEqual([
        'coupon.created',
        'checkout.session.expired',
      ]);
      expect(JSON.parse(sink.received[0]?.body ?? '{}').data.object.id).toBe(coupon.id);
    } finally {
      await sink.close();
    }
  });

  it('delays deliveries by delayMs', async () => {
    const sink = await startWebhookSink();
    try {
      await h.control('POST', '/webhooks', { url: sink.url, delayMs: 300 });
      const started = Date.now();
      await h.stripe.coupons.create({ percent_off: 10 });
      await waitFor(() => sink.received.length === 1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    } finally {
      await sink.close();
    }
  });

  it('records events with pending_webhooks 0 when no endpoint is configured', async () => {
    await h.stripe.coupons.create({ percent_off: 10 });
    const [event] = (await h.stripe.events.list()).data;
    expect(event?.pending_webhooks).toBe(0);
    expect(await deliveries()).toEqual([]);
  });
});
