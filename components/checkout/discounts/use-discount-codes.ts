'use client';

import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { useCallback, useState } from 'react';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates-context';
import { toUpdateFailure, type UpdateFailure } from '@/components/checkout/update-failure';
import { postJson, requestJson } from '@/lib/api-client';
import { type CheckoutStateView, checkoutStateViewSchema } from '@/lib/checkout/contract';

export const DISCOUNT_CODES_PATH = '/api/checkout/discount-codes';

type Outcome = { ok: true } | { ok: false; failure: UpdateFailure };

/**
 * Applies and removes codes through our server inside `checkout.runServerUpdate`, so Stripe.js reloads the session
 * (discount line and total) once the server has written it. The newest view — this hook's answers or the other
 * controls' — is the one shown.
 */
export function useDiscountCodes(checkout: StripeCheckoutElementsValue, sessionId: string) {
  const { view: sharedView } = useCheckoutUpdates();
  const [ownView, setOwnView] = useState<CheckoutStateView | null>(null);
  const [busy, setBusy] = useState(false);
  const view = ownView && (!sharedView || ownView.version > sharedView.version) ? ownView : sharedView;

  const run = useCallback(
    async (send: () => Promise<CheckoutStateView>): Promise<Outcome> => {
      setBusy(true);
      try {
        let answered: CheckoutStateView | null = null;
        const result = await checkout.runServerUpdate(async () => {
          answered = await send();
        });
        const saved: CheckoutStateView | null = answered;
        if (saved) setOwnView(saved);
        if (result.type === 'error') {
          return {
            ok: false,
            failure: { code: 'session_refresh_failed', message: result.error.message, uncertain: true },
          };
        }
        return { ok: true };
      } catch (error) {
        return { ok: false, failure: toUpdateFailure(error) };
      } finally {
        setBusy(false);
      }
    },
    [checkout],
  );

  const apply = useCallback(
    (code: string, email?: string) =>
      run(() =>
        postJson(DISCOUNT_CODES_PATH, { sessionId, code, ...(email ? { email } : {}) }, checkoutStateViewSchema),
      ),
    [run, sessionId],
  );
  const remove = useCallback(
    (code: string) =>
      run(() => requestJson('DELETE', DISCOUNT_CODES_PATH, { sessionId, code }, checkoutStateViewSchema)),
    [run, sessionId],
  );

  return { discounts: view?.discounts ?? null, currency: view?.currency ?? 'usd', busy, apply, remove };
}
