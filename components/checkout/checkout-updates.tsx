'use client';

import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import {
  type CheckoutNotice,
  type ClosedStatus,
  initialUpdatesState,
  type PayBlock,
  payBlock,
  type UpdateOutcome,
  type UpdatesEvent,
  type UpdatesState,
  updateRequest,
  updatesReducer,
} from '@/components/checkout/checkout-updates-state';
import { type AddressBlock, checkoutChannelName, payCheck, shouldTakeNews } from '@/components/checkout/pay-guard';
import { describeUpdate, refreshFailure, toUpdateFailure } from '@/components/checkout/update-failure';
import { isApiError, requestJson } from '@/lib/api-client';
import {
  CHECKOUT_CLOSED,
  type CheckoutStateView,
  type CheckoutUpdateBody,
  type CheckoutUpdateName,
  checkoutStateViewSchema,
  UPDATE_IN_PROGRESS,
  type UpdateNotice,
} from '@/lib/checkout/contract';

export type RunUpdate = <N extends CheckoutUpdateName>(name: N, body: CheckoutUpdateBody<N>) => Promise<UpdateOutcome>;

/** A control's pending edit, sent before paying: `blocked` when it cannot be (or was not) saved. */
export type Flush = () => Promise<'ok' | 'blocked'>;

/** What Pay may do after `prepareToPay()`: confirm, or not (the page already says why). */
export type PayReadiness =
  | { type: 'ready' }
  | { type: 'not-ready' }
  | { type: 'changed' }
  | { type: 'failed'; message: string };

/** The store CheckoutForm owns: it starts loading the view before Stripe.js is ready. */
export type CheckoutUpdatesStore = {
  state: UpdatesState;
  reload: () => void;
  run: RunUpdate;
  /** Registers a control's flush (address debounce, gift message draft); returns the unregister function. */
  registerFlush: (flush: Flush) => () => void;
  /**
   * Before `checkout.confirm()`: sends every pending edit, waits until no update is pending, then asks the server
   * (inside `runServerUpdate`, so Stripe.js refreshes its session too) whether the checkout is still the one this tab
   * showed when Pay was pressed. Only `ready` may confirm.
   */
  prepareToPay: (seenVersion: number | null) => Promise<PayReadiness>;
  /**
   * Whether the session has closed, asked of the server and of Stripe (the view's status, and Stripe.js's session
   * refreshed by `runServerUpdate`): the closed status (the checkout shows it), or null while it is open.
   */
  checkClosed: () => Promise<ClosedStatus | null>;
  /** Stripe.js reports the session is no longer open (and this tab is not paying it). */
  sessionEnded: (status: 'expired' | 'complete') => void;
  /** Pay is being pressed: a control leaving focus for it lets Pay send its edit rather than start an update. */
  notePayPress: () => void;
  isPayBeingPressed: () => boolean;
};

/** How long after Pay's pointerdown a blur still counts as "on the way to Pay" (the click follows on pointerup). */
const PAY_PRESS_MS = 1_500;

/** Paid beats expired; a closed answer whose status neither side tells is taken as expired. */
function closedStatusOf(
  server: CheckoutStateView['status'] | null,
  stripe: 'open' | 'expired' | 'complete' | null,
): 'expired' | 'complete' {
  return server === 'complete' || stripe === 'complete' ? 'complete' : 'expired';
}

const NOT_READY: UpdateOutcome = {
  ok: false,
  failure: { code: 'not_ready', message: 'Checkout is still loading.', uncertain: false },
};

const UPDATE_RETRY_DELAY_MS = 1_000;

const CHECK_FAILED = 'We could not check your order before paying. Please try again.';

function statePath(sessionId: string): string {
  return `/api/checkout/state?sessionId=${encodeURIComponent(sessionId)}`;
}

