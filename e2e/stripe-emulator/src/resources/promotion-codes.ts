import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidParam, invalidRequest, notEmulated, resourceMissing } from '../http/errors';
import { resolveExpand } from '../http/expand';
import { paginate, paginationShape } from '../http/list';
import { bool, currency, expandList, int, metadata, oneOf, parseParams, str } from '../http/params';
import type { ApiRequest, Router } from '../http/router';
import { newId } from '../ids';
import type { Store } from '../store';
import { couponIsValid, getCoupon, renderCoupon } from './coupons';

/** stripe@23.1.0 `PromotionCodeCreateParams`: `promotion: {type: 'coupon', coupon}` (the older top-level `coupon` is gone). */
const createSchema = z.strictObject({
  promotion: z.strictObject({ type: oneOf(['coupon']), coupon: str(200).optional() }),
  code: str(500)
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'Invalid code' })
    .optional(),
  active: bool().optional(),
  customer: str().optional(),
  expires_at: int({ min: 0 }).optional(),
  max_redemptions: int({ min: 1 }).optional(),
  metadata: metadata().optional(),
  restrictions: z
    .strictObject({
      first_time_transaction: bool().optional(),
      minimum_amount: int({ min: 0 }).optional(),
      minimum_amount_currency: currency().optional(),
    })
    .optional(),
  expand: expandList(),
});

const EXPANDABLE = ['promotion.coupon'];

export function renderPromotionCode(
  store: Store,
  code: Stripe.PromotionCode,
  expandCoupon: boolean,
): Stripe.PromotionCode {
  const couponId = typeof code.promotion.coupon === 'string' ? code.promotion.coupon : null;
  const coupon = expandCoupon && couponId ? renderCoupon(store, getCoupon(store, couponId)) : couponId;
  return { ...code, promotion: { ...code.promotion, coupon } };
}

/** Active, unexpired, not used up, and its coupon still valid. */
export function promotionCodeIsUsable(store: Store, code: Stripe.PromotionCode): boolean {
  if (!code.active) return false;
  if (code.expires_at !== null && code.expires_at <= store.clock.now()) return false;
  if (code.max_redemptions !== null && code.times_redeemed >= code.max_redemptions) return false;
  const couponId = typeof code.promotion.coupon === 'string' ? code.promotion.coupon : null;
  const coupon = couponId ? store.coupons.get(couponId) : undefined;
  return coupon !== undefined && couponIsValid(store, coupon);
}

/** Customer-facing codes are matched case-insensitively, active codes only. */
export function findActivePromotionCode(store: Store, code: string): Stripe.PromotionCode | undefined {
  const wanted = code.trim().toUpperCase();
  return [...store.promotionCodes.values()].find(
    (candidate) => candidate.active && candidate.code.toUpperCase() === wanted,
  );
}

export function getPromotionCode(store: Store, id: string, param = 'id'): Stripe.PromotionCode {
  const code = store.promotionCodes.get(id);
  if (!code) throw resourceMissing('promotion_code', id, param);
  return code;
}

export function promotionCouponId(code: Stripe.PromotionCode): string {
  const coupon = code.promotion.coupon;
  if (coupon === null) throw invalidRequest(`Promotion code ${code.id} has no coupon.`);
  return typeof coupon === 'string' ? coupon : coupon.id;
}

export function registerPromotionCodeRoutes(router: Router<ApiRequest>): void {
  router.add('POST', '/v1/promotion_codes', (request) => {
    const params = parseParams(createSchema, request.params);
    const expand = resolveExpand(params.expand, EXPANDABLE);
    const { store } = request;
    if (params.customer) throw notEmulated('Customer-restricted promotion codes', 'customer');
    if (!params.promotion.coupon)
      throw invalidParam('Missing required param: promotion[coupon].', 'promotion[coupon]', 'parameter_missing');
    const coupon = getCoupon(store, params.promotion.coupon, 'promotion[coupon]');
    const value = params.code ?? newId.promotionCodeValue();
    const active = params.active ?? true;
    if (active && findActivePromotionCode(store, value)) {
      throw invalidRequest(`An active promotion code with \`code: ${value}\` already exists.`, {
        code: 'resource_already_exists',
        param: 'code',
      });
    }
    const restrictions = params.restrictions ?? {};
    if (restrictions.minimum_amount !== undefined && !restrictions.minimum_amount_currency) {
      throw invalidParam(
        'Missing required param: restrictions[minimum_amount_currency].',
        'restrictions[minimum_amount_currency]',
        'parameter_missing',
      );
    }
    const code: Stripe.PromotionCode = {
      id: newId.promotionCode(),
      object: 'promotion_code',
      active,
      code: value,
      created: store.clock.now(),
      customer: null,
      customer_account: null,
      expires_at: params.expires_at ?? null,
      livemode: false,
      max_redemptions: params.max_redemptions ?? null,
      metadata: params.metadata ?? {},
      promotion: { type: 'coupon', coupon: coupon.id },
      restrictions: {
        first_time_transaction: restrictions.first_time_transaction ?? false,
        minimum_amount: restrictions.minimum_amount ?? null,
        minimum_amount_currency: restrictions.minimum_amount_currency ?? null,
      },
      times_redeemed: 0,
    };
    store.promotionCodes.set(code.id, code);
    store.emit('promotion_code.created', code, { id: request.requestId, idempotencyKey: request.idempotencyKey });
    return renderPromotionCode(store, code, expand.has('promotion.coupon'));
  });
  router.add('GET', '/v1/promotion_codes/:id', (request) => {
    const params = parseParams(z.strictObject({ expand: expandList() }), request.params);
    const expand = resolveExpand(params.expand, EXPANDABLE);
    const code = getPromotionCode(request.store, request.pathParams.id ?? '');
    return renderPromotionCode(request.store, code, expand.has('promotion.coupon'));
  });
  router.add('GET', '/v1/promotion_codes', (request) => {
    const params = parseParams(
      z.strictObject({
        ...paginationShape,
        active: bool().optional(),
        code: str().optional(),
        coupon: str().optional(),
        expand: expandList(),
      }),
      request.params,
    );
    const expand = resolveExpand(params.expand, EXPANDABLE, 'data.');
    const items = [...request.store.promotionCodes.values()]
      .filter((code) => params.active === undefined || code.active === params.active)
      .filter((code) => params.code === undefined || code.code.toUpperCase() === params.code.toUpperCase())
      .filter((code) => params.coupon === undefined || code.promotion.coupon === params.coupon)
      .reverse()
      .map((code) => renderPromotionCode(request.store, code, expand.has('promotion.coupon')));
    return paginate(items, params, '/v1/promotion_codes', 'promotion_code');
  });
}
