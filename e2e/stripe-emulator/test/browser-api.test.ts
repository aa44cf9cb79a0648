import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BETA_VERSION, browserCall, type Harness, rateData, sessionParams, startHarness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.control('POST', '/reset'));

const card = (number: string) => ({ number, exp_month: 12, exp_year: 2099, cvc: '123' });

async function openSession(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  // Server-only discounts are a preview: asking for them needs the beta Stripe-Version.
  return h.stripe.checkout.sessions.create({ ...sessionParams(), ...overrides }, { apiVersion: BETA_VERSION });
}

function path(session: Stripe.Checkout.Session, suffix = '') {
  return `/v1/elements/sessions/${session.id}${suffix}`;
}

describe('browser API', () => {
  it('answers the expanded session for the right publishable key and client secret, with CORS', async () => {
    const session = await openSession({ shipping_options: [{ shipping_rate_data: rateData('Standard', 500) }] });
    const response = await fetch(`${h.emu.url}${path(session)}?client_secret=${session.client_secret}`, {
      headers: { Authorization: 'Bearer pk_test_emulator' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as Stripe.Checkout.Session;
    expect(body.id).toBe(session.id);
    expect(body.line_items?.data).toHaveLength(1);
    expect(body.total_details?.breakdown).toBeDefined();
    expect(body.shipping_options[0]?.shipping_rate).toMatchObject({
      object: 'shipping_rate',
      display_name: 'Standard',
    });
    const preflight = await fetch(`${h.emu.url}${path(session)}`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
    const wrongSecret = await fetch(`${h.emu.url}${path(session)}?client_secret=nope`, {
      headers: { Authorization: 'Bearer pk_test_emulator' },
    });
    expect(wrongSecret.status).toBe(401);
    const noKey = await fetch(`${h.emu.url}${path(session)}?client_secret=${session.client_secret}`);
    expect(noKey.status).toBe(401);
  });

  it('selects a shipping option, sets email and shipping address, applies and removes a promotion code', async () => {
    const coupon = await h.stripe.coupons.create({ percent_off: 50 });
    await h.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, code: 'HALF' });
    const session = await openSession({
      shipping_address_collection: { allowed_countries: ['US'] },
      shipping_options: [
        { shipping_rate_data: rateData('Standard', 500) },
        { shipping_rate_data: rateData('Express', 1500) },
      ],
    });
    const express = session.shipping_options[1]?.shipping_rate as string;
    const secret = session.client_secret;
    const selected = await browserCall(h.emu.url, 'POST', path(session), {
      client_secret: secret,
      shipping_rate: express,
    });
    expect(selected.json.amount_total).toBe(3500);
    const contact = await browserCall(h.emu.url, 'POST', path(session), {
      client_secret: secret,
      email: 'ada@example.test',
      shipping_address: {
        name: 'Ada',
        address: { country: 'US', line1: '1 Main St', city: 'Springfield', postal_code: '12345', state: 'IL' },
      },
    });
    expect(contact.status).toBe(200);
    expect((contact.json.customer_details as { email: string }).email).toBe('ada@example.test');
    const promo = await browserCall(h.emu.url, 'POST', path(session), {
      client_secret: secret,
      promotion_code: 'half',
    });
    expect(promo.json.amount_total).toBe(1000 + 1500);
    const unknown = await browserCall(h.emu.url, 'POST', path(session), {
      client_secret: secret,
      promotion_code: 'NOPE',
    });
    expect(unknown.status).toBe(400);
    expect((unknown.json.error as { code: string }).code).toBe('invalidCode');
    const removed = await browserCall(h.emu.url, 'POST', path(session), {
      client_secret: secret,
      promotion_code: null,
    });
    expect(removed.json.amount_total).toBe(3500);
    const abroad = await browserCall(h.emu.url, 'POST', path(session), {
      client_secret: secret,
      shipping_address: { name: 'Ada', address: { country: 'FR', line1: '1 rue' } },
    });
    expect((abroad.json.error as { code: string }).code).toBe('shipping_address_invalid');
    const badRate = await browserCall(h.emu.url, 'POST', path(session), {
      client_secret: secret,
      shipping_rate: 'shr_other',
    });
    expect(badRate.status).toBe(400);
  });

  it('refuses client changes that server_only permissions forbid', async () => {
    await h.stripe.coupons.create({ id: 'TEN', percent_off: 10 });
    await h.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: 'TEN' }, code: 'TEN' });
    const session = await openSession({
      shipping_address_collection: { allowed_countries: ['US'] },
      permissions: {
        update_shipping_details: 'server_only',
        update_discounts: 'server_only',
      } as Stripe.Checkout.SessionCreateParams.Permissions,
    });
    const address = await browserCall(h.emu.url, 'POST', path(session), {
      client_secret: session.client_secret,
      shipping_address: { name: 'Ada', address: { country: 'US', line1: '1 Main St' } },
    });
    expect(address.status).toBe(400);
    expect((address.json.error as { code: string }).code).toBe('permission_denied');
    const promo = await browserCall(h.emu.url, 'POST', path(session), {
      client_secret: session.client_secret,
      promotion_code: 'TEN',
    });
    expect((promo.json.error as { code: string }).code).toBe('permission_denied');
  });

  it('confirms with 4242: PaymentIntent succeeded, session complete and paid, events recorded', async () => {
    const session = await openSession({ customer_email: 'buyer@example.test' });
    const result = await browserCall(h.emu.url, 'POST', path(session, '/confirm'), {
      client_secret: session.client_secret,
      card: card('4242 4242 4242 4242'),
    });
    expect(result.status).toBe(200);
    const intent = result.json.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({ status: 'succeeded', amount: 2000, amount_received: 2000, currency: 'usd' });
    expect(intent.id).toMatch(/^pi_/);
    expect(intent.payment_method).toMatch(/^pm_/);
    expect(intent.latest_charge).toMatch(/^ch_/);
    expect(result.json.return_url).toBe(`https://shop.test/checkout/return?session_id=${session.id}`);
    const stored = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(stored).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      customer_details: { email: 'buyer@example.test' },
    });
    expect((stored.payment_intent as Stripe.PaymentIntent).id).toBe(intent.id);
    expect((await h.stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
    const types = (await h.stripe.events.list()).data.map((event) => event.type).reverse();
    expect(types).toEqual(['payment_intent.created', 'payment_intent.succeeded', 'checkout.session.completed']);
    const completed = (await h.stripe.events.list({ type: 'checkout.session.completed' })).data[0];
    expect(completed?.request).toEqual({ id: null, idempotency_key: null });
    expect(completed?.data.object).toMatchObject({ object: 'checkout.session', payment_status: 'paid' });
  });

  it.each([
    ['4000000000000002', 'generic_decline'],
    ['4000000000009995', 'insufficient_funds'],
  ])('declines %s with card_declined / %s and keeps the session open', async (number, declineCode) => {
    const session = await openSession();
    const result = await browserCall(h.emu.url, 'POST', path(session, '/confirm'), {
      client_secret: session.client_secret,
      email: 'buyer@example.test',
      card: card(number),
    });
    expect(result.status).toBe(402);
    const error = result.json.error as {
      type: string;
      code: string;
      decline_code: string;
      payment_intent: Stripe.PaymentIntent;
    };
    expect(error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: declineCode });
    expect(error.payment_intent).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'card_declined', decline_code: declineCode },
    });
    const stored = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(stored).toMatchObject({ status: 'open', payment_status: 'unpaid', payment_intent: error.payment_intent.id });
    expect((await h.stripe.events.list({ type: 'payment_intent.payment_failed' })).data).toHaveLength(1);
    const retry = await browserCall(h.emu.url, 'POST', path(session, '/confirm'), {
      client_secret: session.client_secret,
      card: card('4242424242424242'),
    });
    expect((retry.json.payment_intent as Stripe.PaymentIntent).id).toBe(error.payment_intent.id);
  });

  it('refuses an unknown card number as incorrect_number, and confirming without email or address', async () => {
    const session = await openSession({ shipping_address_collection: { allowed_countries: ['US'] } });
    const noEmail = await browserCall(h.emu.url, 'POST', path(session, '/confirm'), {
      client_secret: session.client_secret,
      card: card('4242424242424242'),
    });
    expect(noEmail.status).toBe(400);
    expect((noEmail.json.error as { code: string }).code).toBe('email_invalid');
    const noAddress = await browserCall(h.emu.url, 'POST', path(session, '/confirm'), {
      client_secret: session.client_secret,
      email: 'a@b.test',
      card: card('4242424242424242'),
    });
    expect((noAddress.json.error as { code: string }).code).toBe('shipping_address_invalid');
    await browserCall(h.emu.url, 'POST', path(session), {
      client_secret: session.client_secret,
      shipping_address: { name: 'Ada', address: { country: 'US', line1: '1 Main St' } },
    });
    const wrongNumber = await browserCall(h.emu.url, 'POST', path(session, '/confirm'), {
      client_secret: session.client_secret,
      email: 'a@b.test',
      card: card('4111111111111112'),
    });
    expect(wrongNumber.status).toBe(402);
    expect(wrongNumber.json.error).toMatchObject({ type: 'card_error', code: 'incorrect_number' });
    const malformed = await browserCall(h.emu.url, 'POST', path(session, '/confirm'), {
      client_secret: session.client_secret,
      card: 'x',
    });
    expect(malformed.status).toBe(400);
    const notJson = await fetch(`${h.emu.url}${path(session, '/confirm')}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer pk_test_emulator' },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
  });

  it('refuses to confirm a session that is no longer open', async () => {
    const session = await openSession({ customer_email: 'a@b.test' });
    await h.stripe.checkout.sessions.expire(session.id);
    const result = await browserCall(h.emu.url, 'POST', path(session, '/confirm'), {
      client_secret: session.client_secret,
      card: card('4242424242424242'),
    });
    expect(result.status).toBe(400);
    expect((result.json.error as { code: string }).code).toBe('checkout_session_not_open');
  });

  it('completes a fully discounted order without a PaymentIntent', async () => {
    const coupon = await h.stripe.coupons.create({ percent_off: 100 });
    const session = await openSession({ customer_email: 'a@b.test', discounts: [{ coupon: coupon.id }] });
    const result = await browserCall(h.emu.url, 'POST', path(session, '/confirm'), {
      client_secret: session.client_secret,
      card: card('4242424242424242'),
    });
    expect(result.json.payment_intent).toBeNull();
    expect((result.json.session as Stripe.Checkout.Session).payment_status).toBe('no_payment_required');
    expect((await h.stripe.coupons.retrieve(coupon.id)).times_redeemed).toBe(1);
  });
});
