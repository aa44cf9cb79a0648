import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserCall, type Harness, sessionParams, startHarness, stripeError } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.control('POST', '/reset'));

/** A $20.00 session paid with 4242: its succeeded PaymentIntent. */
async function paidIntent(): Promise<Stripe.PaymentIntent> {
  const session = await h.stripe.checkout.sessions.create({ ...sessionParams(), customer_email: 'buyer@example.test' });
  const result = await browserCall(h.emu.url, 'POST', `/v1/elements/sessions/${session.id}/confirm`, {
    client_secret: session.client_secret,
    card: { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' },
  });
  if (result.status !== 200) throw new Error(`payment failed: ${JSON.stringify(result.json)}`);
  return result.json.payment_intent as Stripe.PaymentIntent;
}

async function eventsOf(type: string): Promise<Stripe.Event[]> {
  return (await h.stripe.events.list({ type, limit: 100 })).data;
}

describe('refunds', () => {
  it('refunds part, then the rest; each emits refund.created and charge.refunded with the amount refunded so far', async () => {
    const intent = await paidIntent();
    const partial = await h.stripe.refunds.create({
      payment_intent: intent.id,
      amount: 500,
      reason: 'requested_by_customer',
      metadata: { order_id: '7' },
    });
    expect(partial).toMatchObject({
      object: 'refund',
      amount: 500,
      status: 'succeeded',
      payment_intent: intent.id,
      charge: intent.latest_charge,
      currency: 'usd',
      reason: 'requested_by_customer',
      metadata: { order_id: '7' },
    });
    expect(partial.id).toMatch(/^re_/);
    const rest = await h.stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(1500);

    const charges = (await eventsOf('charge.refunded')).map((event) => event.data.object as Stripe.Charge).reverse();
    expect(charges.map((charge) => [charge.amount_refunded, charge.refunded, charge.payment_intent])).toEqual([
      [500, false, intent.id],
      [2000, true, intent.id],
    ]);
    expect((await eventsOf('refund.created')).map((event) => (event.data.object as Stripe.Refund).id)).toEqual([
      rest.id,
      partial.id,
    ]);
    const listed = await h.stripe.refunds.list({ payment_intent: intent.id });
    expect(listed.data.map((refund) => refund.id)).toEqual([rest.id, partial.id]);
    expect((await h.stripe.refunds.retrieve(partial.id)).amount).toBe(500);
  });

  it('refuses more than is left, a refund of a fully refunded charge, and an unpaid PaymentIntent', async () => {
    const intent = await paidIntent();
    await h.stripe.refunds.create({ payment_intent: intent.id, amount: 1500 });
    const tooMuch = await stripeError(h.stripe.refunds.create({ payment_intent: intent.id, amount: 501 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });
    await h.stripe.refunds.create({ payment_intent: intent.id });
    const again = await stripeError(h.stripe.refunds.create({ payment_intent: intent.id }));
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
    expect(await stripeError(h.stripe.refunds.create({ payment_intent: 'pi_missing' }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'payment_intent',
    });
    expect(await stripeError(h.stripe.refunds.create({ payment_intent: intent.id, amount: 0 }))).toMatchObject({
      statusCode: 400,
    });
    expect((await eventsOf('charge.refunded')).length).toBe(2);
  });

  it('replays an idempotent refund instead of refunding twice', async () => {
    const intent = await paidIntent();
    const first = await h.stripe.refunds.create({ payment_intent: intent.id, amount: 700 }, { idempotencyKey: 'r-1' });
    const second = await h.stripe.refunds.create({ payment_intent: intent.id, amount: 700 }, { idempotencyKey: 'r-1' });
    expect(second.id).toBe(first.id);
    expect((await h.stripe.refunds.list({ payment_intent: intent.id })).data).toHaveLength(1);
  });
});
