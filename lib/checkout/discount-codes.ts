/**
 * Applying and removing discount codes: rate limits on attempts, then one `updateCheckout` each (one Stripe update with
 * the full state, `discounts` and the beta Stripe-Version), answered as the `CheckoutStateView`.
 */

import type { CheckoutStateView } from '@/lib/checkout/contract';
import { updateCheckoutState } from '@/lib/checkout/interactions';
import type { CheckoutDeps } from '@/lib/checkout/update';
import type { Db } from '@/lib/db/client';
import { hitRateLimits, type RateLimit, type RateLimitOutcome } from '@/lib/rate-limit/fixed-window';

export const CODE_ATTEMPT_LIMITS = {
  perSession: { limit: 10, windowSeconds: 600 },
  perAddress: { limit: 30, windowSeconds: 600 },
} as const;

export const RATE_LIMITED_MESSAGE = 'Too many discount code attempts. Please wait a few minutes and try again.';

export function codeAttemptLimits(sessionId: string, clientAddress: string): RateLimit[] {
  return [
    { key: `discount-code:session:${sessionId}`, ...CODE_ATTEMPT_LIMITS.perSession },
    { key: `discount-code:address:${clientAddress}`, ...CODE_ATTEMPT_LIMITS.perAddress },
  ];
}

/** Counts one code attempt for the session and the client address (committed even when the code is refused). */
export function countCodeAttempt(
  db: Db,
  attempt: { sessionId: string; clientAddress: string },
  now: Date,
): Promise<RateLimitOutcome> {
  return hitRateLimits(db, codeAttemptLimits(attempt.sessionId, attempt.clientAddress), now);
}

export function applyCode(
  input: CheckoutDeps & { sessionId: string; shopperId: string | null; code: string; email?: string },
): Promise<CheckoutStateView> {
  const { code, email, ...rest } = input;
  return updateCheckoutState({
    ...rest,
    intent: email ? { type: 'apply-code', code, email } : { type: 'apply-code', code },
  });
}

export function removeCode(
  input: CheckoutDeps & { sessionId: string; shopperId: string | null; code: string },
): Promise<CheckoutStateView> {
  const { code, ...rest } = input;
  return updateCheckoutState({ ...rest, intent: { type: 'remove-code', code } });
}
