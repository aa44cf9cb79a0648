import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, sessionParams, startHarness, stripeError, stripeFor } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.control('POST', '/reset'));

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  stripeVersion: string | null;
  idempotencyKey: string | null;
}
const requests = async () => (await h.control<{ data: LoggedRequest[] }>('GET', '/requests')).data;

describe('idempotency', () => {
  it('replays the first response for the same key and params', async () => {
    const first = await h.stripe.coupons.create({ percent_off: 10 }, { idempotencyKey: 'key-1' });
    const second = await h.stripe.coupons.create({ percent_off: 10 }, { idempotencyKey: 'key-1' });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await h.stripe.coupons.list()).data).toHaveLength(1);
    expect((await h.stripe.events.list({ type: 'coupon.created' })).data).toHaveLength(1);
  });

  it('replays stored errors too', async () => {
    const options = { idempotencyKey: 'key-missing' };
    const first = await stripeError(h.stripe.checkout.sessions.expire('cs_test_missing', {}, options));
    const second = await stripeError(h.stripe.checkout.sessions.expire('cs_test_missing', {}, options));
    expect(second.statusCode).toBe(404);
    expect(second.message).toBe(first.message);
    expect(second.headers?.['idempotent-replayed']).toBe('true');
  });

  it('refuses the same key with different params or another endpoint', async () => {
    await h.stripe.coupons.create({ percent_off: 10 }, { idempotencyKey: 'key-2' });
    const params = await stripeError(h.stripe.coupons.create({ percent_off: 20 }, { idempotencyKey: 'key-2' }));
    expect(params.type).toBe('StripeIdempotencyError');
    expect(params.statusCode).toBe(400);
    const endpoint = await stripeError(h.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'key-2' }));
    expect(endpoint.type).toBe('StripeIdempotencyError');
  });

  it('answers 409 to a duplicate that arrives while the first is still executing', async () => {
    await h.control('POST', '/faults', { method: 'POST', path: '/v1/coupons', kind: 'latency', latencyMs: 400 });
    const first = h.stripe.coupons.create({ percent_off: 10 }, { idempotencyKey: 'key-3' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const duplicate = await stripeError(h.stripe.coupons.create({ percent_off: 10 }, { idempotencyKey: 'key-3' }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.code).toBe('idempotency_key_in_use');
    const created = await first;
    const replay = await h.stripe.coupons.create({ percent_off: 10 }, { idempotencyKey: 'key-3' });
    expect(replay.id).toBe(created.id);
  });

  it('does not store a validation refusal, so a corrected retry with the key runs', async () => {
    const bad = await stripeError(
      h.stripe.rawRequest('POST', '/v1/coupons', { percent_off: 'lots' }, { idempotencyKey: 'key-4' }),
    );
    expect(bad.code).toBe('parameter_invalid');
    const retry = await stripeError(
      h.stripe.rawRequest('POST', '/v1/coupons', { percent_off: 'lots' }, { idempotencyKey: 'key-4' }),
    );
    expect(retry.headers?.['idempotent-replayed']).toBeUndefined();
  });

  it('logs every API request with its Stripe-Version and idempotency key', async () => {
    await h.stripe.coupons.create(
      { percent_off: 10 },
      { idempotencyKey: 'key-5', apiVersion: '2026-10-28.endive; checkout_server_update_beta=v1' },
    );
    await h.stripe.coupons.list();
    const log = await requests();
    expect(log).toEqual([
      {
        method: 'POST',
        path: '/v1/coupons',
        status: 200,
        stripeVersion: '2026-10-28.endive; checkout_server_update_beta=v1',
        idempotencyKey: 'key-5',
      },
      { method: 'GET', path: '/v1/coupons', status: 200, stripeVersion: '2026-10-28.endive', idempotencyKey: null },
    ]);
    const auto = (await h.stripe.coupons.create({ percent_off: 1 }).then(requests)).at(-1);
    expect(auto?.idempotencyKey).toMatch(/^stripe-node-retry-/);
  });
});

describe('authentication', () => {
  it('refuses a missing, live or publishable key with 401', async () => {
    for (const key of ['sk_live_abc123', 'pk_test_abc123', 'nonsense']) {
      const error = await stripeError(stripeFor(h.emu.port, {}, key).coupons.list());
      expect(error.type).toBe('StripeAuthenticationError');
      expect(error.statusCode).toBe(401);
    }
    const response = await fetch(`${h.emu.url}/v1/coupons`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('authentication_error');
  });
});

describe('fault injection', () => {
  it('answers api_error 500 for the next matching requests only', async () => {
    await h.control('POST', '/faults', { method: 'POST', path: '/v1/checkout/sessions', kind: 'error', count: 2 });
    const first = await stripeError(h.stripe.checkout.sessions.create(sessionParams()));
    expect(first.type).toBe('StripeAPIError');
    expect(first.statusCode).toBe(500);
    await h.stripe.coupons.create({ percent_off: 5 });
    await stripeError(h.stripe.checkout.sessions.create(sessionParams()));
    const third = await h.stripe.checkout.sessions.create(sessionParams());
    expect(third.status).toBe('open');
  });

  it('lets stripe-node retry a faulted request with the same idempotency key', async () => {
    await h.control('POST', '/faults', { path: '/v1/checkout/sessions', kind: 'error', status: 503 });
    const retrying = stripeFor(h.emu.port, { maxNetworkRetries: 1 });
    const session = await retrying.checkout.sessions.create(sessionParams());
    expect(session.status).toBe('open');
    const log = (await requests()).filter((entry) => entry.path === '/v1/checkout/sessions');
    expect(log.map((entry) => entry.status)).toEqual([503, 200]);
    expect(log[0]?.idempotencyKey).toBe(log[1]?.idempotencyKey);
  });

  it('answers 429 rate_limit', async () => {
    await h.control('POST', '/faults', { kind: 'rate_limit' });
    const error = await stripeError(h.stripe.coupons.list());
    expect(error.type).toBe('StripeRateLimitError');
    expect(error).toMatchObject({ statusCode: 429, code: 'rate_limit' });
  });

  it('hangs on a timeout fault until the client gives up', async () => {
    await h.control('POST', '/faults', { kind: 'timeout', latencyMs: 5000 });
    const impatient = stripeFor(h.emu.port, { timeout: 300 });
    const started = Date.now();
    const error = await stripeError(impatient.coupons.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(error.message).toContain('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('serves the request after the injected latency', async () => {
    await h.control('POST', '/faults', { method: 'GET', kind: 'latency', latencyMs: 300 });
    const started = Date.now();
    const list = await h.stripe.coupons.list();
    expect(list.object).toBe('list');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('clears faults', async () => {
    await h.control('POST', '/faults', { kind: 'error', count: 5 });
    await h.control('DELETE', '/faults');
    expect((await h.stripe.coupons.list()).object).toBe('list');
  });
});
