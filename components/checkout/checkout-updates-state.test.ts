import { describe, expect, it } from 'vitest';
import {
  initialUpdatesState,
  payBlock,
  type UpdatesEvent,
  type UpdatesState,
  updateRequest,
  updatesReducer,
} from '@/components/checkout/checkout-updates-state';
import type { UpdateFailure } from '@/components/checkout/update-failure';
import { CHECKOUT_CLOSED, type CheckoutStateView, type UpdateNotice } from '@/lib/checkout/contract';

function view(version: number, overrides: Partial<CheckoutStateView> = {}): CheckoutStateView {
  return {
    sessionId: 'cs_test_abc',
    status: 'open',
    expiresAt: '2026-11-20T12:00:00.000Z',
    expiresInSeconds: 3_600,
    version,
    currency: 'usd',
    total: 4_800,
    tax: null,
    items: [{ productId: 'soy-candle', name: 'Soy candle', quantity: 1, maxQuantity: 5, amount: 4_800 }],
    lines: [{ key: 'product:soy-candle', name: 'Soy candle', quantity: 1, unitAmount: 4_800, amount: 4_800 }],
    addOns: [],
    giftMessage: null,
    shippingAddress: null,
    shippingMethods: [],
    selectedShippingMethodId: null,
    discounts: { available: true, codes: [], automatic: [], total: 0, hints: [] },
    storeCredit: null,
    notices: [],
    ...overrides,
  };
}

const uncertain: UpdateFailure = { code: 'stripe_unavailable', message: 'Stripe is unavailable.', uncertain: true };
const refused: UpdateFailure = { code: 'invalid_code', message: 'Unknown code.', uncertain: false };
const closed: UpdateFailure = { code: CHECKOUT_CLOSED, message: 'This checkout has expired.', uncertain: false };

function play(...events: UpdatesEvent[]): UpdatesState {
  return events.reduce(updatesReducer, initialUpdatesState);
}

