import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidParam, invalidRequest, resourceMissing } from '../http/errors';
import { resolveExpand } from '../http/expand';
import { paginate, paginationShape } from '../http/list';
import { currency, decimal, expandList, int, metadata, oneOf, parseParams, str } from '../http/params';
import type { ApiRequest, Router } from '../http/router';
import { newId } from '../ids';
import type { RequestRef, Store } from '../store';

/** The fields shared by `POST /v1/coupons` and a session update's `discounts[][coupon_data]`. */
export const couponDataShape = {
  percent_off: decimal({ min: 0, max: 100, exclusiveMin: true }).optional(),
  amount_off: int({ min: 1, max: 99999999 }).optional(),
  currency: currency().optional(),
  duration: oneOf(['once', 'repeating', 'forever']).optional(),
  duration_in_months: int({ min: 1, max: 1200 }).optional(),
  name: str(40).optional(),
  metadata: metadata().optional(),
};
const couponDataSchema = z.strictObject(couponDataShape);
export type CouponData = z.output<typeof couponDataSchema>;

const createSchema = z.strictObject({
  ...couponDataShape,
  id: str(200)
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'Invalid coupon id' })
    .optional(),
  max_redemptions: int({ min: 1 }).optional(),
  redeem_by: int({ min: 0 }).optional(),
  expand: expandList(),
});

interface CouponInput extends CouponData {
  id?: string;
  max_redemptions?: number;
  redeem_by?: number;
}

/** Creates a coupon; `param` prefixes error params (e.g. `discounts[0][coupon_data]`). */
export function createCoupon(store: Store, input: CouponInput, request: RequestRef | null, param = ''): Stripe.Coupon {
  const at = (name: string) => (param ? `${param}[${name}]` : name);
  if (input.percent_off !== undefined && input.amount_off !== undefined) {
    throw invalidParam(
      'You may only specify one of these parameters: amount_off, percent_off.',
      at('amount_off'),
      'parameters_exclusive',
    );
  }
  if (input.percent_off === undefined && input.amount_off === undefined) {
    throw invalidParam('Must provide either `amount_off` or `percent_off`.', at('percent_off'), 'parameter_missing');
  }
  if (input.amount_off !== undefined && !input.currency) {
    throw invalidParam(`Missing required param: ${at('currency')}.`, at('currency'), 'parameter_missing');
  }
  const duration = input.duration ?? 'once';
  if (duration === 'repeating' && input.duration_in_months === undefined) {
    throw invalidParam(
      `Missing required param: ${at('duration_in_months')}.`,
      at('duration_in_months'),
      'parameter_missing',
    );
  }
  const id = input.id ?? newId.coupon();
  if (store.coupons.has(id))
    throw invalidRequest('Coupon already exists.', { code: 'resource_already_exists', param: at('id') });
  const coupon: Stripe.Coupon = {
    id,
    object: 'coupon',
    amount_off: input.amount_off ?? null,
    created: store.clock.now(),
    currency: input.amount_off !== undefined ? (input.currency ?? null) : null,
    duration,
    duration_in_months: duration === 'repeating' ? (input.duration_in_months ?? null) : null,
    livemode: false,
    max_redemptions: input.max_redemptions ?? null,
    metadata: input.metadata ?? {},
    name: input.name ?? null,
    percent_off: input.percent_off ?? null,
    redeem_by: input.redeem_by ?? null,
    times_redeemed: 0,
    valid: true,
  };
  store.coupons.set(id, coupon);
  if (request) store.emit('coupon.created', coupon, request);
  return coupon;
}

/** A coupon can be redeemed until its `redeem_by` passes or its `max_redemptions` is used up. */
export function couponIsValid(store: Store, coupon: Stripe.Coupon): boolean {
  if (coupon.redeem_by !== null && coupon.redeem_by <= store.clock.now()) return false;
  if (coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions) return false;
  return true;
}

export function renderCoupon(store: Store, coupon: Stripe.Coupon): Stripe.Coupon {
  return { ...coupon, valid: couponIsValid(store, coupon) };
}

export function getCoupon(store: Store, id: string, param = 'id'): Stripe.Coupon {
  const coupon = store.coupons.get(id);
  if (!coupon) throw resourceMissing('coupon', id, param);
  return coupon;
}

export function registerCouponRoutes(router: Router<ApiRequest>): void {
  router.add('POST', '/v1/coupons', (request) => {
    const { expand, ...params } = parseParams(createSchema, request.params);
    resolveExpand(expand, []);
    const coupon = createCoupon(request.store, params, {
      id: request.requestId,
      idempotencyKey: request.idempotencyKey,
    });
    return renderCoupon(request.store, coupon);
  });
  router.add('GET', '/v1/coupons/:id', (request) => {
    const params = parseParams(z.strictObject({ expand: expandList() }), request.params);
    resolveExpand(params.expand, []);
    return renderCoupon(request.store, getCoupon(request.store, request.pathParams.id ?? ''));
  });
  router.add('GET', '/v1/coupons', (request) => {
    const params = parseParams(z.strictObject({ ...paginationShape, expand: expandList() }), request.params);
    resolveExpand(params.expand, [], 'data.');
    const items = [...request.store.coupons.values()].reverse().map((coupon) => renderCoupon(request.store, coupon));
    return paginate(items, params, '/v1/coupons', 'coupon');
  });
}
