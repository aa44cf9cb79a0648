/**
 * Server-side discounts are a Stripe private preview (`permissions.update_discounts` on create, `discounts` on update
 * with `checkout_server_update_beta=v1`). An account without the preview refuses them; checkout then carries on without
 * discounts, the merchant gets one clear log line, and the shopper a clear message (409 `discounts_unavailable`).
 */
import { toAppError } from '@/lib/stripe/errors';

export const PREVIEW_REFUSED_LOG =
  '[discounts] Stripe refused server-side discounts (private preview, checkout_server_update_beta=v1): request access ' +
  'to "dynamically update discounts" from Stripe support for this account, or set SERVER_SIDE_DISCOUNTS=off. ' +
  'Checkout continues without discounts.';

type StripeErrorFields = { type?: unknown; statusCode?: unknown; code?: unknown; param?: unknown; message?: unknown };

/** The request refusals a missing preview may come as: a 400 naming the parameter, or a 403 permission error. */
const REFUSAL_TYPES = new Set(['StripeInvalidRequestError', 'StripePermissionError']);

/**
 * Stripe refused the preview discount parameters (`permissions[update_discounts]` or `discounts`), by status (400 or
 * 403) and by the parameter or code it names. Anything else is not a refusal of the preview.
 */
export function isDiscountPreviewRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { type, statusCode, code, param, message } = error as StripeErrorFields;
  if (typeof type !== 'string' || !REFUSAL_TYPES.has(type)) return false;
  if (statusCode !== undefined && statusCode !== 400 && statusCode !== 403) return false;
  const params = typeof param === 'string' ? param : '';
  if (params.startsWith('discounts') || params.startsWith('permissions[update_discounts]')) return true;
  const text = typeof message === 'string' ? message : '';
  return (code === 'parameter_unknown' || code === 'permission_denied') && /update_discounts|\bdiscounts\b/.test(text);
}

function logPreviewRefused(sessionId: string | null, error: unknown): void {
  const detail = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : '';
  console.warn(`${PREVIEW_REFUSED_LOG} (${sessionId ?? 'new session'}: ${detail})`);
}

/**
 * Runs one Stripe call with the discounts preview (`call(true)`) when the checkout wants it. If Stripe refuses the
 * preview, the merchant gets one log line and the call runs once more without it (`call(false)`); `preview` says which
 * one Stripe took. Used alike for creating a session (`permissions.update_discounts`) and updating it (`discounts`).
 * Any other failure becomes an app error.
 */
export async function withDiscountPreview<T>(
  wanted: boolean,
  sessionId: string | null,
  call: (preview: boolean) => Promise<T>,
): Promise<{ result: T; preview: boolean }> {
  try {
    return { result: await call(wanted), preview: wanted };
  } catch (error) {
    if (!wanted || !isDiscountPreviewRefusal(error)) throw toAppError(error);
    logPreviewRefused(sessionId, error);
    try {
      return { result: await call(false), preview: false };
    } catch (retryError) {
      throw toAppError(retryError);
    }
  }
}
