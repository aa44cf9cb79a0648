import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, sessionParams, startHarness, stripeError } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.control('POST', '/reset'));

describe('coupons', () => {
  it('creates percent and amount coupons with random alphanumeric ids and lists them newest first', async () => {
    const percent = await h.stripe.coupons.create({ percent_off: 12.5, duration: 'once', name: 'Spring' });
    const amount = await h.stripe.coupons.create({ amount_off: 500, currency: 'EUR', duration: 'forever' });
    expect(percent.id).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(percent).toMatchObject({
      object: 'coupon',
      percent_off: 12.5,
      amount_off: null,
      currency: null,
      valid: true,
      times_redeemed: 0,
    });
    expect(amount).toMatchObject({ amount_off: 500, currency: 'eur', duration: 'forever' });
    expect((await h.stripe.coupons.list()).data.map((coupon) => coupon.id)).toEqual([amount.id, percent.id]);
    expect((await h.stripe.coupons.retrieve(percent.id)).name).toBe('Spring');
  });

  it('refuses incomplete or contradictory coupons', async () => {
    const neither = await stripeError(h.stripe.coupons.create({ duration: 'once' }));
    expect(neither.code).toBe('parameter_missing');
    const both = await stripeError(h.stripe.coupons.create({ percent_off: 5, amount_off: 5, currency: 'usd' }));
    expect(both.code).toBe('parameters_exclusive');
    const noCurrency = await stripeError(h.stripe.coupons.create({ amount_off: 5 }));
    expect(noCurrency).toMatchObject({ code: 'parameter_missing', param: 'currency' });
    const tooMuch = await stripeError(h.stripe.coupons.create({ percent_off: 150 }));
    expect(tooMuch.param).toBe('percent_off');
    await h.stripe.coupons.create({ id: 'SAME', percent_off: 5 });
    const duplicate = await stripeError(h.stripe.coupons.create({ id: 'SAME', percent_off: 5 }));
    expect(duplicate.code).toBe('resource_already_exists');
  });
});

describe('promotion codes', () => {
  it('creates codes with promotion.coupon (stripe@23 params) and finds them by code', async () => {
    const coupon = await h.stripe.coupons.create({ percent_off: 10 });
    const promo = await h.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'WELCOME10',
    });
    expect(promo.id).toMatch(/^promo_/);
    expect(promo).toMatchObject({
      object: 'promotion_code',
      code: 'WELCOME10',
      active: true,
      promotion: { type: 'coupon', coupon: coupon.id },
    });
    const generated = await h.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id } });
    expect(generated.code).toMatch(/^[A-Z0-9]{8}$/);
    const found = await h.stripe.promotionCodes.list({ code: 'welcome10', expand: ['data.promotion.coupon'] });
    expect(found.data).toHaveLength(1);
    expect(found.data[0]?.promotion.coupon).toMatchObject({ object: 'coupon', percent_off: 10 });
    const duplicate = await stripeError(
      h.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, code: 'WELCOME10' }),
    );
    expect(duplicate.code).toBe('resource_already_exists');
    const missing = await stripeError(
      h.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: 'nope' } }),
    );
    expect(missing).toMatchObject({ code: 'resource_missing', param: 'promotion[coupon]', statusCode: 400 });
    const legacy = await stripeError(
      h.stripe.promotionCodes.create({ coupon: coupon.id } as unknown as Stripe.PromotionCodeCreateParams),
    );
    expect(legacy).toMatchObject({ code: 'parameter_unknown', param: 'coupon' });
  });

  it('refuses inactive codes and unmet minimums on a session', async () => {
    const coupon = await h.stripe.coupons.create({ percent_off: 10 });
    const inactive = await h.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      active: false,
    });
    const error = await stripeError(
      h.stripe.checkout.sessions.create({ ...sessionParams(), discounts: [{ promotion_code: inactive.id }] }),
    );
    expect(error.param).toBe('discounts[0][promotion_code]');
    const minimum = await h.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      restrictions: { minimum_amount: 5000, minimum_amount_currency: 'usd' },
    });
    const small = await stripeError(
      h.stripe.checkout.sessions.create({ ...sessionParams(), discounts: [{ promotion_code: minimum.id }] }),
    );
    expect(small.param).toBe('discounts[0][promotion_code]');
  });

  it('records creation events', async () => {
    const coupon = await h.stripe.coupons.create({ percent_off: 10 });
    await h.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id } });
    const types = (await h.stripe.events.list()).data.map((event) => event.type);
    expect(types).toEqual(['promotion_code.created', 'coupon.created']);
    const wildcard = await h.stripe.events.list({ type: 'coupon.*' });
    expect(wildcard.data.map((event) => event.type)).toEqual(['coupon.created']);
  });
});
