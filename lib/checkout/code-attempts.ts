/**
 * Rate limits on discount code attempts (counted in the database: serverless instances share nothing else).
 *
 * Budgets, each per fixed 10-minute window:
 * - per checkout (10): charged only after the ownership check, so a stranger who knows a session id gets the same 404
 *   as for a session that does not exist and spends nothing of the owner's budget;
 * - per shopper cookie (30): across the shopper's checkouts;
 * - per client address (30): only when the address comes from a trusted source (lib/rate-limit/client-address.ts).
 *   When it is unknown there is deliberately no shared "unknown" bucket — 30 tries by anyone would lock everyone out.
 *
 * What an attacker who drops cookies can do when the address is unknown: each fresh cookie needs a new cart and a new
 * checkout (`POST /api/checkout/sessions`, one Stripe Checkout Session created per try) before it gets its 10 guesses,
 * so guessing is bounded by the cost and Stripe's rate limit on session creation, not by our counters. That is why
 * production deployments should have a trusted address source (on Vercel it is automatic; self-hosted: set
 * TRUSTED_IP_HEADER or TRUSTED_PROXY_HOPS to match the proxy), which caps any one address at 30 guesses per window
 * however many cookies it uses.
 */
import type { NextRequest } from 'next/server';
import { assertOwned } from '@/lib/checkout/access';
import { tooManyCodesMessage } from '@/lib/checkout/code-attempt-wait';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { findCheckout } from '@/lib/checkout/repository';
import { type ClientIpSource, getServerConfig } from '@/lib/config';
import { clientAddressOf } from '@/lib/rate-limit/client-address';
import { type HitOptions, hitRateLimits, type RateLimit } from '@/lib/rate-limit/fixed-window';
import { rateLimitedResponse } from '@/lib/rate-limit/response';
import { readShopperId } from '@/lib/shopper';

export const CODE_ATTEMPT_LIMITS = {
  perSession: { limit: 10, windowSeconds: 600 },
  perShopper: { limit: 30, windowSeconds: 600 },
  perAddress: { limit: 30, windowSeconds: 600 },
} as const;

/** The budgets one attempt is charged to; the per-address one only when the address is known. */
export function codeAttemptLimits(attempt: {
  sessionId: string;
  shopperId: string;
  clientAddress: string | null;
}): RateLimit[] {
  const limits: RateLimit[] = [
    { key: `discount-code:session:${attempt.sessionId}`, ...CODE_ATTEMPT_LIMITS.perSession },
    { key: `discount-code:shopper:${attempt.shopperId}`, ...CODE_ATTEMPT_LIMITS.perShopper },
  ];
  if (attempt.clientAddress) {
    limits.push({ key: `discount-code:address:${attempt.clientAddress}`, ...CODE_ATTEMPT_LIMITS.perAddress });
  }
  return limits;
}

/**
 * The `guard` of the apply-code route: 404 (charging nothing) unless the caller owns the checkout, else counts one code
 * attempt (committed even when the code is refused) and answers 429 `rate_limited` with `Retry-After` once any budget
 * is spent (the message says how long: "Try again in 4 minutes."), else null. The update itself re-checks ownership under the row lock.
 */
export async function countCodeAttempt(
  input: {
    request: NextRequest;
    body: { sessionId: string };
    deps: Pick<CheckoutDeps, 'db' | 'now'>;
  },
  options: HitOptions & { clientIp?: ClientIpSource } = {},
): Promise<Response | null> {
  const shopperId = readShopperId(input.request.cookies);
  const row = await findCheckout(input.deps.db, input.body.sessionId);
  assertOwned(row, shopperId);
  const clientIp = options.clientIp ?? getServerConfig().clientIp;
  const limits = codeAttemptLimits({
    sessionId: row.stripeSessionId,
    shopperId: row.shopperId,
    clientAddress: clientAddressOf(input.request.headers, clientIp),
  });
  const outcome = await hitRateLimits(input.deps.db, limits, input.deps.now, options);
  if (outcome.allowed) return null;
  return rateLimitedResponse(outcome.retryAfterSeconds, tooManyCodesMessage(outcome.retryAfterSeconds));
}
