'use client';

import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  CHECKOUT_CLOSED,
  refreshFailure,
  toUpdateFailure,
  type UpdateFailure,
} from '@/components/checkout/update-failure';
import { isApiError, postJson, requestJson } from '@/lib/api-client';
import { type CheckoutStateView, checkoutStateViewSchema } from '@/lib/checkout/contract';

/** The checkout update routes (server contract in lib/checkout/requests.ts). */
export type UpdatePath =
  | '/api/checkout/add-ons'
  | '/api/checkout/quantity'
  | '/api/checkout/shipping-option'
  | '/api/checkout/shipping-address';

export type UpdateOutcome = { ok: true; view: CheckoutStateView } | { ok: false; failure: UpdateFailure };

export type CheckoutState = {
  /** The server's view of the order (selections, eligibility, offered methods); null until loaded. */
  view: CheckoutStateView | null;
  loadError: string | null;
  reload: () => void;
  /** Updates sent and not yet settled (Stripe's `canConfirm` is false meanwhile too). */
  pending: boolean;
  /** The last update failed without a clear outcome: no paying until a later update succeeds. */
  blockedByFailure: boolean;
  /** The server answered 409 `checkout_closed`: the session is completed or expired. */
  closedMessage: string | null;
  runUpdate: (path: UpdatePath, body: Record<string, unknown>) => Promise<UpdateOutcome>;
};

/** Keeps the newer of two views: answers can arrive out of order (the initial load racing a first update). */
function newer(current: CheckoutStateView | null, next: CheckoutStateView): CheckoutStateView {
  return current && current.version > next.version ? current : next;
}

/**
 * One small store for the checkout's dynamic updates. Loads `GET /api/checkout/state` once, then replaces the view with
 * each successful update's answer. Every update runs inside `checkout.runServerUpdate`, so Stripe.js refreshes its
 * session (and the totals shown) once our server has written the whole order to Stripe.
 */
export function useCheckoutState(checkout: StripeCheckoutElementsValue | null, sessionId: string): CheckoutState {
  const checkoutRef = useRef(checkout);
  useEffect(() => {
    checkoutRef.current = checkout;
  });
  const [view, setView] = useState<CheckoutStateView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loadAttempt, setLoadAttempt] = useState(0);
  const [pendingCount, setPendingCount] = useState(0);
  const [blockedByFailure, setBlockedByFailure] = useState(false);
  const [closedMessage, setClosedMessage] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void loadAttempt; // a new attempt (reload) loads again
    setLoadError(null);
    requestJson(
      'GET',
      `/api/checkout/state?sessionId=${encodeURIComponent(sessionId)}`,
      undefined,
      checkoutStateViewSchema,
    ).then(
      (loaded) => {
        if (current) setView((previous) => newer(previous, loaded));
      },
      (error: unknown) => {
        if (!current) return;
        if (isApiError(error) && error.code === CHECKOUT_CLOSED) setClosedMessage(error.message);
        setLoadError(isApiError(error) ? error.message : 'Your order options could not be loaded.');
      },
    );
    return () => {
      current = false;
    };
  }, [sessionId, loadAttempt]);

  const reload = useCallback(() => setLoadAttempt((n) => n + 1), []);

  const runUpdate = useCallback(
    async (path: UpdatePath, body: Record<string, unknown>): Promise<UpdateOutcome> => {
      const sdk = checkoutRef.current;
      if (!sdk) {
        return { ok: false, failure: { code: 'not_ready', message: 'Checkout is still loading.', uncertain: false } };
      }
      setPendingCount((n) => n + 1);
      let answered: CheckoutStateView | null = null;
      try {
        const result = await sdk.runServerUpdate(async () => {
          answered = await postJson(path, { ...body, sessionId }, checkoutStateViewSchema);
        });
        const saved: CheckoutStateView | null = answered;
        if (saved) setView((previous) => newer(previous, saved));
        if (result.type === 'error' || !saved) {
          setBlockedByFailure(true);
          return { ok: false, failure: refreshFailure(result.type === 'error' ? result.error.message : 'no answer') };
        }
        setBlockedByFailure(false);
        setLoadError(null);
        return { ok: true, view: saved };
      } catch (error) {
        const failure = toUpdateFailure(error);
        if (failure.code === CHECKOUT_CLOSED) setClosedMessage(failure.message);
        if (failure.uncertain) setBlockedByFailure(true);
        return { ok: false, failure };
      } finally {
        setPendingCount((n) => n - 1);
      }
    },
    [sessionId],
  );

  const pending = pendingCount > 0;
  return useMemo(
    () => ({ view, loadError, reload, pending, blockedByFailure, closedMessage, runUpdate }),
    [view, loadError, reload, pending, blockedByFailure, closedMessage, runUpdate],
  );
}