function loadFailed(error: unknown): UpdatesEvent {
  return isApiError(error)
    ? { type: 'load-failed', code: error.code, message: error.message }
    : { type: 'load-failed', code: null, message: 'Your order options could not be loaded.' };
}

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
  const [state, dispatchToReact] = useReducer(updatesReducer, initialUpdatesState);
  const [loadAttempt, nextLoadAttempt] = useReducer((n: number) => n + 1, 0);
  const checkoutRef = useRef(checkout);
  const tickets = useRef(0);
  // The same reducer, applied at once: the pay flow reads the state between awaits, before React renders it.
  const latest = useRef<UpdatesState>(initialUpdatesState);
  const inFlight = useRef(new Set<Promise<unknown>>());
  const flushes = useRef(new Set<Flush>());
  /** Versions the answers to this tab's own updates carried (the check before paying allows exactly these). */
  const ownVersions = useRef(new Set<number>());
  const channel = useRef<BroadcastChannel | null>(null);
  const syncing = useRef<{ again: boolean } | null>(null);
  const checking = useRef<Promise<ClosedStatus | null> | null>(null);
  const payPressedAt = useRef<number | null>(null);
  useEffect(() => {
    checkoutRef.current = checkout;
  });

  const dispatch = useCallback((event: UpdatesEvent) => {
    latest.current = updatesReducer(latest.current, event);
    dispatchToReact(event);
  }, []);

  const track = useCallback(<T,>(promise: Promise<T>): Promise<T> => {
    inFlight.current.add(promise);
    void promise.finally(() => inFlight.current.delete(promise)).catch(() => undefined);
    return promise;
  }, []);

  useEffect(() => {
    let current = true;
    void loadAttempt; // a new attempt (reload) loads again
    dispatch({ type: 'load-started' });
    requestJson('GET', statePath(sessionId), undefined, checkoutStateViewSchema).then(
      (view) => {
        if (current) dispatch({ type: 'loaded', view });
      },
      (error: unknown) => {
        if (current) dispatch(loadFailed(error));
      },
    );
    return () => {
      current = false;
    };
  }, [sessionId, loadAttempt, dispatch]);

  /** Another tab saved a newer version: reload the view inside runServerUpdate, so Stripe.js refreshes too. */
  const sync = useCallback(async () => {
    if (syncing.current) {
      syncing.current.again = true;
      return;
    }
    const sdk = checkoutRef.current;
    if (!sdk) return;
    syncing.current = { again: false };
    try {
      do {
        syncing.current.again = false;
        dispatch({ type: 'sync-started' });
        const fetched: { view: CheckoutStateView | null } = { view: null };
        try {
          await track(
            sdk.runServerUpdate(async () => {
              fetched.view = await requestJson('GET', statePath(sessionId), undefined, checkoutStateViewSchema);
            }),
          );
        } catch (error) {
          // Only a closed session is news here; any other failure leaves the check at Pay to protect the shopper.
          if (isApiError(error) && error.code === CHECKOUT_CLOSED) dispatch(loadFailed(error));
        }
        dispatch({ type: 'sync-settled', view: fetched.view });
      } while (syncing.current.again);
    } finally {
      syncing.current = null;
    }
  }, [sessionId, dispatch, track]);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    let opened: BroadcastChannel;
    try {
      opened = new BroadcastChannel(checkoutChannelName(sessionId));
    } catch {
      return;
    }
    opened.onmessage = (event: MessageEvent<unknown>) => {
      if (shouldTakeNews(event.data, sessionId, latest.current.view?.version ?? null)) void sync();
    };
    channel.current = opened;
    return () => {
      if (channel.current === opened) channel.current = null;
      opened.close();
    };
  }, [sessionId, sync]);

  const run = useCallback<RunUpdate>(
    async (name, body) => {
      const sdk = checkoutRef.current;
      if (!sdk) return NOT_READY;
      const ticket = ++tickets.current;
      const request = updateRequest(name, body, sessionId);
      dispatch({ type: 'update-started', ticket });
      // Filled in by the callback (a holder, so the type checker does not take it for always null).
      const answer: { view: CheckoutStateView | null } = { view: null };
      try {
        const result = await track(
          sdk.runServerUpdate(async () => {
            const send = () => requestJson(request.method, request.path, request.body, checkoutStateViewSchema);
            // Another tab's change still being saved after the server's wait: try once more, after a pause.
            const view = await send().catch(async (error: unknown) => {
              if (!isApiError(error) || error.code !== UPDATE_IN_PROGRESS) throw error;
              await new Promise((resolve) => setTimeout(resolve, UPDATE_RETRY_DELAY_MS));
              return send();
            });
            ownVersions.current.add(view.version);
            answer.view = view;
          }),
        );
        const saved = answer.view;
        if (saved) {
          try {
            channel.current?.postMessage({ sessionId, version: saved.version });
          } catch {
            // A closed channel: the other tabs still check at Pay.
          }
        }
        if (result.type === 'error' || !saved) {
          const failure = refreshFailure(result.type === 'error' ? result.error.message : 'no answer');
          dispatch({ type: 'update-settled', ticket, view: saved, failure });
          return { ok: false, failure };
        }
        dispatch({ type: 'update-settled', ticket, view: saved, failure: null });
        return { ok: true, view: saved };
      } catch (error) {
        const failure = toUpdateFailure(error, describeUpdate(name, body, latest.current.view));
        dispatch({ type: 'update-settled', ticket, view: answer.view, failure });
        return { ok: false, failure };
      }
    },
    [sessionId, dispatch, track],
  );

  const checkClosed = useCallback((): Promise<ClosedStatus | null> => {
    checking.current ??= (async () => {
      const sdk = checkoutRef.current;
      const fetched: { view: CheckoutStateView | null } = { view: null };
      let stripeStatus: 'open' | 'expired' | 'complete' | null = null;
      try {
        const result = await track(
          sdk?.runServerUpdate(async () => {
            fetched.view = await requestJson('GET', statePath(sessionId), undefined, checkoutStateViewSchema);
          }) ?? Promise.resolve(null),
        );
        if (result?.type === 'success') stripeStatus = result.session.status.type;
      } catch {
        // Neither side answered: what the closed answer or the expiry time said stands.
      }
      const serverStatus = fetched.view?.status ?? null;
      if (fetched.view) dispatch({ type: 'loaded', view: fetched.view });
      const suspected = latest.current.closed !== null;
      if (!suspected && serverStatus === 'open' && stripeStatus !== 'expired' && stripeStatus !== 'complete') {
        return null;
      }
      const status = closedStatusOf(serverStatus, stripeStatus);
      dispatch({ type: 'closed', status });
      return latest.current.closed;
    })().finally(() => {
      checking.current = null;
    });
    return checking.current;
  }, [sessionId, dispatch, track]);

  // A closed answer (or the expiry time) says "closed": find out whether it expired or was paid.
  useEffect(() => {
    if (state.closed === 'checking') void checkClosed();
  }, [state.closed, checkClosed]);

  // Closes on time: the server said how many seconds the session had left when it answered.
  const openView = state.view?.status === 'open' ? state.view : null;
  useEffect(() => {
    if (!openView) return;
    const timer = setTimeout(
      () => dispatch({ type: 'closed', status: 'checking' }),
      Math.max(0, openView.expiresInSeconds) * 1000,
    );
    return () => clearTimeout(timer);
  }, [openView, dispatch]);

  const sessionEnded = useCallback(
    (status: 'expired' | 'complete') => dispatch({ type: 'closed', status }),
    [dispatch],
  );

  const notePayPress = useCallback(() => {
    payPressedAt.current = Date.now();
  }, []);
  const isPayBeingPressed = useCallback(
    () => payPressedAt.current !== null && Date.now() - payPressedAt.current < PAY_PRESS_MS,
    [],
  );

  const registerFlush = useCallback((flush: Flush) => {
    flushes.current.add(flush);
    return () => {
      flushes.current.delete(flush);
    };
  }, []);

  const whenIdle = useCallback(async () => {
    while (inFlight.current.size > 0) await Promise.allSettled([...inFlight.current]);
  }, []);

  const prepareToPay = useCallback(
    async (seenVersion: number | null): Promise<PayReadiness> => {
      const sdk = checkoutRef.current;
      if (!sdk) return { type: 'not-ready' };
      dispatch({ type: 'pay-started' });
      payPressedAt.current = null;
      const flushed = await Promise.all([...flushes.current].map((flush) => flush()));
      await whenIdle();
      const settled = latest.current;
      if (flushed.includes('blocked') || settled.closed !== null || settled.blockedUpTo !== null) {
        return { type: 'not-ready' };
      }
      const fetched: { view: CheckoutStateView | null } = { view: null };
      try {
        const result = await track(
          sdk.runServerUpdate(async () => {
            fetched.view = await requestJson('GET', statePath(sessionId), undefined, checkoutStateViewSchema);
          }),
        );
        const server = fetched.view;
        if (!server) return { type: 'failed', message: CHECK_FAILED };
        const check = payCheck({ seenVersion, ownVersions: ownVersions.current, server });
        if (check === 'changed') {
          dispatch({ type: 'order-changed', view: server });
          return { type: 'changed' };
        }
        dispatch({ type: 'loaded', view: server });
        if (check === 'closed') return { type: 'not-ready' };
        // Stripe.js's refreshed session may know better than the store's record (its webhook not yet received).
        const stripeStatus = result.type === 'success' ? result.session.status.type : null;
        if (stripeStatus === 'expired' || stripeStatus === 'complete') {
          dispatch({ type: 'closed', status: stripeStatus });
          return { type: 'not-ready' };
        }
        // Stripe.js could not refresh its session: what it would confirm is not known to be what is shown.
        if (result.type === 'error') return { type: 'failed', message: CHECK_FAILED };
        return { type: 'ready' };
      } catch (error) {
        if (isApiError(error) && error.code === CHECKOUT_CLOSED) {
          dispatch(loadFailed(error));
          return { type: 'not-ready' };
        }
        return { type: 'failed', message: isApiError(error) ? error.message : CHECK_FAILED };
      }
    },
    [sessionId, dispatch, track, whenIdle],
  );

  return useMemo(
    () => ({
      state,
      reload: nextLoadAttempt,
      run,
      registerFlush,
      prepareToPay,
      checkClosed,
      sessionEnded,
      notePayPress,
      isPayBeingPressed,
    }),
    [state, run, registerFlush, prepareToPay, checkClosed, sessionEnded, notePayPress, isPayBeingPressed],
  );
}

