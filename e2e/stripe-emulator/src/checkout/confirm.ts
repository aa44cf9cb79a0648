import type Stripe from 'stripe';
import { invalidRequest, StripeApiError } from '../http/errors';
import { newId } from '../ids';
import { createPaymentIntent } from '../resources/payment-intents';
import type { RequestRef, Store } from '../store';
import { completeSession } from './lifecycle';
import type { SessionRecord } from './record';
import { sessionTotals } from './render';
import { lacksTaxLocation } from './session-tax';

/** Stripe's test cards that the emulator knows; any other number is `incorrect_number`. */
const TEST_CARDS: Record<string, { declineCode: string; message: string } | 'succeeds'> = {
  '4242424242424242': 'succeeds',
  '4000000000000002': { declineCode: 'generic_decline', message: 'Your card was declined.' },
  '4000000000009995': { declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
};

export interface ConfirmInput {
  email: string | null;
  cardNumber: string;
  billingDetails: { name: string | null; address: Stripe.Address | null } | null;
}

function cardError(
  message: string,
  code: string,
  extra: { decline_code?: string; payment_intent?: Stripe.PaymentIntent; param?: string },
) {
  return new StripeApiError(402, { type: 'card_error', message, code, ...extra });
}

function intentForAttempt(
  store: Store,
  record: SessionRecord,
  amount: number,
  request: RequestRef,
): Stripe.PaymentIntent {
  const existing = record.paymentIntentId ? store.paymentIntents.get(record.paymentIntentId) : undefined;
  if (existing && existing.status === 'requires_payment_method') {
    existing.amount = amount;
    return existing;
  }
  const shipping = record.shippingDetails
    ? {
        address: record.shippingDetails.address,
        name: record.shippingDetails.name,
        carrier: null,
        phone: null,
        tracking_number: null,
      }
    : null;
  const intent = createPaymentIntent(
    store,
    {
      amount,
      currency: record.currency,
      description: record.paymentIntentData.description,
      metadata: record.paymentIntentData.metadata,
      shipping,
    },
    request,
  );
  record.paymentIntentId = intent.id;
  return intent;
}

/**
 * Pays an open session with a test card. Success completes the session; a decline leaves it open with the
 * PaymentIntent in `requires_payment_method` and throws the 402 `card_error` Stripe sends.
 */
export function confirmSession(
  store: Store,
  record: SessionRecord,
  input: ConfirmInput,
  request: RequestRef,
): Stripe.PaymentIntent | null {
  const email = input.email ?? record.collectedEmail ?? record.customerEmail;
  if (!email)
    throw invalidRequest('An email address is required to confirm this Checkout Session.', {
      code: 'email_invalid',
      param: 'email',
    });
  if (record.allowedCountries && !record.shippingDetails) {
    throw invalidRequest('A shipping address is required to confirm this Checkout Session.', {
      code: 'shipping_address_invalid',
      param: 'shipping_address',
    });
  }
  if (lacksTaxLocation(record, input.billingDetails ?? record.billingDetails)) {
    throw invalidRequest('An address with a country (and a state in the US and Canada) is required to calculate tax.', {
      code: 'customer_tax_location_invalid',
      param: record.allowedCountries ? 'shipping_address' : 'billing_details[address]',
    });
  }
  const number = input.cardNumber.replace(/[\s-]/g, '');
  const outcome = TEST_CARDS[number];
  if (!outcome) throw cardError('Your card number is incorrect.', 'incorrect_number', { param: 'number' });
  record.collectedEmail = email;
  if (input.billingDetails) record.billingDetails = input.billingDetails;
  const amount = sessionTotals(store, record).total;
  if (amount === 0) {
    completeSession(store, record, null, request);
    return null;
  }
  const intent = intentForAttempt(store, record, amount, request);
  const chargeId = newId.charge();
  intent.payment_method = newId.paymentMethod();
  intent.latest_charge = chargeId;
  intent.receipt_email = email;
  if (outcome === 'succeeds') {
    intent.status = 'succeeded';
    intent.amount_received = amount;
    intent.last_payment_error = null;
    store.emit('payment_intent.succeeded', intent, request);
    completeSession(store, record, intent, request);
    return intent;
  }
  intent.status = 'requires_payment_method';
  intent.last_payment_error = {
    type: 'card_error',
    code: 'card_declined',
    decline_code: outcome.declineCode,
    message: outcome.message,
    charge: chargeId,
    doc_url: 'https://stripe.com/docs/error-codes/card-declined',
    payment_method_type: 'card',
  };
  store.emit('payment_intent.payment_failed', intent, request);
  throw cardError(outcome.message, 'card_declined', {
    decline_code: outcome.declineCode,
    payment_intent: structuredClone(intent),
  });
}
