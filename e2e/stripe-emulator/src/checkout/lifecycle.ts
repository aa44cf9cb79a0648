import type Stripe from 'stripe';
import type { RequestRef, Store } from '../store';
import type { SessionRecord } from './record';
import { renderSession } from './render';

/** Marks an open session expired and records `checkout.session.expired`. */
export function expireSession(store: Store, record: SessionRecord, request: RequestRef | null): void {
  if (record.status !== 'open') return;
  record.status = 'expired';
  store.emit('checkout.session.expired', renderSession(store, record), request, { status: 'open' });
}

/** Lazily applies the emulated clock: an open session past `expires_at` becomes expired. */
export function refreshExpiry(store: Store, record: SessionRecord): void {
  if (record.status === 'open' && record.expiresAt <= store.clock.now()) expireSession(store, record, null);
}

export function sweepExpiredSessions(store: Store): void {
  for (const record of store.sessions.values()) refreshExpiry(store, record);
}

/**
 * A successful payment (or a free order, `intent` null): the session completes and its coupon / promotion code
 * count a redemption.
 */
export function completeSession(
  store: Store,
  record: SessionRecord,
  intent: Stripe.PaymentIntent | null,
  request: RequestRef,
): void {
  record.status = 'complete';
  record.paymentStatus = intent ? 'paid' : 'no_payment_required';
  record.paymentIntentId = intent?.id ?? null;
  record.completedAt = store.clock.now();
  if (record.discount) {
    const coupon = store.coupons.get(record.discount.couponId);
    if (coupon) coupon.times_redeemed += 1;
    const code = record.discount.promotionCodeId
      ? store.promotionCodes.get(record.discount.promotionCodeId)
      : undefined;
    if (code) code.times_redeemed += 1;
  }
  store.emit('checkout.session.completed', renderSession(store, record), request);
}