/** What the checkout says of a closed session, in a few plain words (the controls only ask whether it is closed). */
function closedMessageOf(closed: ClosedStatus | null): string | null {
  switch (closed) {
    case null:
      return null;
    case 'checking':
      return 'Checking your checkout…';
    case 'expired':
      return 'This checkout expired.';
    case 'complete':
      return 'This order was paid.';
  }
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
  /** The session no longer takes changes (see `UpdatesState.closed`), in words; null while open. */
  closedMessage: string | null;
  closed: ClosedStatus | null;
  /** See `UpdatesState.recoveries`. */
  recoveries: number;
  /** Why Pay is disabled, or null. */
  payBlock: PayBlock | null;
  /** What to tell the shopper about another tab (see `UpdatesState.notice`). */
  notice: CheckoutNotice | null;
  /** What the newest update changed on its own (a shipping method, a code), with why; see `UpdatesState`. */
  updateNotices: UpdateNotice[];
  /** The address form reports why it holds Pay (an edit not yet saved, incomplete, refused), or null. */
  setAddressBlock: (block: AddressBlock | null) => void;
  /** The gift message card reports it is ticked with no message. */
  setGiftMessageMissing: (missing: boolean) => void;
  notePayPress: () => void;
  /** Pay's pointer is down: a control losing focus to it leaves its edit for Pay to send (no click is lost). */
  isPayBeingPressed: () => boolean;
  registerFlush: (flush: Flush) => () => void;
  /** `seenVersion`: the view's version when Pay was pressed (see `CheckoutUpdatesStore.prepareToPay`). */
  prepareToPay: (seenVersion: number | null) => Promise<PayReadiness>;
  checkClosed: () => Promise<ClosedStatus | null>;
  /** Replaces a closed session with a fresh one that keeps the shopper's choices (the server carries them over). */
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
  const { state, reload, run, registerFlush, prepareToPay, checkClosed, notePayPress, isPayBeingPressed } = store;
  const [addressBlock, setAddressBlock] = useState<AddressBlock | null>(null);
  const [giftMessageMissing, setGiftMessageMissing] = useState(false);
  const value = useMemo<CheckoutUpdates>(
    () => ({
      checkout,
      view: state.view,
      run,
      loadError: state.loadError,
      reload,
      pending: state.pendingCount > 0,
      blockedByFailure: state.blockedUpTo !== null,
      closedMessage: closedMessageOf(state.closed),
      closed: state.closed,
      recoveries: state.recoveries,
      payBlock: payBlock(
        state,
        { canConfirm: checkout.canConfirm, hasAddress: checkout.shipping !== null },
        addressBlock,
        giftMessageMissing,
      ),
      notice: state.notice,
      updateNotices: state.updateNotices,
      setAddressBlock,
      setGiftMessageMissing,
      notePayPress,
      isPayBeingPressed,
      registerFlush,
      prepareToPay,
      checkClosed,
      startFreshCheckout,
    }),
    [
      checkout,
      state,
      run,
      reload,
      startFreshCheckout,
      addressBlock,
      giftMessageMissing,
      registerFlush,
      prepareToPay,
      checkClosed,
      notePayPress,
      isPayBeingPressed,
    ],
  );
  return <CheckoutUpdatesContext.Provider value={value}>{children}</CheckoutUpdatesContext.Provider>;
}

export function useCheckoutUpdates(): CheckoutUpdates {
  const value = useContext(CheckoutUpdatesContext);
  if (!value) throw new Error('useCheckoutUpdates must be used inside CheckoutUpdatesProvider');
  return value;
}
