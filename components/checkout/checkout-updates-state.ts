/**
 * The checkout's one update store, as pure functions: the server's newest view of the order, how many updates are in
 * flight, whether an uncertain failure blocks paying, whether the session is closed, and what Pay waits for. The React
 * side (checkout-updates.tsx) only dispatches these events and sends the requests.
 */
import type { AddressBlock } from '@/components/checkout/pay-guard';
import type { UpdateFailure } from '@/components/checkout/update-failure';
import {
  CHECKOUT_CLOSED,
  CHECKOUT_UPDATES,
  type CheckoutStateView,
  type CheckoutUpdateBody,
  type CheckoutUpdateName,
  type UpdateNotice,
} from '@/lib/checkout/contract';

export type UpdateOutcome = { ok: true; view: CheckoutStateView } | { ok: false; failure: UpdateFailure };

export type UpdatesState = {
  /** The server's view of the order; the newest by `version`, null until loaded. */
  view: CheckoutStateView | null;
  loadError: string | null;
  /** Updates sent and not yet settled. */
  pendingCount: number;
  /** The newest update ticket handed out (tickets increase with every update started). */
  lastTicket: number;
  /**
   * An update failed without a clear outcome: paying is blocked until an update started after that failure succeeds
   * (every update writes the whole order to Stripe). Holds the newest ticket at the time of the failure.
   */
  blockedUpTo: number | null;
  /**
   * The session no longer takes changes or payment: `checking` (the server answered 409 `checkout_closed`, or its
   * expiry time came) until the runner knows whether it `expired` or was paid (`complete`).
   */
  closed: ClosedStatus | null;
  /** How often an update succeeded after an uncertain failure: the order is in step again, old failures are over. */
  recoveries: number;
  /**
   * What the shopper should hear about another tab: `synced` — this tab took in another tab's update by itself;
   * `changed-elsewhere` — Pay found the order changed in another tab, charged nothing and took the new view in.
   */
  notice: CheckoutNotice | null;
  /** What the newest update's answer changed on its own (a shipping method, a code); cleared when another starts. */
  updateNotices: UpdateNotice[];
};

export type CheckoutNotice = 'synced' | 'changed-elsewhere';

export type ClosedStatus = 'checking' | 'expired' | 'complete';

export const initialUpdatesState: UpdatesState = {
  view: null,
  loadError: null,
  pendingCount: 0,
  lastTicket: 0,
  blockedUpTo: null,
  closed: null,
  recoveries: 0,
  notice: null,
  updateNotices: [],
};

export type UpdatesEvent =
  | { type: 'load-started' }
  | { type: 'loaded'; view: CheckoutStateView }
  /** `code` is the server's error code when it answered. */
  | { type: 'load-failed'; code: string | null; message: string }
  | { type: 'update-started'; ticket: number }
  /** `view` is the server's answer when there was one (also when Stripe.js then failed to refresh). */
  | { type: 'update-settled'; ticket: number; view: CheckoutStateView | null; failure: UpdateFailure | null }
  /** Another tab saved a newer version: this tab reloads the view (inside `runServerUpdate`), Pay waits meanwhile. */
  | { type: 'sync-started' }
  /** `view` is the reloaded one (null when the reload failed: the check at Pay still protects the shopper). */
  | { type: 'sync-settled'; view: CheckoutStateView | null }
  /** Pay was pressed: earlier notices are answered by this attempt. */
  | { type: 'pay-started' }
  /** The check before paying found another tab's change: the server's view replaces ours, nothing is charged. */
  | { type: 'order-changed'; view: CheckoutStateView }
  /** The session closed (or may have: `checking`), as Stripe.js, the expiry time or the runner's check says. */
  | { type: 'closed'; status: ClosedStatus };

/** Keeps the newer of two views: answers can arrive out of order (the initial load racing a first update). */
export function newerView(current: CheckoutStateView | null, next: CheckoutStateView): CheckoutStateView {
  return current && current.version > next.version ? current : next;
}

/** What is known about a closed session only grows: checking → expired → complete (paid is final). */
function mergeClosed(current: ClosedStatus | null, next: ClosedStatus | null): ClosedStatus | null {
  const rank = { checking: 1, expired: 2, complete: 3 } as const;
  if (next === null) return current;
  return current !== null && rank[current] >= rank[next] ? current : next;
}

/** The closed status a view of the server's record says, if any. */
function closedBy(view: CheckoutStateView | null): ClosedStatus | null {
  return view && view.status !== 'open' ? view.status : null;
}

