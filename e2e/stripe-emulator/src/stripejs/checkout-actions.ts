import type {
  StripeCheckoutConfirmResult,
  StripeCheckoutContact,
  StripeCheckoutLoadActionsSuccess,
  StripeCheckoutRunServerUpdateResult,
  StripeCheckoutSession,
} from '@stripe/stripe-js';
import { type BrowserApi, type ConfirmRequest, type Contact, type SessionUpdate, StripeApiError } from './browser-api';
import type { CardDetails } from './card-fields';
import { declineMessage } from './decline-messages';
import { withTimeout } from './serial-queue';
import type { SessionController } from './session-controller';

/** What confirm() needs from a mounted Payment Element. */
export type CardSource = {
  readCard(): { ok: true; card: CardDetails } | { ok: false; message: string };
  showErrors(): void;
};

export type ActionDeps = {
  controller: SessionController;
  api: BrowserApi;
  paymentElement: () => CardSource | null;
  navigate: (url: string) => void;
  serverUpdateTimeoutMs: number;
};

export const MESSAGES = {
  emailIncomplete: 'Your email address is incomplete.',
  emailInvalid: 'Your email address is invalid.',
  emailMissing: 'Enter an email address to pay.',
  shippingServerOnly:
    "Shipping details can only be updated by your server: this session was created with permissions.update_shipping_details = 'server_only'.",
  discountsServerOnly:
    "Promotion codes can only be changed by your server: this session was created with permissions.update_discounts = 'server_only'.",
  invalidCode: 'This code is invalid.',
  updatePending: 'A session update is still in progress. Wait for it to finish before confirming.',
  notOpen: 'This Checkout Session is no longer open.',
  noPaymentElement: 'Mount a Payment Element before calling confirm().',
  serverUpdateTimeout: 'runServerUpdate timed out: the update function did not settle within 20 seconds.',
} as const;

type Failure = { type: 'error'; error: { message: string; code: null } };
type Success = { type: 'success'; session: StripeCheckoutSession };

