/**
 * Server-side discounts are a Stripe private preview (`permissions.update_discounts` on create, `discounts` on update
 * with `checkout_server_update_beta=v1`). An account without the preview refuses them; checkout then carries on without
 * discounts, the merchant gets one clear log line, and the shopper a clear message (409 `discounts_unavailable`).
 */
import type Stripe from 'stripe';
import { toAppError } from '@/lib/stripe/errors';
import type { SessionCreateParamsWithPreview } from '@/lib/stripe/session-params';

export const PREVIEW_REFUSED_LOG =
  '[discounts] Stripe refused server-side discounts (private preview, checkout_server_update_beta=v1): request access ' +
  'to "dynamically update discounts" from Stripe support for this account, or set SERVER_SIDE_DISCOUNTS=off. ' +
  'Checkout continues without discounts.';

type StripeErrorFields = { type?: unknown; code?: unknown; param?: unknown; message?: unknown };

/** Stripe refused the preview discount parameters (`permissions[update_discounts]` or `discounts`). */
export function isDiscountPreviewRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { type, code, param, message } = error as StripeErrorFields;
  if (type !== 'StripeInvalidRequestError') return false;
  const params = typeof param === 'string' ? param : '';
  if (params.startsWith('discounts') || params.startsWith('permissions[update_discounts]')) return true;
  const text = typeof message === 'string' ? message : '';
  return (code === 'parameter_unknown' || code === 'permission_denied') && /update_discounts|\bdiscounts\b/.test(text);
}

export function logPreviewRefused(sessionId: string | null, error: unknown): void {
  const detail = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : '';
  console.warn(`${PREVIEW_REFUSED_LOG} (${sessionId ?? 'new session'}: ${detail})`);
}

type SessionCreator = Pick<Stripe, 'checkout'>;

/**
 * Creates the session with `permissions.update_discounts: 'server_only'` when asked; if Stripe refuses that preview
 * parameter, logs it and creates the session without it. `serverDiscounts` says which one Stripe accepted.
 */
export async function createSessionWithDiscountFallback(
  stripe: SessionCreator,
  params: SessionCreateParamsWithPreview,
): Promise<{ session: Stripe.Checkout.Session; serverDiscounts: boolean }> {
  const wanted = params.permissions?.update_discounts === 'server_only';
  try {
    return { session: await stripe.checkout.sessions.create(params), serverDiscounts: wanted };
  } catch (error) {
    if (!wanted || !isDiscountPreviewRefusal(error)) throw toAppError(error);
    logPreviewRefused(null, error);
    const { update_discounts: _refused, ...permissions } = params.permissions ?? {};
    try {
      return { session: await stripe.checkout.sessions.create({ ...params, permissions }), serverDiscounts: false };
    } catch (retryError) {
      throw toAppError(retryError);
    }
  }
}
