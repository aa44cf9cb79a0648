/** Rate limits on discount code attempts (counted in the database: serverless instances share nothing else). */
import type { NextRequest } from 'next/server';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { clientAddressOf } from '@/lib/rate-limit/client-address';
import { hitRateLimits, type RateLimit } from '@/lib/rate-limit/fixed-window';
import { rateLimitedResponse } from '@/lib/rate-limit/response';

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

/**
 * Counts one code attempt for the session and the client address (committed even when the code is refused); answers
 * 429 `rate_limited` with `Retry-After` once either budget is spent, else null.
 */
export async function countCodeAttempt(input: {
  request: NextRequest;
  body: { sessionId: string };
  deps: Pick<CheckoutDeps, 'db' | 'now'>;
}): Promise<Response | null> {
  const limits = codeAttemptLimits(input.body.sessionId, clientAddressOf(input.request.headers));
  const outcome = await hitRateLimits(input.deps.db, limits, input.deps.now);
  return outcome.allowed ? null : rateLimitedResponse(outcome.retryAfterSeconds, RATE_LIMITED_MESSAGE);
}
