import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BETA_VERSION,
  type Harness,
  priceData,
  RETURN_URL,
  rateData,
  sessionParams,
  startHarness,
  stripeError,
} from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.control('POST', '/reset'));

/** `discounts` is private preview: not in the GA types, sent with the beta Stripe-Version. */
function betaUpdate(params: Record<string, unknown>): Stripe.Checkout.SessionUpdateParams {
  return params as Stripe.Checkout.SessionUpdateParams;
}

const EXPAND_ALL = [
  'line_items',
  'total_details.breakdown',
  'discounts.coupon',
  'discounts.promotion_code',
  'shipping_options.shipping_rate',
  'shipping_cost.shipping_rate',
];

describe('checkout sessions through stripe-node', () => {
  it('creates an elements session with Stripe ids, a client secret and totals', async () => {
    const session = await h.stripe.checkout.sessions.create({
      ...sessionParams(),
      line_items: [
        { price_data: priceData('Tee', 2000), quantity: 2 },
        { price_data: priceData('Mug', 1250), quantity: 1 },
      ],
      shipping_options: [
        { shipping_rate_data: rateData('Standard', 500) },
        { shipping_rate_data: rateData('Express', 1500) },
      ],
      metadata: { cart: 'c_1' },
      expand: ['line_items'],
    });
    expect(session.id).toMatch(/^cs_test_\w+$/);
    expect(session.client_secret).toMatch(new RegExp(`^${session.id}_secret_\\w+$`));
    expect(session.lastResponse.requestId).toMatch(/^req_/);
    expect(session).toMatchObject({
      object: 'checkout.session',
      livemode: false,
      ui_mode: 'elements',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      currency: 'usd',
      amount_subtotal: 5250,
      amount_total: 5750,
      total_details: { amount_discount: 0, amount_shipping: 500, amount_tax: 0 },
      metadata: { cart: 'c_1' },
      payment_intent: null,
      return_url: RETURN_URL,
    });
    expect(Math.abs(session.created - Date.now() / 1000)).toBeLessThan(5);
    expect(session.expires_at - session.created).toBe(24 * 3600);
    expect(session.shipping_options.map((option) => option.shipping_amount)).toEqual([500, 1500]);
    expect(session.shipping_cost?.shipping_rate).toBe(session.shipping_options[0]?.shipping_rate);
    const items = session.line_items?.data ?? [];
    expect(items.map((item) => [item.description, item.quantity, item.amount_subtotal])).toEqual([
      ['Tee', 2, 4000],
      ['Mug', 1, 1250],
    ]);
    expect(items[0]?.id).toMatch(/^li_/);
    expect(items[0]?.price).toMatchObject({ object: 'price', unit_amount: 2000, currency: 'usd' });
  });

  it('replaces line items: keep by id, change quantity, add, remove by omission, in the given order', async () => {
    const created = await h.stripe.checkout.sessions.create({
      ...sessionParams(),
      line_items: [
        { price_data: priceData('Tee', 2000), quantity: 1 },
        { price_data: priceData('Mug', 1000), quantity: 1 },
        { price_data: priceData('Cap', 700), quantity: 1 },
      ],
      expand: ['line_items'],
    });
    const [tee, mug, cap] = created.line_items?.data ?? [];
    if (!tee || !mug || !cap) throw new Error('expected three items');
    const updated = await h.stripe.checkout.sessions.update(created.id, {
      line_items: [
        { id: cap.id },
        { id: tee.id, quantity: 3 },
        { price_data: priceData('Gift wrap', 300), quantity: 1 },
      ],
      expand: ['line_items'],
    });
    const items = updated.line_items?.data ?? [];
    expect(items.map((item) => item.description)).toEqual(['Cap', 'Tee', 'Gift wrap']);
    expect(items[0]?.id).toBe(cap.id);
    expect(items[1]).toMatchObject({ id: tee.id, quantity: 3, amount_subtotal: 6000 });
    expect(items[2]?.id).toMatch(/^li_/);
    expect(items.map((item) => item.id)).not.toContain(mug.id);
    expect(updated.amount_subtotal).toBe(700 + 6000 + 300);
    const listed = await h.stripe.checkout.sessions.listLineItems(created.id);
    expect(listed.data.map((item) => item.id)).toEqual(items.map((item) => item.id));
  });

  it('replaces shipping options (first one selected, fresh shr_ ids) and clears them with an empty value', async () => {
    const created = await h.stripe.checkout.sessions.create({
      ...sessionParams(),
      shipping_options: [{ shipping_rate_data: rateData('Standard', 500) }],
    });
    const firstRate = created.shipping_options[0]?.shipping_rate;
    const updated = await h.stripe.checkout.sessions.update(created.id, {
      shipping_options: [
        { shipping_rate_data: rateData('Standard', 500) },
        { shipping_rate_data: rateData('Express', 1500) },
      ],
      expand: ['shipping_options.shipping_rate', 'shipping_cost.shipping_rate'],
    });
    const rates = updated.shipping_options.map((option) => option.shipping_rate as Stripe.ShippingRate);
    expect(rates.map((rate) => rate.display_name)).toEqual(['Standard', 'Express']);
    expect(rates[0]?.id).toMatch(/^shr_/);
    expect(rates[0]?.id).not.toBe(firstRate);
    expect(updated.shipping_cost?.shipping_rate).toMatchObject({ id: rates[0]?.id });
    expect(updated.amount_total).toBe(2500);
    const stored = await h.stripe.shippingRates.retrieve(rates[1]?.id ?? '');
    expect(stored.fixed_amount?.amount).toBe(1500);

    const cleared = await h.stripe.checkout.sessions.update(created.id, { shipping_options: '' as unknown as [] });
    expect(cleared.shipping_options).toEqual([]);
    expect(cleared.shipping_cost).toBeNull();
    expect(cleared.total_details?.amount_shipping).toBe(0);
    expect(cleared.amount_total).toBe(2000);
  });

  it('refuses server-side discounts without the beta flag, as GA Stripe does', async () => {
    const coupon = await h.stripe.coupons.create({ percent_off: 10 });
    const session = await h.stripe.checkout.sessions.create(sessionParams());
    const error = await stripeError(
      h.stripe.checkout.sessions.update(session.id, betaUpdate({ discounts: [{ coupon: coupon.id }] })),
    );
    expect(error.type).toBe('StripeInvalidRequestError');
    expect(error).toMatchObject({ code: 'parameter_unknown', param: 'discounts', statusCode: 400 });
  });

  it('gates server-only discounts on create behind the beta flag, and refuses them as a 400 or a 403 on request', async () => {
    const params = {
      ...sessionParams(),
      permissions: { update_discounts: 'server_only' } as Stripe.Checkout.SessionCreateParams.Permissions,
    };
    expect(await stripeError(h.stripe.checkout.sessions.create(params))).toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'parameter_unknown',
      param: 'permissions[update_discounts]',
      statusCode: 400,
    });
    await expect(h.stripe.checkout.sessions.create(params, { apiVersion: BETA_VERSION })).resolves.toMatchObject({
      permissions: { update_discounts: 'server_only' },
    });
    await h.control('POST', '/preview', { discounts: 'refused_403' });
    expect(await stripeError(h.stripe.checkout.sessions.create(params, { apiVersion: BETA_VERSION }))).toMatchObject({
      type: 'StripePermissionError',
      code: 'permission_denied',
      param: 'permissions[update_discounts]',
      statusCode: 403,
    });
    await h.control('POST', '/preview', { discounts: 'refused_400' });
    expect(await stripeError(h.stripe.checkout.sessions.create(params, { apiVersion: BETA_VERSION }))).toMatchObject({
      code: 'parameter_unknown',
      statusCode: 400,
    });
    await h.control('POST', '/preview', { discounts: 'granted' });
  });

  it('applies, replaces and clears discounts with the beta flag', async () => {
    const coupon = await h.stripe.coupons.create({ percent_off: 25, name: 'Quarter' });
    const session = await h.stripe.checkout.sessions.create(
      {
        ...sessionParams(),
        permissions: {
          update_shipping_details: 'server_only',
          update_discounts: 'server_only',
        } as Stripe.Checkout.SessionCreateParams.Permissions,
        shipping_options: [{ shipping_rate_data: rateData('Standard', 500) }],
      },
      { apiVersion: BETA_VERSION },
    );
    const withCoupon = await h.stripe.checkout.sessions.update(
      session.id,
      betaUpdate({ discounts: [{ coupon: coupon.id }], expand: EXPAND_ALL }),
      { apiVersion: BETA_VERSION },
    );
    expect(withCoupon).toMatchObject({ amount_subtotal: 2000, amount_total: 2000 - 500 + 500 });
    expect(withCoupon.total_details).toMatchObject({ amount_discount: 500, amount_shipping: 500 });
    expect(withCoupon.discounts?.[0]?.coupon).toMatchObject({ id: coupon.id, percent_off: 25, name: 'Quarter' });
    expect(withCoupon.total_details?.breakdown?.discounts[0]).toMatchObject({
      amount: 500,
      discount: { object: 'discount', checkout_session: session.id, source: { coupon: coupon.id, type: 'coupon' } },
    });
    expect(withCoupon.line_items?.data[0]?.amount_discount).toBe(500);

    const withAmount = await h.stripe.checkout.sessions.update(
      session.id,
      betaUpdate({
        discounts: [{ coupon_data: { amount_off: 700, currency: 'usd', name: 'Loyalty' } }],
        expand: ['discounts.coupon'],
      }),
      { apiVersion: BETA_VERSION },
    );
    expect(withAmount.total_details?.amount_discount).toBe(700);
    expect(withAmount.amount_total).toBe(2000 - 700 + 500);
    const created = withAmount.discounts?.[0]?.coupon as Stripe.Coupon;
    expect((await h.stripe.coupons.retrieve(created.id)).amount_off).toBe(700);

    const cleared = await h.stripe.checkout.sessions.update(session.id, betaUpdate({ discounts: '' }), {
      apiVersion: BETA_VERSION,
    });
    expect(cleared.discounts).toEqual([]);
    expect(cleared.amount_total).toBe(2500);
  });

  it('applies a promotion code on create and expands it', async () => {
    const coupon = await h.stripe.coupons.create({ amount_off: 300, currency: 'usd' });
    const promo = await h.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'SAVE3',
    });
    const session = await h.stripe.checkout.sessions.create({
      ...sessionParams(),
      discounts: [{ promotion_code: promo.id }],
      expand: ['discounts.promotion_code'],
    });
    expect(session.amount_total).toBe(1700);
    expect(session.discounts?.[0]).toMatchObject({
      coupon: coupon.id,
      promotion_code: { id: promo.id, code: 'SAVE3' },
    });
  });

  it('sets the shipping details and merges metadata on update', async () => {
    const session = await h.stripe.checkout.sessions.create({
      ...sessionParams(),
      shipping_address_collection: { allowed_countries: ['US', 'CA'] },
      metadata: { a: '1', b: '2' },
    });
    const updated = await h.stripe.checkout.sessions.update(session.id, {
      collected_information: {
        shipping_details: {
          name: 'Ada',
          address: { country: 'CA', line1: '1 Main St', city: 'Toronto', postal_code: 'M5V 2T6' },
        },
      },
      metadata: { b: '', c: '3' },
    });
    expect(updated.collected_information?.shipping_details).toMatchObject({
      name: 'Ada',
      address: { country: 'CA', line1: '1 Main St', city: 'Toronto', line2: null },
    });
    expect(updated.metadata).toEqual({ a: '1', c: '3' });
    const error = await stripeError(
      h.stripe.checkout.sessions.update(session.id, {
        collected_information: { shipping_details: { name: 'Ada', address: { country: 'FR', line1: '1 rue' } } },
      }),
    );
    expect(error).toMatchObject({
      code: 'shipping_address_invalid',
      param: 'collected_information[shipping_details][address][country]',
    });
  });

  it('expires an open session, then refuses updates and a second expire', async () => {
    const session = await h.stripe.checkout.sessions.create(sessionParams());
    const expired = await h.stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe('expired');
    const update = await stripeError(h.stripe.checkout.sessions.update(session.id, { metadata: { a: 'b' } }));
    expect(update.type).toBe('StripeInvalidRequestError');
    expect(update).toMatchObject({ statusCode: 400, code: 'checkout_session_not_open' });
    const again = await stripeError(h.stripe.checkout.sessions.expire(session.id));
    expect(again.message).toContain('Only Checkout Sessions with a status in ["open"] can be expired');
    const events = await h.stripe.events.list({ type: 'checkout.session.expired' });
    expect(events.data.map((event) => (event.data.object as Stripe.Checkout.Session).id)).toEqual([session.id]);
  });

  it('lists sessions newest first with filters and pagination', async () => {
    const first = await h.stripe.checkout.sessions.create(sessionParams());
    const second = await h.stripe.checkout.sessions.create(sessionParams());
    const third = await h.stripe.checkout.sessions.create(sessionParams());
    await h.stripe.checkout.sessions.expire(second.id);
    const page = await h.stripe.checkout.sessions.list({ limit: 2 });
    expect(page.object).toBe('list');
    expect(page.data.map((session) => session.id)).toEqual([third.id, second.id]);
    expect(page.has_more).toBe(true);
    const next = await h.stripe.checkout.sessions.list({ limit: 2, starting_after: second.id });
    expect(next.data.map((session) => session.id)).toEqual([first.id]);
    expect(next.has_more).toBe(false);
    const open = await h.stripe.checkout.sessions.list({ status: 'open' });
    expect(open.data.map((session) => session.id)).toEqual([third.id, first.id]);
    const all: string[] = [];
    for await (const session of h.stripe.checkout.sessions.list({ limit: 1 })) all.push(session.id);
    expect(all).toEqual([third.id, second.id, first.id]);
  });

  it('filters the list by created, as Stripe does (exact, or gt/gte/lt/lte bounds together)', async () => {
    const old = await h.stripe.checkout.sessions.create(sessionParams());
    await h.control('POST', '/clock/advance', { seconds: 3600 });
    const recent = await h.stripe.checkout.sessions.create(sessionParams());
    const ids = async (params: Stripe.Checkout.SessionListParams) => {
      const listed: string[] = [];
      for await (const session of h.stripe.checkout.sessions.list({ limit: 1, ...params })) listed.push(session.id);
      return listed;
    };
    expect(await ids({ created: { gte: recent.created } })).toEqual([recent.id]);
    expect(await ids({ created: { gt: old.created } })).toEqual([recent.id]);
    expect(await ids({ created: { lt: recent.created } })).toEqual([old.id]);
    expect(await ids({ created: { gte: old.created, lte: recent.created } })).toEqual([recent.id, old.id]);
    expect(await ids({ created: old.created })).toEqual([old.id]);
    expect(await ids({ created: { gt: recent.created } })).toEqual([]);
    const error = await stripeError(
      h.stripe.checkout.sessions.list({ created: { gte: 'soon' } as unknown as Stripe.RangeQueryParam }),
    );
    expect(error).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
  });

  it('keeps coupon_data metadata on the coupon an update creates', async () => {
    const session = await h.stripe.checkout.sessions.create(
      {
        ...sessionParams(),
        permissions: { update_discounts: 'server_only' } as Stripe.Checkout.SessionCreateParams.Permissions,
      },
      { apiVersion: BETA_VERSION },
    );
    const metadata = { rule_ids: 'launch-50', rule_amounts: '1000' };
    const updated = await h.stripe.checkout.sessions.update(
      session.id,
      betaUpdate({
        discounts: [{ coupon_data: { amount_off: 1000, currency: 'usd', name: 'Launch', duration: 'once', metadata } }],
        expand: ['discounts.coupon'],
      }),
      { apiVersion: BETA_VERSION },
    );
    const coupon = updated.discounts?.[0]?.coupon as Stripe.Coupon;
    expect(coupon.metadata).toEqual(metadata);
    expect((await h.stripe.coupons.retrieve(coupon.id)).metadata).toEqual(metadata);
  });

  it('retrieves with every supported expand, and refuses an unknown one', async () => {
    const session = await h.stripe.checkout.sessions.create({
      ...sessionParams(),
      shipping_options: [{ shipping_rate_data: rateData('Standard', 500) }],
    });
    const full = await h.stripe.checkout.sessions.retrieve(session.id, { expand: EXPAND_ALL });
    expect(full.line_items?.data).toHaveLength(1);
    expect(full.total_details?.breakdown).toEqual({ discounts: [], taxes: [] });
    expect(full.shipping_options[0]?.shipping_rate).toMatchObject({ object: 'shipping_rate' });
    const plain = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(plain.line_items).toBeUndefined();
    expect(plain.total_details?.breakdown).toBeUndefined();
    const error = await stripeError(h.stripe.checkout.sessions.retrieve(session.id, { expand: ['customer'] }));
    expect(error).toMatchObject({ param: 'expand[0]' });
  });

  it('uses stored Prices and Products', async () => {
    const product = await h.stripe.products.create({ name: 'Poster' });
    const price = await h.stripe.prices.create({ product: product.id, unit_amount: 1500, currency: 'usd' });
    const session = await h.stripe.checkout.sessions.create({
      ...sessionParams(),
      line_items: [{ price: price.id, quantity: 2, adjustable_quantity: { enabled: true, minimum: 1, maximum: 5 } }],
      expand: ['line_items.data.price.product'],
    });
    const item = session.line_items?.data[0];
    expect(item).toMatchObject({
      description: 'Poster',
      amount_subtotal: 3000,
      adjustable_quantity: { enabled: true, minimum: 1, maximum: 5 },
    });
    expect(item?.price?.product).toMatchObject({ object: 'product', name: 'Poster' });
  });
});
