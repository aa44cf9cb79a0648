import type Stripe from 'stripe';
import { invalidParam, missingParam } from '../http/errors';
import { newId } from '../ids';
import { couponIsValid, createCoupon, getCoupon } from '../resources/coupons';
import { getPromotionCode, promotionCodeIsUsable, promotionCouponId } from '../resources/promotion-codes';
import type { Store } from '../store';
import type { CreateSessionParams, UpdateDiscountParams } from './params';
import type { DiscountRecord } from './record';

export interface DiscountContext {
  currency: string;
  subtotal: number;
}

function checkOne(count: number): void {
  if (count > 1) throw invalidParam('You may only specify one discount on a Checkout Session.', 'discounts');
}

/** A coupon applies when it is valid and, for `amount_off`, in the session currency. */
export function checkCoupon(store: Store, coupon: Stripe.Coupon, context: DiscountContext, param: string): void {
  if (!couponIsValid(store, coupon)) {
    throw invalidParam(`Coupon ${coupon.id} is no longer valid.`, param, 'coupon_expired');
  }
  if (coupon.amount_off !== null && coupon.currency !== context.currency) {
    throw invalidParam(
      `The coupon currency (${coupon.currency}) must match the currency of the Checkout Session (${context.currency}).`,
      param,
    );
  }
}

/** The promotion code is usable, its coupon applies, and its minimum amount is met. */
export function checkPromotionCode(
  store: Store,
  code: Stripe.PromotionCode,
  context: DiscountContext,
  param: string,
): Stripe.Coupon {
  if (!promotionCodeIsUsable(store, code))
    throw invalidParam(`The promotion code ${code.code} cannot be redeemed.`, param);
  const coupon = getCoupon(store, promotionCouponId(code), param);
  checkCoupon(store, coupon, context, param);
  const { minimum_amount: minimum, minimum_amount_currency: minimumCurrency } = code.restrictions;
  if (minimum !== null && (minimumCurrency !== context.currency || context.subtotal < minimum)) {
    throw invalidParam(
      `The promotion code ${code.code} requires a minimum order of ${minimum} ${minimumCurrency}.`,
      param,
      'promotion_code_minimum_not_met',
    );
  }
  return coupon;
}

export function discountRecord(store: Store, couponId: string, promotionCodeId: string | null): DiscountRecord {
  return { id: newId.discount(), couponId, promotionCodeId, start: store.clock.now() };
}

/** `discounts: [{coupon} | {promotion_code}]` on create (at most one). */
export function resolveCreateDiscount(
  store: Store,
  discounts: CreateSessionParams['discounts'],
  context: DiscountContext,
): DiscountRecord | null {
  if (!discounts || discounts.length === 0) return null;
  checkOne(discounts.length);
  const [discount] = discounts;
  if (!discount) return null;
  if (discount.coupon !== undefined && discount.promotion_code !== undefined) {
    throw invalidParam(
      'You may only specify one of these parameters: coupon, promotion_code.',
      'discounts[0][coupon]',
      'parameters_exclusive',
    );
  }
  if (discount.promotion_code !== undefined) {
    const code = getPromotionCode(store, discount.promotion_code, 'discounts[0][promotion_code]');
    const coupon = checkPromotionCode(store, code, context, 'discounts[0][promotion_code]');
    return discountRecord(store, coupon.id, code.id);
  }
  if (discount.coupon === undefined) throw missingParam('discounts[0][coupon]');
  const coupon = getCoupon(store, discount.coupon, 'discounts[0][coupon]');
  checkCoupon(store, coupon, context, 'discounts[0][coupon]');
  return discountRecord(store, coupon.id, null);
}

/** Preview `discounts` on update: `[{coupon}]`, `[{coupon_data}]` (creates a coupon) or `''` to remove. */
export function resolveUpdateDiscount(
  store: Store,
  discounts: UpdateDiscountParams[] | '',
  context: DiscountContext,
): DiscountRecord | null {
  if (discounts === '' || discounts.length === 0) return null;
  checkOne(discounts.length);
  const [discount] = discounts;
  if (!discount) return null;
  if (discount.coupon !== undefined && discount.coupon_data !== undefined) {
    throw invalidParam(
      'You may only specify one of these parameters: coupon, coupon_data.',
      'discounts[0][coupon]',
      'parameters_exclusive',
    );
  }
  if (discount.coupon_data) {
    const coupon = createCoupon(store, discount.coupon_data, null, 'discounts[0][coupon_data]');
    checkCoupon(store, coupon, context, 'discounts[0][coupon_data][currency]');
    return discountRecord(store, coupon.id, null);
  }
  if (discount.coupon === undefined) throw missingParam('discounts[0][coupon]');
  const coupon = getCoupon(store, discount.coupon, 'discounts[0][coupon]');
  checkCoupon(store, coupon, context, 'discounts[0][coupon]');
  return discountRecord(store, coupon.id, null);
}
