/**
 * How a failed checkout update is explained to the shopper, and whether it leaves the order's state uncertain. A
 * refusal keeps the server's words (they say what the rule is); a failure of the store, of Stripe or of the network
 * names the change that failed (`describeUpdate`) and says the order is unchanged — never "Payments are briefly
 * unavailable", which is for paying.
 */
import { isApiError } from '@/lib/api-client';
import type { CheckoutStateView, CheckoutUpdateBody, CheckoutUpdateName } from '@/lib/checkout/contract';

export type UpdateFailure = {
  code: string;
  message: string;
  /**
   * The server could not say whether Stripe applied the change (network failure, 5xx, a timeout, or Stripe.js could
   * not refresh the session). Paying is blocked until a later update succeeds: each update writes the whole order to
   * Stripe, so the next success puts the session and the store back in step.
   */
  uncertain: boolean;
  /** A 429's `Retry-After`: how long until trying again can succeed. */
  retryAfterSeconds?: number;
};

const ORDER = "Your order couldn't be updated";

/** What the shopper was changing, as a sentence start: "Gift wrap couldn't be updated". */
export function describeUpdate<N extends CheckoutUpdateName>(
  name: N,
  body: CheckoutUpdateBody<N>,
  view: Pick<CheckoutStateView, 'items' | 'addOns'> | null,
): string {
  const request: CheckoutUpdateBody<CheckoutUpdateName> = body;
  switch (name) {
    case 'addOn': {
      const { addOnId, productId } = request as CheckoutUpdateBody<'addOn'>;
      const addOn = view?.addOns.find((a) => a.addOnId === addOnId && a.productId === (productId ?? null));
      return addOn ? `${addOn.name} couldn't be updated` : ORDER;
    }
    case 'quantity': {
      const { productId } = request as CheckoutUpdateBody<'quantity'>;
      const item = view?.items.find((i) => i.productId === productId);
      return item ? `The quantity of ${item.name} couldn't be changed` : ORDER;
    }
    case 'shippingOption':
      return "The shipping method couldn't be changed";
    case 'shippingAddress':
      return "Your shipping address couldn't be saved";
    case 'applyCode':
      return "The code couldn't be applied";
    case 'removeCode':
      return "The code couldn't be removed";
    case 'emailChanged':
      return "Your order couldn't be updated for your email";
  }
  return ORDER;
}

/** `what`: the change that failed (`describeUpdate`). */
export function toUpdateFailure(error: unknown, what: string = ORDER): UpdateFailure {
  if (isApiError(error)) {
    if (error.status === 0) {
      return {
        code: error.code,
        message: `${what}: we could not reach the store. Check your connection and try again.`,
        uncertain: true,
      };
    }
    if (error.status >= 500) return { code: error.code, message: unchanged(what), uncertain: true };
    const failure: UpdateFailure = { code: error.code, message: error.message, uncertain: false };
    return error.retryAfterSeconds === null ? failure : { ...failure, retryAfterSeconds: error.retryAfterSeconds };
  }
  // Thrown by Stripe.js itself (e.g. runServerUpdate's 20 s timeout): nothing is known about the outcome.
  return { code: 'update_failed', message: unchanged(what), uncertain: true };
}

function unchanged(what: string): string {
  return `${what}. Your order is unchanged — please try again.`;
}

/** `runServerUpdate` resolved with an error: our server saved the change, but Stripe.js could not reload the session. */
export function refreshFailure(stripeMessage: string): UpdateFailure {
  return {
    code: 'session_refresh_failed',
    message: `Your change was saved, but the totals could not be refreshed (${stripeMessage}). Please try again.`,
    uncertain: true,
  };
}
