import type { NextRequest } from 'next/server';
import { checkoutDepsFor } from '@/lib/checkout/deps';
import { applyCode, countCodeAttempt, RATE_LIMITED_MESSAGE, removeCode } from '@/lib/checkout/discount-codes';
import { applyCodeRequestSchema, removeCodeRequestSchema } from '@/lib/checkout/contract';
import { readJsonBody } from '@/lib/http/json-body';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import { clientAddressOf } from '@/lib/rate-limit/client-address';
import { rateLimitedResponse } from '@/lib/rate-limit/response';
import { readShopperId } from '@/lib/shopper';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Applies a discount code `{sessionId, code, email?}` → `CheckoutStateView` with `discounts`. Refusals: 422
 * `discount_<reason>` with the engine's message, 409 `discounts_unavailable`, 429 `rate_limited` (+ Retry-After;
 * 10 attempts per 10 min per session, 30 per client address), 404 for someone else's session.
 */
export const POST = withErrorHandling(async (request: NextRequest) => {
  const { sessionId, code, email } = await readJsonBody(request, applyCodeRequestSchema);
  const deps = await checkoutDepsFor(request);
  const attempt = await countCodeAttempt(
    deps.db,
    { sessionId, clientAddress: clientAddressOf(request.headers) },
    deps.now,
  );
  if (!attempt.allowed) return rateLimitedResponse(attempt.retryAfterSeconds, RATE_LIMITED_MESSAGE);
  const view = await applyCode({ ...deps, sessionId, shopperId: readShopperId(request.cookies), code, email });
  return jsonResponse(view);
});

/** Removes an applied code `{sessionId, code}` → `CheckoutStateView` (removing a code that is not applied is a no-op). */
export const DELETE = withErrorHandling(async (request: NextRequest) => {
  const { sessionId, code } = await readJsonBody(request, removeCodeRequestSchema);
  const view = await removeCode({
    ...(await checkoutDepsFor(request)),
    sessionId,
    shopperId: readShopperId(request.cookies),
    code,
  });
  return jsonResponse(view);
});
