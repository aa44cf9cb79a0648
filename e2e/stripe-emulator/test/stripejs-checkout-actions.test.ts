import type { StripeCheckoutSession } from '@stripe/stripe-js';
import { describe, expect, it, vi } from 'vitest';
import { type BrowserApi, StripeApiError } from '../src/stripejs/browser-api';
import { type CardSource, createCheckoutActions, emailProblem, MESSAGES } from '../src/stripejs/checkout-actions';
import { SessionController } from '../src/stripejs/session-controller';
import type { EmulatorSession } from '../src/stripejs/session-schema';
import { parsedSession } from './stripejs-fixtures';

const goodCard: CardSource = {
  readCard: () => ({
    ok: true,
    card: { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123', country: 'US', postalCode: '94103' },
  }),
  showErrors: vi.fn(),
};

function setup(
  options: { session?: EmulatorSession; api?: Partial<BrowserApi>; card?: CardSource | null; timeoutMs?: number } = {},
) {
  const controller = new SessionController('en-US');
  let current = options.session ?? parsedSession();
  controller.setRaw(current);
  const api: BrowserApi = {
    sessionId: current.id,
    getSession: vi.fn(async () => current),
    updateSession: vi.fn(async () => current),
    confirm: vi.fn(async () => ({ session: current, returnUrl: null })),
    ...options.api,
  };
  const navigate = vi.fn();
  const changes: StripeCheckoutSession[] = [];
  controller.onChange((session) => changes.push(session));
  const actions = createCheckoutActions({
    controller,
    api,
    paymentElement: () => (options.card === undefined ? goodCard : options.card),
    navigate,
    serverUpdateTimeoutMs: options.timeoutMs ?? 20_000,
  });
  const serverChanges = (next: EmulatorSession) => {
    current = next;
  };
  return { actions, api, navigate, changes, serverChanges };
}

describe('runServerUpdate', () => {
  it('blocks confirmation while the update runs, then refetches and announces the new session', async () => {
    const { actions, changes, serverChanges } = setup();
    let canConfirmDuringUpdate: boolean | undefined;
    const result = await actions.runServerUpdate(async () => {
      canConfirmDuringUpdate = actions.getSession().canConfirm;
      serverChanges(parsedSession({ amount_total: 9999 }));
    });
    expect(canConfirmDuringUpdate).toBe(false);
    expect(result).toMatchObject({
      type: 'success',
      session: { canConfirm: true, total: { total: { amount: '$99.99' } } },
    });
    expect(changes.map((s) => s.canConfirm)).toEqual([false, true]);
    expect(changes.at(-1)?.total.total.minorUnitsAmount).toBe(9999);
  });

  it("rejects with the function's own error, after clearing the pending state", async () => {
    const { actions, api, changes } = setup();
    const failure = new Error('add-on is not available');
    await expect(actions.runServerUpdate(() => Promise.reject(failure))).rejects.toBe(failure);
    expect(api.getSession).not.toHaveBeenCalled();
    expect(changes.at(-1)?.canConfirm).toBe(true);
    expect(actions.getSession().canConfirm).toBe(true);
  });

  it('rejects when the function does not settle in time', async () => {
    const { actions } = setup({ timeoutMs: 20 });
    await expect(actions.runServerUpdate(() => new Promise(() => {}))).rejects.toThrow(MESSAGES.serverUpdateTimeout);
    expect(actions.getSession().canConfirm).toBe(true);
  });

  it('resolves an error result when the session cannot be refreshed', async () => {
    const { actions } = setup({
      api: { getSession: vi.fn(async () => Promise.reject(new StripeApiError('emulator down', { status: 500 }))) },
    });
    await expect(actions.runServerUpdate(async () => {})).resolves.toEqual({
      type: 'error',
      error: { message: 'emulator down', code: null },
    });
  });

  it('runs concurrent updates one after another, in call order', async () => {
    const { actions } = setup();
    const order: string[] = [];
    const slow = actions.runServerUpdate(async () => {
      order.push('first:start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('first:end');
    });
    const fast = actions.runServerUpdate(async () => {
      order.push('second');
    });
    expect(actions.getSession().canConfirm).toBe(false);
    await Promise.all([slow, fast]);
    expect(order).toEqual(['first:start', 'first:end', 'second']);
    expect(actions.getSession().canConfirm).toBe(true);
  });
});

describe('client-side session updates', () => {
  it('sends the chosen shipping rate and returns the session the emulator answers', async () => {
    const { actions, api } = setup({
      api: { updateSession: vi.fn(async () => parsedSession({ amount_total: 6000 })) },
    });
    const result = await actions.updateShippingOption('shr_express');
    expect(api.updateSession).toHaveBeenCalledWith({ shipping_rate: 'shr_express' });
    expect(result).toMatchObject({ type: 'success', session: { total: { total: { minorUnitsAmount: 6000 } } } });
  });

  it('validates emails before sending them', async () => {
    const { actions, api } = setup();
    expect(await actions.updateEmail('')).toEqual({
      type: 'error',
      error: { code: 'incompleteEmail', message: MESSAGES.emailIncomplete },
    });
    expect(await actions.updateEmail('ada@')).toMatchObject({ error: { code: 'incompleteEmail' } });
    expect(await actions.updateEmail('ada lovelace@example.com')).toMatchObject({ error: { code: 'invalidEmail' } });
    expect(api.updateSession).not.toHaveBeenCalled();
    expect(await actions.updateEmail(' ada@example.com ')).toMatchObject({ type: 'success' });
    expect(api.updateSession).toHaveBeenCalledWith({ email: 'ada@example.com' });
  });

  it('classifies emails', () => {
    expect(emailProblem('ada@example.com')).toBeNull();
    expect(emailProblem('ada')).toBe('incompleteEmail');
    expect(emailProblem('ada@example')).toBe('incompleteEmail');
    expect(emailProblem('a@b@example.com')).toBe('invalidEmail');
  });

  it('refuses shipping address and promotion code changes the server owns', async () => {
    const { actions, api } = setup();
    const contact = {
      name: 'Ada',
      address: { country: 'US', line1: '1 Main St', city: 'X', postal_code: '1', state: 'IL' },
    };
    expect(await actions.updateShippingAddress(contact)).toEqual({
      type: 'error',
      error: { code: null, message: MESSAGES.shippingServerOnly },
    });
    expect(await actions.applyPromotionCode('TENOFF')).toEqual({
      type: 'error',
      error: { code: null, message: MESSAGES.discountsServerOnly },
    });
    expect(await actions.removePromotionCode()).toMatchObject({ type: 'error' });
    expect(api.updateSession).not.toHaveBeenCalled();
  });

  it('sends shipping addresses and promotion codes when the client may change them', async () => {
    const session = parsedSession({ permissions: { update_shipping_details: 'client_only' } });
    const { actions, api } = setup({
      session,
      api: {
        updateSession: vi.fn(async (body) => {
          if (body.promotion_code === 'NOPE') {
            throw new StripeApiError('This code is invalid.', { status: 400, code: 'invalidCode' });
          }
          return session;
        }),
      },
    });
    const contact = {
      name: 'Ada',
      address: { country: 'US', line1: '1 Main St', city: 'X', postal_code: '1', state: 'IL' },
    };
    expect(await actions.updateShippingAddress(contact)).toMatchObject({ type: 'success' });
    expect(api.updateSession).toHaveBeenCalledWith({
      shipping_address: { name: 'Ada', address: { ...contact.address, line2: null } },
    });
    expect(await actions.applyPromotionCode('NOPE')).toEqual({
      type: 'error',
      error: { code: 'invalidCode', message: 'This code is invalid.' },
    });
    expect(await actions.applyPromotionCode('TENOFF')).toMatchObject({ type: 'success' });
  });
});

describe('confirm', () => {
  const withEmail = () => parsedSession({ customer_email: 'ada@example.com' });

  it('pays and sends the shopper to the return URL', async () => {
    const paid = parsedSession({ customer_email: 'ada@example.com', status: 'complete', payment_status: 'paid' });
    const { actions, api, navigate } = setup({
      session: withEmail(),
      api: {
        confirm: vi.fn(async () => ({ session: paid, returnUrl: 'http://shop.test/done?session_id=cs_test_123' })),
      },
    });
    const result = await actions.confirm();
    expect(api.confirm).toHaveBeenCalledWith(
      expect.objectContaining({
        email: 'ada@example.com',
        card: { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' },
      }),
    );
    expect(navigate).toHaveBeenCalledWith('http://shop.test/done?session_id=cs_test_123');
    expect(result).toMatchObject({ type: 'success', session: { status: { type: 'complete', paymentStatus: 'paid' } } });
  });

  it("prefers the caller's return URL and skips the redirect when asked to", async () => {
    const { actions, navigate } = setup({ session: withEmail() });
    await actions.confirm({ returnUrl: 'http://x.test/r?id={CHECKOUT_SESSION_ID}' });
    expect(navigate).toHaveBeenCalledWith('http://x.test/r?id=cs_test_123');
    navigate.mockClear();
    expect(await actions.confirm({ redirect: 'if_required' })).toMatchObject({ type: 'success' });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('reports a decline in Stripe terms and keeps the session open', async () => {
    const decline = new StripeApiError('Your card was declined.', {
      status: 402,
      type: 'card_error',
      code: 'card_declined',
      declineCode: 'insufficient_funds',
    });
    const { actions, navigate, changes } = setup({
      session: withEmail(),
      api: { confirm: vi.fn(async () => Promise.reject(decline)) },
    });
    expect(await actions.confirm()).toEqual({
      type: 'error',
      error: {
        code: 'paymentFailed',
        paymentFailed: { declineCode: 'insufficient_funds' },
        message: 'Your card has insufficient funds.',
      },
    });
    expect(navigate).not.toHaveBeenCalled();
    expect(actions.getSession()).toMatchObject({
      status: { type: 'open' },
      canConfirm: true,
      lastPaymentError: { message: 'Your card has insufficient funds.' },
    });
    expect(changes.map((s) => s.canConfirm)).toEqual([false, true]);
  });

  it('does not send an incomplete card or a missing email', async () => {
    const badCard: CardSource = {
      readCard: () => ({ ok: false, message: 'Your card number is incomplete.' }),
      showErrors: vi.fn(),
    };
    const first = setup({ session: withEmail(), card: badCard });
    expect(await first.actions.confirm()).toEqual({
      type: 'error',
      error: { code: null, message: 'Your card number is incomplete.' },
    });
    expect(badCard.showErrors).toHaveBeenCalled();
    expect(first.api.confirm).not.toHaveBeenCalled();

    const second = setup();
    expect(await second.actions.confirm()).toEqual({
      type: 'error',
      error: { code: null, message: MESSAGES.emailMissing },
    });
    expect(await second.actions.confirm({ email: 'ada@example.com' })).toMatchObject({ type: 'success' });

    const third = setup({ session: withEmail(), card: null });
    expect(await third.actions.confirm()).toMatchObject({ error: { message: MESSAGES.noPaymentElement } });
  });

  it('refuses while a server update is pending', async () => {
    const { actions, api } = setup({ session: withEmail() });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const update = actions.runServerUpdate(() => gate);
    expect(await actions.confirm()).toEqual({ type: 'error', error: { code: null, message: MESSAGES.updatePending } });
    release();
    await update;
    expect(api.confirm).not.toHaveBeenCalled();
  });
});