describe('updatesReducer', () => {
  it('keeps the newest view by version, whichever answer arrives last', () => {
    const state = play(
      { type: 'update-started', ticket: 1 },
      { type: 'update-settled', ticket: 1, view: view(3), failure: null },
      { type: 'loaded', view: view(1) },
    );
    expect(state.view?.version).toBe(3);
    expect(play({ type: 'loaded', view: view(1) }, { type: 'loaded', view: view(2) }).view?.version).toBe(2);
  });

  it('a discount answer with new shr_ ids replaces the view every section reads', () => {
    const before = view(4, {
      shippingMethods: [
        { methodId: 'standard', displayName: 'Standard', amount: 500, shippingRateId: 'shr_old', selected: true },
      ],
    });
    const after = view(5, {
      shippingMethods: [
        { methodId: 'standard', displayName: 'Standard', amount: 500, shippingRateId: 'shr_new', selected: true },
      ],
      discounts: { available: true, codes: [], automatic: [], total: 480, hints: [] },
    });
    const state = play(
      { type: 'loaded', view: before },
      { type: 'update-started', ticket: 1 },
      { type: 'update-settled', ticket: 1, view: after, failure: null },
    );
    expect(state.view?.shippingMethods[0]?.shippingRateId).toBe('shr_new');
    expect(state.view?.discounts.total).toBe(480);
  });

  it('counts updates in flight', () => {
    const two = play({ type: 'update-started', ticket: 1 }, { type: 'update-started', ticket: 2 });
    expect(two.pendingCount).toBe(2);
    const one = updatesReducer(two, { type: 'update-settled', ticket: 1, view: view(1), failure: null });
    expect(one.pendingCount).toBe(1);
    expect(updatesReducer(one, { type: 'update-settled', ticket: 2, view: null, failure: refused }).pendingCount).toBe(
      0,
    );
  });

  it('an uncertain failure blocks paying until an update started after it succeeds', () => {
    const blocked = play(
      { type: 'update-started', ticket: 1 },
      { type: 'update-started', ticket: 2 },
      { type: 'update-settled', ticket: 1, view: null, failure: uncertain },
    );
    expect(blocked.blockedUpTo).toBe(2);
    // Started before the failure was known: its write may have landed before the uncertain one.
    const stillBlocked = updatesReducer(blocked, { type: 'update-settled', ticket: 2, view: view(2), failure: null });
    expect(stillBlocked.blockedUpTo).toBe(2);
    const healed = [
      { type: 'update-started', ticket: 3 },
      { type: 'update-settled', ticket: 3, view: view(3), failure: null },
    ] satisfies UpdatesEvent[];
    expect(healed.reduce(updatesReducer, stillBlocked).blockedUpTo).toBeNull();
  });

  it('a clear refusal neither blocks nor unblocks paying', () => {
    const refusedOnly = play(
      { type: 'update-started', ticket: 1 },
      { type: 'update-settled', ticket: 1, view: null, failure: refused },
    );
    expect(refusedOnly.blockedUpTo).toBeNull();
    const blocked = play(
      { type: 'update-started', ticket: 1 },
      { type: 'update-settled', ticket: 1, view: null, failure: uncertain },
      { type: 'update-started', ticket: 2 },
      { type: 'update-settled', ticket: 2, view: null, failure: refused },
    );
    expect(blocked.blockedUpTo).toBe(1);
  });

  it('keeps the saved view when Stripe.js could not refresh the session', () => {
    const state = play(
      { type: 'update-started', ticket: 1 },
      { type: 'update-settled', ticket: 1, view: view(7), failure: uncertain },
    );
    expect(state.view?.version).toBe(7);
    expect(state.blockedUpTo).toBe(1);
  });

  it('a 409 checkout_closed from an update or the load closes the checkout, to be checked: expired or paid?', () => {
    const fromUpdate = play(
      { type: 'update-started', ticket: 1 },
      { type: 'update-settled', ticket: 1, view: null, failure: closed },
    );
    expect(fromUpdate.closed).toBe('checking');
    expect(play({ type: 'load-failed', code: CHECKOUT_CLOSED, message: 'Completed.' }).closed).toBe('checking');
    expect(play({ type: 'load-failed', code: null, message: 'Offline.' }).closed).toBeNull();
    expect(updatesReducer(fromUpdate, { type: 'closed', status: 'complete' }).closed).toBe('complete');
  });

  it('a view of a session that is no longer open closes the checkout with its status', () => {
    expect(play({ type: 'loaded', view: view(2, { status: 'expired' }) }).closed).toBe('expired');
    expect(play({ type: 'order-changed', view: view(2, { status: 'complete' }) }).closed).toBe('complete');
    expect(play({ type: 'sync-started' }, { type: 'sync-settled', view: view(4, { status: 'expired' }) }).closed).toBe(
      'expired',
    );
    expect(play({ type: 'loaded', view: view(2) }).closed).toBeNull();
  });

  it('paid is final: neither a check nor an expiry turns a paid checkout into an expired one', () => {
    const paid = play({ type: 'closed', status: 'complete' });
    expect(updatesReducer(paid, { type: 'closed', status: 'expired' }).closed).toBe('complete');
    expect(updatesReducer(paid, { type: 'closed', status: 'checking' }).closed).toBe('complete');
    const expired = play({ type: 'closed', status: 'expired' });
    expect(updatesReducer(expired, { type: 'closed', status: 'checking' }).closed).toBe('expired');
    expect(updatesReducer(expired, { type: 'closed', status: 'complete' }).closed).toBe('complete');
  });

  it('counts recoveries: an update succeeding after an uncertain failure puts the order back in step', () => {
    const failed = play(
      { type: 'update-started', ticket: 1 },
      { type: 'update-settled', ticket: 1, view: null, failure: uncertain },
    );
    expect(failed.recoveries).toBe(0);
    const recovered = [
      { type: 'update-started', ticket: 2 },
      { type: 'update-settled', ticket: 2, view: view(2), failure: null },
    ] satisfies UpdatesEvent[];
    expect(recovered.reduce(updatesReducer, failed)).toMatchObject({ blockedUpTo: null, recoveries: 1 });
    // A success with nothing to recover from is not one.
    expect(recovered.reduce(updatesReducer, initialUpdatesState).recoveries).toBe(0);
  });

  it('a reload clears the load error, and so does a successful update', () => {
    const failed = play({ type: 'load-failed', code: null, message: 'Offline.' });
    expect(updatesReducer(failed, { type: 'load-started' }).loadError).toBeNull();
    expect(
      [
        { type: 'update-started', ticket: 1 } as const,
        { type: 'update-settled', ticket: 1, view: view(1), failure: null } as const,
      ].reduce(updatesReducer, failed).loadError,
    ).toBeNull();
  });
});

describe('what an update changed on its own (its notices)', () => {
  const switched: UpdateNotice = { code: 'shipping_method_changed', message: 'Overnight is not available there.' };

  it('are shown from the answer of the update, and cleared when the shopper starts another one', () => {
    const shown = play(
      { type: 'update-started', ticket: 1 },
      { type: 'update-settled', ticket: 1, view: view(2, { notices: [switched] }), failure: null },
    );
    expect(shown.updateNotices).toEqual([switched]);
    expect(updatesReducer(shown, { type: 'update-started', ticket: 2 }).updateNotices).toEqual([]);
  });

  it('come from the newest answer only: a late older answer does not bring its notices back', () => {
    const state = play(
      { type: 'update-started', ticket: 1 },
      { type: 'update-started', ticket: 2 },
      { type: 'update-settled', ticket: 2, view: view(3), failure: null },
      { type: 'update-settled', ticket: 1, view: view(2, { notices: [switched] }), failure: null },
    );
    expect(state.updateNotices).toEqual([]);
  });

  it('are shown even when Stripe.js then failed to refresh, since the server made the change', () => {
    const state = play(
      { type: 'update-started', ticket: 1 },
      { type: 'update-settled', ticket: 1, view: view(2, { notices: [switched] }), failure: uncertain },
    );
    expect(state.updateNotices).toEqual([switched]);
  });
});

