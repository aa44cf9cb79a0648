/** How a failed checkout update is explained to the shopper, and whether it leaves the order's state uncertain. */
import { isApiError } from '@/lib/api-client';

export type UpdateFailure = {
  code: string;
  message: string;
  /**
   * The server could not say whether Stripe applied the change (network failure, 5xx, a timeout, or Stripe.js could
   * not refresh the session). Paying is blocked until a later update succeeds: each update writes the whole order to
   * Stripe, so the next success puts the session and the store back in step.
   */
  uncertain: boolean;
};

const FALLBACK_MESSAGE = 'We could not update your order. Please try again.';

export function toUpdateFailure(error: unknown): UpdateFailure {
  if (isApiError(error)) {
    return { code: error.code, message: error.message, uncertain: error.status === 0 || error.status >= 500 };
  }
  // Thrown by Stripe.js itself (e.g. runServerUpdate's 20 s timeout): nothing is known about the outcome.
  return { code: 'update_failed', message: FALLBACK_MESSAGE, uncertain: true };
}

/** `runServerUpdate` resolved with an error: our server saved the change, but Stripe.js could not reload the session. */
export function refreshFailure(stripeMessage: string): UpdateFailure {
  return {
    code: 'session_refresh_failed',
    message: `Your change was saved, but the totals could not be refreshed (${stripeMessage}). Please try again.`,
    uncertain: true,
  };
}