function failure(message: string): Failure {
  return { type: 'error', error: { message, code: null } };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Checks an email the way the Stripe.js error codes distinguish: missing parts are incomplete, the rest invalid. */
export function emailProblem(email: string): 'incompleteEmail' | 'invalidEmail' | null {
  const trimmed = email.trim();
  if (!trimmed) return 'incompleteEmail';
  if (/\s/.test(trimmed) || trimmed.split('@').length > 2) return 'invalidEmail';
  const [local = '', domain] = trimmed.split('@');
  if (!local || domain === undefined || !/\.[^.]+$/.test(domain)) return 'incompleteEmail';
  return /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(trimmed) ? null : 'invalidEmail';
}

function toContact(contact: StripeCheckoutContact): Contact {
  const { address } = contact;
  return {
    name: contact.name ?? null,
    address: {
      line1: address.line1 ?? null,
      line2: address.line2 ?? null,
      city: address.city ?? null,
      state: address.state ?? null,
      postal_code: address.postal_code ?? null,
      country: address.country,
    },
  };
}

/** The `actions` object of `loadActions()`: every mutator of the checkout session, typed by Stripe.js's own types. */
export function createCheckoutActions(deps: ActionDeps): StripeCheckoutLoadActionsSuccess {
  const { controller, api } = deps;
  const permissions = () => controller.rawSession().permissions;

  /** Sends one update through the queue; the new session is stored and announced by the queue. */
  async function update(body: SessionUpdate): Promise<Success | { type: 'error'; error: StripeApiError }> {
    try {
      await controller.enqueue(async () => controller.setRaw(await api.updateSession(body)));
      return { type: 'success', session: controller.snapshot() };
    } catch (error) {
      return {
        type: 'error',
        error: error instanceof StripeApiError ? error : new StripeApiError(messageOf(error), { status: 0 }),
      };
    }
  }

  async function updateLocally(patch: Parameters<SessionController['patchLocal']>[0]): Promise<Success> {
    controller.patchLocal(patch);
    controller.emitChange();
    return { type: 'success', session: controller.snapshot() };
  }

  const unsupported = async (name: string) => failure(`${name}() is not supported by the emulator.`);

  return {
    getSession: () => controller.snapshot(),

    async runServerUpdate(userFunction): Promise<StripeCheckoutRunServerUpdateResult> {
      const outcome = await controller.enqueue(async () => {
        await withTimeout(
          Promise.resolve().then(userFunction),
          deps.serverUpdateTimeoutMs,
          MESSAGES.serverUpdateTimeout,
        );
        try {
          controller.setRaw(await api.getSession());
          return null;
        } catch (error) {
          return failure(messageOf(error));
        }
      });
      return outcome ?? { type: 'success', session: controller.snapshot() };
    },

    async updateShippingOption(shippingOption) {
      const result = await update({ shipping_rate: shippingOption });
      return result.type === 'success' ? result : failure(result.error.message);
    },

    async updateEmail(email) {
      if (email !== null) {
        const problem = emailProblem(email);
        if (problem === 'incompleteEmail')
          return { type: 'error', error: { code: problem, message: MESSAGES.emailIncomplete } };
        if (problem === 'invalidEmail')
          return { type: 'error', error: { code: problem, message: MESSAGES.emailInvalid } };
      }
      const result = await update({ email: email === null ? null : email.trim() });
      return result.type === 'success'
        ? result
        : { type: 'error', error: { code: 'invalidEmail', message: result.error.message } };
    },

    async updateShippingAddress(contact) {
      if (permissions()?.update_shipping_details === 'server_only') return failure(MESSAGES.shippingServerOnly);
      const result = await update({ shipping_address: contact === null ? null : toContact(contact) });
      return result.type === 'success' ? result : failure(result.error.message);
    },

    async updateBillingAddress(billingAddress) {
      return updateLocally({ overrides: { ...currentOverrides(), billingAddress } });
    },

    async applyPromotionCode(promotionCode) {
      if (permissions()?.update_discounts === 'server_only') return failure(MESSAGES.discountsServerOnly);
      if (!promotionCode.trim())
        return { type: 'error', error: { code: 'invalidCode', message: MESSAGES.invalidCode } };
      const result = await update({ promotion_code: promotionCode.trim() });
      if (result.type === 'success') return result;
      const { error } = result;
      if (error.code === 'promotionCodeAmountInsufficient') {
        return { type: 'error', error: { code: 'promotionCodeAmountInsufficient', message: error.message } };
      }
      if (error.status >= 400 && error.status < 500 && !/permission/i.test(error.code ?? '')) {
        return { type: 'error', error: { code: 'invalidCode', message: error.message || MESSAGES.invalidCode } };
      }
      return failure(error.message);
    },

    async removePromotionCode() {
      if (permissions()?.update_discounts === 'server_only') return failure(MESSAGES.discountsServerOnly);
      const result = await update({ promotion_code: null });
      return result.type === 'success' ? result : failure(result.error.message);
    },

    updatePhoneNumber: (phoneNumber) => updateLocally({ overrides: { ...currentOverrides(), phoneNumber } }),
    updateBusinessName: (businessName) => updateLocally({ overrides: { ...currentOverrides(), businessName } }),
    updateIndividualName: async () => ({ type: 'success', session: controller.snapshot() }),
    updateTaxIdInfo: () => unsupported('updateTaxIdInfo'),
    updateLineItemQuantity: () => unsupported('updateLineItemQuantity'),
    addOptionalLineItem: () => unsupported('addOptionalLineItem'),
    removeOptionalLineItem: () => unsupported('removeOptionalLineItem'),

    async validateElements() {
      const payment = deps.paymentElement();
      if (!payment) {
        return {
          type: 'error',
          error: { code: 'no_elements', message: MESSAGES.noPaymentElement, validation_errors: [] },
        };
      }
      const read = payment.readCard();
      if (read.ok) return { type: 'success', session: controller.snapshot() };
      payment.showErrors();
      return {
        type: 'error',
        error: {
          code: 'validation_error',
          message: read.message,
          validation_errors: [{ element: 'payment', message: read.message }],
        },
      };
    },

    confirm: (args = {}) => confirm(deps, args),
  };

  function currentOverrides() {
    return controller.snapshotOverrides();
  }
}

/**
 * Billing details for the confirm call: the billing address when one was given (Billing Address Element or
 * updateBillingAddress), otherwise just the email and name. The card's country and ZIP stay in the Payment Element,
 * as a full address is what the emulator stores.
 */
function billingDetails(session: StripeCheckoutSession, email: string): ConfirmRequest['billing_details'] {
  const billing = session.billingAddress;
  if (!billing?.address.line1) return { email, name: billing?.name ?? null };
  return { email, name: billing.name ?? null, address: toContact(billing).address };
}

type ConfirmArgs = NonNullable<Parameters<StripeCheckoutLoadActionsSuccess['confirm']>[0]>;

async function confirm(deps: ActionDeps, args: ConfirmArgs): Promise<StripeCheckoutConfirmResult> {
  const { controller, api } = deps;
  const session = controller.snapshot();
  if (session.status.type !== 'open') return failure(MESSAGES.notOpen);
  if (!session.canConfirm) return failure(MESSAGES.updatePending);

  const payment = deps.paymentElement();
  if (!payment) return failure(MESSAGES.noPaymentElement);
  const read = payment.readCard();
  if (!read.ok) {
    payment.showErrors();
    return failure(read.message);
  }

  const email = args.email ?? session.email;
  if (!email) return failure(MESSAGES.emailMissing);
  const problem = emailProblem(email);
  if (problem) return failure(problem === 'incompleteEmail' ? MESSAGES.emailIncomplete : MESSAGES.emailInvalid);

  const { card } = read;
  controller.patchLocal({ confirming: true });
  controller.emitChange();
  try {
    const answer = await api.confirm({
      email: email.trim(),
      card: { number: card.number, exp_month: card.exp_month, exp_year: card.exp_year, cvc: card.cvc },
      billing_details: billingDetails(session, email.trim()),
    });
    controller.setRaw(answer.session);
    controller.patchLocal({ confirming: false, lastPaymentError: null });
    controller.emitChange();
    const result = { type: 'success', session: controller.snapshot() } as const;
    if (args.redirect === 'if_required') return result;
    const returnUrl = args.returnUrl
      ? args.returnUrl.replaceAll('{CHECKOUT_SESSION_ID}', answer.session.id)
      : answer.returnUrl;
    if (returnUrl) deps.navigate(returnUrl);
    return result;
  } catch (error) {
    const isDecline = error instanceof StripeApiError && (error.status === 402 || error.type === 'card_error');
    if (!isDecline) {
      controller.patchLocal({ confirming: false });
      controller.emitChange();
      return failure(messageOf(error));
    }
    const message = declineMessage(error.declineCode, error.code, error.message);
    try {
      controller.setRaw(await api.getSession());
    } catch {
      // The decline is what the shopper needs to see; a stale session is acceptable here.
    }
    controller.patchLocal({ confirming: false, lastPaymentError: { message } });
    controller.emitChange();
    return {
      type: 'error',
      error: { code: 'paymentFailed', paymentFailed: { declineCode: error.declineCode ?? error.code }, message },
    };
  }
}