describe('news from another tab and the check before paying', () => {
  it('a reload for another tab’s update counts as pending, takes the newer view and says so', () => {
    const syncing = play({ type: 'loaded', view: view(3) }, { type: 'sync-started' });
    expect(syncing.pendingCount).toBe(1);
    const synced = updatesReducer(syncing, { type: 'sync-settled', view: view(5) });
    expect(synced).toMatchObject({ pendingCount: 0, notice: 'synced' });
    expect(synced.view?.version).toBe(5);
  });

  it('a reload that brings nothing new, or fails, says nothing and unblocks nothing', () => {
    const same = play(
      { type: 'loaded', view: view(5) },
      { type: 'sync-started' },
      { type: 'sync-settled', view: view(5) },
    );
    expect(same.notice).toBeNull();
    const failed = play(
      { type: 'update-started', ticket: 1 },
      { type: 'update-settled', ticket: 1, view: null, failure: uncertain },
      { type: 'sync-started' },
      { type: 'sync-settled', view: view(9) },
    );
    expect(failed.blockedUpTo).toBe(1);
    expect(play({ type: 'sync-started' }, { type: 'sync-settled', view: null })).toMatchObject({
      pendingCount: 0,
      notice: null,
    });
  });

  it('Pay finding another tab’s change takes the server’s view and keeps the alert until the next attempt or change', () => {
    const changed = play({ type: 'loaded', view: view(3) }, { type: 'order-changed', view: view(6) });
    expect(changed.notice).toBe('changed-elsewhere');
    expect(changed.view?.version).toBe(6);
    // A later reload does not turn the alert into the polite notice.
    expect(
      [{ type: 'sync-started' } as const, { type: 'sync-settled', view: view(7) } as const].reduce(
        updatesReducer,
        changed,
      ).notice,
    ).toBe('changed-elsewhere');
    expect(updatesReducer(changed, { type: 'pay-started' }).notice).toBeNull();
    expect(updatesReducer(changed, { type: 'update-started', ticket: 1 }).notice).toBeNull();
  });
});

describe('payBlock', () => {
  const ready = { canConfirm: true, hasAddress: true };

  it('lets the shopper pay only when nothing is pending, blocked or closed and Stripe can confirm', () => {
    expect(payBlock(initialUpdatesState, ready)).toBeNull();
    expect(payBlock({ ...initialUpdatesState, pendingCount: 1 }, ready)).toBe('pending');
    expect(payBlock({ ...initialUpdatesState, blockedUpTo: 2 }, ready)).toBe('blocked');
    expect(payBlock({ ...initialUpdatesState, closed: 'expired' }, ready)).toBe('closed');
    expect(payBlock({ ...initialUpdatesState, closed: 'checking' }, ready)).toBe('closed');
    expect(payBlock(initialUpdatesState, { canConfirm: true, hasAddress: false })).toBe('address');
    expect(payBlock(initialUpdatesState, { canConfirm: false, hasAddress: true })).toBe('stripe');
  });

  it('the address form holds Pay after pending and blocked, before the missing-address and Stripe reasons', () => {
    expect(payBlock(initialUpdatesState, ready, 'address-saving')).toBe('address-saving');
    expect(payBlock(initialUpdatesState, { canConfirm: false, hasAddress: false }, 'address-incomplete')).toBe(
      'address-incomplete',
    );
    expect(payBlock({ ...initialUpdatesState, pendingCount: 1 }, ready, 'address-refused')).toBe('pending');
    expect(payBlock({ ...initialUpdatesState, blockedUpTo: 1 }, ready, 'address-refused')).toBe('blocked');
    expect(payBlock(initialUpdatesState, ready, null)).toBeNull();
  });

  it('a ticked gift message card without a message holds Pay, after pending and blocked, before the address', () => {
    expect(payBlock(initialUpdatesState, ready, null, true)).toBe('gift-message');
    expect(payBlock(initialUpdatesState, ready, 'address-incomplete', true)).toBe('gift-message');
    expect(payBlock({ ...initialUpdatesState, pendingCount: 1 }, ready, null, true)).toBe('pending');
    expect(payBlock(initialUpdatesState, ready, null, false)).toBeNull();
  });

  it('says pending before blocked, so a retry in flight reads as "updating"', () => {
    expect(payBlock({ ...initialUpdatesState, pendingCount: 1, blockedUpTo: 1 }, ready)).toBe('pending');
  });
});

describe('updateRequest', () => {
  it('sends each named update to its route with the session id', () => {
    expect(updateRequest('applyCode', { code: 'WELCOME10' }, 'cs_test_abc')).toEqual({
      method: 'POST',
      path: '/api/checkout/discount-codes',
      body: { code: 'WELCOME10', sessionId: 'cs_test_abc' },
    });
    expect(updateRequest('removeCode', { code: 'WELCOME10' }, 'cs_test_abc').method).toBe('DELETE');
    expect(updateRequest('shippingOption', { methodId: 'express' }, 'cs_test_abc')).toEqual({
      method: 'POST',
      path: '/api/checkout/shipping-option',
      body: { methodId: 'express', sessionId: 'cs_test_abc' },
    });
  });
});
