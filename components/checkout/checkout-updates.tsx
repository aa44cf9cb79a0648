'use client';

import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useReducer, useRef } from 'react';
import {
  initialUpdatesState,
  type PayBlock,
  payBlock,
  type UpdateOutcome,
  type UpdatesState,
  updateRequest,
  updatesReducer,
} from '@/components/checkout/checkout-updates-state';
import { refreshFailure, toUpdateFailure } from '@/components/checkout/update-failure';
import { isApiError, requestJson } from '@/lib/api-client';
import {
  type CheckoutStateView,
  type CheckoutUpdateBody,
  type CheckoutUpdateName,
  checkoutStateViewSchema,
} from '@/lib/checkout/contract';

export type RunUpdate = <N extends CheckoutUpdateName>(name: N, body: CheckoutUpdateBody<N>) => Promise<UpdateOutcome>;

/** The store CheckoutForm owns: it starts loading the view before Stripe.js is ready. */
export type CheckoutUpdatesStore = {
  state: UpdatesState;
  reload: () => void;
  run: RunUpdate;
};

const NOT_READY: UpdateOutcome = {
  ok: false,
  failure: { code: 'not_ready', message: 'Checkout is still loading.', uncertain: false },
};

/**
 * The checkout's one update runner. Loads `GET /api/checkout/state`, then sends every control's update (`run(name,
 * body)`, typed by the contract's `CHECKOUT_UPDATES`) inside `checkout.runServerUpdate`, so Stripe.js refreshes its
 * session (and the totals shown) once our server has written the whole order to Stripe. Each answer is parsed with
 * `checkoutStateViewSchema`; the newest one (by `version`) is THE view every section shows.
 */
export function useCheckoutUpdatesStore(
  checkout: StripeCheckoutElementsValue | null,
  sessionId: string,
): CheckoutUpdatesStore {
  const [state, dispatch] = useReducer(updatesReducer, initialUpdatesState);
  const [loadAttempt, nextLoadAttempt] = useReducer((n: number) => n + 1, 0);
  const checkoutRef = useRef(checkout);
  const tickets = useRef(0);
  useEffect(() => {
    checkoutRef.current = checkout;
  });

  useEffect(() => {
    let current = true;
    void loadAttempt; // a new attempt (reload) loads again
    dispatch({ type: 'load-started' });
    requestJson(
      'GET',
      `/api/checkout/state?sessionId=${encodeURIComponent(sessionId)}`,
      undefined,
      checkoutStateViewSchema,
    ).then(
      (view) => {
        if (current) dispatch({ type: 'loaded', view });
      },
      (error: unknown) => {
        if (!current) return;
        dispatch(
          isApiError(error)
            ? { type: 'load-failed', code: error.code, message: error.message }
            : { type: 'load-failed', code: null, message: 'Your order options could not be loaded.' },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [sessionId, loadAttempt]);

  const run = useCallback<RunUpdate>(
    async (name, body) => {
      const sdk = checkoutRef.current;
      if (!sdk) return NOT_READY;
      const ticket = ++tickets.current;
      const request = updateRequest(name, body, sessionId);
      dispatch({ type: 'update-started', ticket });
      let answered: CheckoutStateView | null = null;
      try {
        const result = await sdk.runServerUpdate(async () => {
          answered = await requestJson(request.method, request.path, request.body, checkoutStateViewSchema);
        });
        const saved: CheckoutStateView | null = answered;
        if (result.type === 'error' || !saved) {
          const failure = refreshFailure(result.type === 'error' ? result.error.message : 'no answer');
          dispatch({ type: 'update-settled', ticket, view: saved, failure });
          return { ok: false, failure };
        }
        dispatch({ type: 'update-settled', ticket, view: saved, failure: null });
        return { ok: true, view: saved };
      } catch (error) {
        const failure = toUpdateFailure(error);
        dispatch({ type: 'update-settled', ticket, view: answered, failure });
        return { ok: false, failure };
      }
    },
    [sessionId],
  );

  return useMemo(() => ({ state, reload: nextLoadAttempt, run }), [state, run]);
}

export type CheckoutUpdates = {
  /** Stripe.js's Checkout Session (open): totals, shipping options, email, confirm. */
  checkout: StripeCheckoutElementsValue;
  /** The server's view of the order (selections, eligibility, offered methods, discounts); null until loaded. */
  view: CheckoutStateView | null;
  run: RunUpdate;
  loadError: string | null;
  reload: () => void;
  /** Updates sent and not yet settled (Stripe's `canConfirm` is false meanwhile too). */
  pending: boolean;
  /** An update failed without a clear outcome: no paying until a later update succeeds. */
  blockedByFailure: boolean;
  /** The server answered 409 `checkout_closed`: the session is completed or expired. */
  closedMessage: string | null;
  /** Why Pay is disabled, or null. */
  payBlock: PayBlock | null;
  /** Replaces a closed session with a fresh one (the island does this once per visit). */
  startFreshCheckout: () => void;
};

const CheckoutUpdatesContext = createContext<CheckoutUpdates | null>(null);

type ProviderProps = {
  store: CheckoutUpdatesStore;
  checkout: StripeCheckoutElementsValue;
  startFreshCheckout: () => void;
  children: ReactNode;
};

/** Gives every checkout section the one runner, the one view and Stripe's session. */
export function CheckoutUpdatesProvider({ store, checkout, startFreshCheckout, children }: ProviderProps) {
  const { state, reload, run } = store;
  const value = useMemo<CheckoutUpdates>(
    () => ({
      checkout,
      view: state.view,
      run,
      loadError: state.loadError,
      reload,
      pending: state.pendingCount > 0,
      blockedByFailure: state.blockedUpTo !== null,
      closedMessage: state.closedMessage,
      payBlock: payBlock(state, { canConfirm: checkout.canConfirm, hasAddress: checkout.shipping !== null }),
      startFreshCheckout,
    }),
    [checkout, state, run, reload, startFreshCheckout],
  );
  return <CheckoutUpdatesContext.Provider value={value}>{children}</CheckoutUpdatesContext.Provider>;
}

export function useCheckoutUpdates(): CheckoutUpdates {
  const value = useContext(CheckoutUpdatesContext);
  if (!value) throw new Error('useCheckoutUpdates must be used inside CheckoutUpdatesProvider');
  return value;
}
