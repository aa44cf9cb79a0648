import { AppError, isAppError } from '@/lib/http/app-error';

/** The parts of a stripe-node `StripeError` read here (duck-typed: only lib/stripe/client.ts imports `stripe`). */
type StripeErrorLike = {
  type: string;
  message: string;
  statusCode?: number;
  code?: string;
  rawType?: string;
};

function isStripeErrorLike(error: unknown): error is StripeErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Record<string, unknown>;
  return (
    typeof candidate.type === 'string' && candidate.type.startsWith('Stripe') && typeof candidate.message === 'string'
  );
}

const CLOSED_SESSION_CODES = new Set([
  'checkout_session_not_open',
  'checkout_session_expired',
  'checkout_session_completed',
  'session_expired',
]);
const CLOSED_SESSION_MESSAGE = /\b(expired|completed?|no longer (open|active)|not open|is not active)\b/i;

/** Stripe refused an update because the session is complete or expired. */
function isClosedSessionError(error: StripeErrorLike): boolean {
  if (error.type !== 'StripeInvalidRequestError') return false;
  if (error.code && CLOSED_SESSION_CODES.has(error.code)) return true;
  return error.code !== 'resource_missing' && CLOSED_SESSION_MESSAGE.test(error.message);
}

export function isResourceMissing(error: unknown): boolean {
  return isStripeErrorLike(error) && (error.code === 'resource_missing' || error.statusCode === 404);
}

function isTransient(error: StripeErrorLike): boolean {
  if (error.type === 'StripeConnectionError' || error.type === 'StripeRateLimitError') return true;
  if (error.type === 'StripeAPIError') return true;
  const status = error.statusCode ?? 0;
  return status === 429 || status >= 500 || (error.type === 'StripeIdempotencyError' && status === 409);
}

/**
 * A failed call Stripe may still have applied: the connection failed or timed out, Stripe answered 5xx, or a retry
 * met the original request still in flight (idempotency 409). Only reading the object tells.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  if (!isStripeErrorLike(error)) return false;
  if (error.type === 'StripeConnectionError' || error.type === 'StripeAPIError') return true;
  const status = error.statusCode ?? 0;
  return status >= 500 || (error.type === 'StripeIdempotencyError' && status === 409);
}

/** Stripe refused the request itself (4xx invalid request): nothing was applied. */
export function isRequestRefused(error: unknown): boolean {
  return isStripeErrorLike(error) && error.type === 'StripeInvalidRequestError';
}

/**
 * Maps a failed Stripe call to an app error: a closed session → 409 `checkout_closed`; rate limits, 5xx, connection
 * errors and timeouts → 503 `stripe_unavailable` (retryable); anything else → 502 `stripe_error`.
 * App errors pass through unchanged; non-Stripe errors are rethrown as they are.
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (!isStripeErrorLike(error)) throw error;
  if (isClosedSessionError(error)) {
    return new AppError(409, 'checkout_closed', 'This checkout has already been completed or has expired.', {
      cause: error,
    });
  }
  if (isTransient(error)) {
    return new AppError(503, 'stripe_unavailable', 'Payments are briefly unavailable. Please try again in a moment.', {
      retryable: true,
      cause: error,
    });
  }
  return new AppError(502, 'stripe_error', 'The payment provider refused the request.', { cause: error });
}

/** Runs a Stripe call, converting its failures with `toAppError`. */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAppError(error);
  }
}