export function updatesReducer(state: UpdatesState, event: UpdatesEvent): UpdatesState {
  const next = reduce(state, event);
  const closed = mergeClosed(next.closed, 'view' in event ? closedBy(event.view) : null);
  return closed === next.closed ? next : { ...next, closed };
}

function reduce(state: UpdatesState, event: UpdatesEvent): UpdatesState {
  switch (event.type) {
    case 'load-started':
      return { ...state, loadError: null };
    case 'loaded':
      return { ...state, view: newerView(state.view, event.view) };
    case 'load-failed':
      return {
        ...state,
        loadError: event.message,
        closed: event.code === CHECKOUT_CLOSED ? mergeClosed(state.closed, 'checking') : state.closed,
      };
    case 'update-started':
      return {
        ...state,
        pendingCount: state.pendingCount + 1,
        lastTicket: Math.max(state.lastTicket, event.ticket),
        // The shopper is changing the order again: what was said about another tab, or the last update, is history.
        notice: null,
        updateNotices: [],
      };
    case 'update-settled': {
      const view = event.view ? newerView(state.view, event.view) : state.view;
      const pendingCount = Math.max(0, state.pendingCount - 1);
      const updateNotices = event.view && view === event.view ? event.view.notices : state.updateNotices;
      const { failure } = event;
      if (!failure) {
        const recovers = state.blockedUpTo !== null && event.ticket > state.blockedUpTo;
        return {
          ...state,
          view,
          pendingCount,
          updateNotices,
          loadError: null,
          blockedUpTo: recovers ? null : state.blockedUpTo,
          recoveries: recovers ? state.recoveries + 1 : state.recoveries,
        };
      }
      return {
        ...state,
        view,
        pendingCount,
        updateNotices,
        blockedUpTo: failure.uncertain ? state.lastTicket : state.blockedUpTo,
        closed: failure.code === CHECKOUT_CLOSED ? mergeClosed(state.closed, 'checking') : state.closed,
      };
    }
    case 'sync-started':
      return { ...state, pendingCount: state.pendingCount + 1 };
    case 'sync-settled': {
      const pendingCount = Math.max(0, state.pendingCount - 1);
      if (!event.view) return { ...state, pendingCount };
      const advanced = state.view === null || event.view.version > state.view.version;
      return {
        ...state,
        pendingCount,
        view: newerView(state.view, event.view),
        notice: advanced && state.notice !== 'changed-elsewhere' ? 'synced' : state.notice,
      };
    }
    case 'pay-started':
      return { ...state, notice: null };
    case 'order-changed':
      return { ...state, view: newerView(state.view, event.view), notice: 'changed-elsewhere' };
    case 'closed':
      return { ...state, closed: mergeClosed(state.closed, event.status) };
  }
}

export type PayBlock = 'pending' | 'blocked' | 'closed' | 'gift-message' | AddressBlock | 'address' | 'stripe';

/**
 * Why Pay is disabled now, or null when the shopper may pay. In order of what the shopper should hear first: the
 * session is closed, an update is running, the last change did not go through, the gift message card is ticked with
 * no message, the address form holds an edit not yet saved / an incomplete one / a refused one (`address`, from the
 * form), the address is missing, Stripe.js itself cannot confirm (`canConfirm`).
 */
export function payBlock(
  state: Pick<UpdatesState, 'pendingCount' | 'blockedUpTo' | 'closed'>,
  stripe: { canConfirm: boolean; hasAddress: boolean },
  address: AddressBlock | null = null,
  giftMessageMissing = false,
): PayBlock | null {
  if (state.closed !== null) return 'closed';
  if (state.pendingCount > 0) return 'pending';
  if (state.blockedUpTo !== null) return 'blocked';
  if (giftMessageMissing) return 'gift-message';
  if (address !== null) return address;
  if (!stripe.hasAddress) return 'address';
  if (!stripe.canConfirm) return 'stripe';
  return null;
}

export type UpdateRequest = { method: 'POST' | 'DELETE'; path: string; body: Record<string, unknown> };

/** Where a named update goes and what it carries: the control's ids and intents plus the session id. */
export function updateRequest<N extends CheckoutUpdateName>(
  name: N,
  body: CheckoutUpdateBody<N>,
  sessionId: string,
): UpdateRequest {
  const { method, path } = CHECKOUT_UPDATES[name];
  return { method, path, body: { ...body, sessionId } };
}
