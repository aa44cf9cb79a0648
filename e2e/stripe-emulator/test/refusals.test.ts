import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BETA_VERSION, type Harness, priceData, rateData, sessionParams, startHarness, stripeError } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.control('POST', '/reset'));

type Params = Stripe.Checkout.SessionCreateParams;
const loose = (params: Record<string, unknown>) => params as unknown as Params;

describe('refusals match what stripe-node raises for Stripe', () => {
  it.each<[string, Params, { code: string; param: string }]>([
    [
      'ui_mode custom (removed in 2026-03-25.dahlia)',
      loose({ ...sessionParams(), ui_mode: 'custom' }),
      { code: 'parameter_invalid', param: 'ui_mode' },
    ],
    [
      'success_url with elements',
      { ...sessionParams(), success_url: 'https://x.test/ok' },
      { code: 'parameter_invalid', param: 'success_url' },
    ],
    [
      'missing return_url',
      { ...sessionParams(), return_url: undefined },
      { code: 'parameter_missing', param: 'return_url' },
    ],
    [
      'unknown nested param',
      loose({ ...sessionParams(), line_items: [{ price_data: priceData('Tee', 100), quantity: 1, foo: 'bar' }] }),
      { code: 'parameter_unknown', param: 'line_items[0][foo]' },
    ],
    [
      'missing quantity',
      loose({
        ...sessionParams(),
        line_items: [{ price_data: priceData('Tee', 100), quantity: 1 }, { price_data: priceData('Mug', 100) }],
      }),
      { code: 'parameter_missing', param: 'line_items[1][quantity]' },
    ],
    [
      'non-integer amount',
      loose({
        ...sessionParams(),
        line_items: [{ price_data: { ...priceData('Tee', 0), unit_amount: '12.5' }, quantity: 1 }],
      }),
      { code: 'parameter_invalid_integer', param: 'line_items[0][price_data][unit_amount]' },
    ],
    [
      'six shipping options',
      {
        ...sessionParams(),
        shipping_options: Array.from({ length: 6 }, (_, i) => ({ shipping_rate_data: rateData(`R${i}`, 100) })),
      },
      { code: 'parameter_invalid', param: 'shipping_options' },
    ],
    [
      'quantity above adjustable maximum',
      {
        ...sessionParams(),
        line_items: [
          { price_data: priceData('Tee', 100), quantity: 6, adjustable_quantity: { enabled: true, maximum: 5 } },
        ],
      },
      { code: 'parameter_invalid', param: 'line_items[0][quantity]' },
    ],
    [
      'line items in two currencies',
      {
        ...sessionParams(),
        line_items: [
          { price_data: priceData('Tee', 100), quantity: 1 },
          { price_data: priceData('Mug', 100, 'eur'), quantity: 1 },
        ],
      },
      { code: 'parameter_invalid', param: 'line_items[1][price_data][currency]' },
    ],
    [
      'shipping rate in another currency',
      { ...sessionParams(), shipping_options: [{ shipping_rate_data: rateData('Ship', 100, 'eur') }] },
      { code: 'parameter_invalid', param: 'shipping_options[0][shipping_rate_data][fixed_amount][currency]' },
    ],
    [
      'unknown price',
      { ...sessionParams(), line_items: [{ price: 'price_missing', quantity: 1 }] },
      { code: 'resource_missing', param: 'line_items[0][price]' },
    ],
    [
      'expires_at too soon',
      { ...sessionParams(), expires_at: Math.floor(Date.now() / 1000) + 60 },
      { code: 'parameter_invalid', param: 'expires_at' },
    ],
    [
      'invalid customer_email',
      { ...sessionParams(), customer_email: 'not-an-email' },
      { code: 'email_invalid', param: 'customer_email' },
    ],
    [
      'mode subscription (not emulated)',
      { ...sessionParams(), mode: 'subscription' },
      { code: 'emulator_unsupported', param: 'mode' },
    ],
  ])('create: %s', async (_name, params, expected) => {
    const error = await stripeError(h.stripe.checkout.sessions.create(params));
    expect(error.type).toBe('StripeInvalidRequestError');
    expect(error.statusCode).toBe(400);
    expect({ code: error.code, param: error.param }).toEqual(expected);
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.requestId).toMatch(/^req_/);
  });

  it('create: a coupon in another currency, and more than one discount', async () => {
    const eur = await h.stripe.coupons.create({ amount_off: 100, currency: 'eur' });
    const pct = await h.stripe.coupons.create({ percent_off: 5 });
    const mismatch = await stripeError(
      h.stripe.checkout.sessions.create({ ...sessionParams(), discounts: [{ coupon: eur.id }] }),
    );
    expect({ code: mismatch.code, param: mismatch.param }).toEqual({
      code: 'parameter_invalid',
      param: 'discounts[0][coupon]',
    });
    const two = await stripeError(
      h.stripe.checkout.sessions.create({ ...sessionParams(), discounts: [{ coupon: pct.id }, { coupon: pct.id }] }),
    );
    expect({ code: two.code, param: two.param }).toEqual({ code: 'parameter_invalid', param: 'discounts' });
  });

  it('update: unknown line item id, quantity out of range, duplicate ids, coupon currency', async () => {
    const session = await h.stripe.checkout.sessions.create({
      ...sessionParams(),
      line_items: [
        {
          price_data: priceData('Tee', 100),
          quantity: 1,
          adjustable_quantity: { enabled: true, minimum: 1, maximum: 3 },
        },
      ],
      expand: ['line_items'],
    });
    const itemId = session.line_items?.data[0]?.id ?? '';
    const cases: Array<[Stripe.Checkout.SessionUpdateParams, string, string]> = [
      [{ line_items: [{ id: 'li_missing' }] }, 'resource_missing', 'line_items[0][id]'],
      [{ line_items: [{ id: itemId, quantity: 4 }] }, 'parameter_invalid', 'line_items[0][quantity]'],
      [{ line_items: [{ id: itemId }, { id: itemId }] }, 'parameter_invalid', 'line_items[1][id]'],
      [
        { line_items: [{ price_data: priceData('Tee', 100, 'eur'), quantity: 1 }] },
        'parameter_invalid',
        'line_items[0][price_data][currency]',
      ],
    ];
    for (const [params, code, param] of cases) {
      const error = await stripeError(h.stripe.checkout.sessions.update(session.id, params));
      expect({ type: error.type, code: error.code, param: error.param }).toEqual({
        type: 'StripeInvalidRequestError',
        code,
        param,
      });
    }
    const eur = await h.stripe.coupons.create({ amount_off: 100, currency: 'eur' });
    const coupon = await stripeError(
      h.stripe.checkout.sessions.update(
        session.id,
        { discounts: [{ coupon: eur.id }] } as Stripe.Checkout.SessionUpdateParams,
        {
          apiVersion: BETA_VERSION,
        },
      ),
    );
    expect({ code: coupon.code, param: coupon.param }).toEqual({
      code: 'parameter_invalid',
      param: 'discounts[0][coupon]',
    });
    const promo = await stripeError(
      h.stripe.checkout.sessions.update(
        session.id,
        { discounts: [{ promotion_code: 'promo_x' }] } as Stripe.Checkout.SessionUpdateParams,
        {
          apiVersion: BETA_VERSION,
        },
      ),
    );
    expect({ code: promo.code, param: promo.param }).toEqual({
      code: 'parameter_unknown',
      param: 'discounts[0][promotion_code]',
    });
    const stored = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(stored.line_items?.data.map((item) => [item.id, item.quantity])).toEqual([[itemId, 1]]);
  });

  it('update: a completed session is refused', async () => {
    const session = await h.stripe.checkout.sessions.create({ ...sessionParams(), customer_email: 'a@b.test' });
    const paid = await fetch(`${h.emu.url}/v1/elements/sessions/${session.id}/confirm`, {
      method: 'POST',
      headers: { Authorization: 'Bearer pk_test_emulator', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        client_secret: session.client_secret,
        card: { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' },
      }),
    });
    expect(paid.status).toBe(200);
    const error = await stripeError(h.stripe.checkout.sessions.update(session.id, { metadata: { late: 'yes' } }));
    expect(error).toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      code: 'checkout_session_not_open',
    });
  });

  it('missing objects are 404 resource_missing with Stripe wording', async () => {
    const error = await stripeError(h.stripe.checkout.sessions.retrieve('cs_test_missing'));
    expect(error).toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
    });
    expect(error.message).toBe("No such checkout.session: 'cs_test_missing'");
    const coupon = await stripeError(h.stripe.coupons.retrieve('nope'));
    expect(coupon.message).toBe("No such coupon: 'nope'");
  });

  it('an unknown URL is a 404 invalid_request_error', async () => {
    const error = await stripeError(h.stripe.rawRequest('GET', '/v1/not_a_resource'));
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404 });
    expect(error.message).toContain('Unrecognized request URL');
  });
});
