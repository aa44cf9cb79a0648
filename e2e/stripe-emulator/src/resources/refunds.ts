import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidParam, invalidRequest, missingParam, resourceMissing } from '../http/errors';
import { resolveExpand } from '../http/expand';
import { paginate, paginationShape } from '../http/list';
import { expandList, int, metadata, oneOf, parseParams, str } from '../http/params';
import type { ApiRequest, Router } from '../http/router';
import { newId } from '../ids';
import type { RequestRef, Store } from '../store';
import { getPaymentIntent } from './payment-intents';

/** stripe@23.1.0 `RefundCreateParams`: the parts a store refunding a card payment sends. */
const createSchema = z.strictObject({
  payment_intent: str(200).optional(),
  charge: str(200).optional(),
  amount: int({ min: 1 }).optional(),
  reason: oneOf(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  metadata: metadata().optional(),
  expand: expandList(),
});

const listSchema = z.strictObject({
  ...paginationShape,
  payment_intent: str(200).optional(),
  charge: str(200).optional(),
  expand: expandList(),
});

function intentOfCharge(store: Store, chargeId: string): Stripe.PaymentIntent {
  const intent = [...store.paymentIntents.values()].find((candidate) => candidate.latest_charge === chargeId);
  if (!intent) throw resourceMissing('charge', chargeId, 'charge');
  return intent;
}

/** Refunds of one PaymentIntent that count against what it can still give back (succeeded and pending ones). */
function refundedOf(store: Store, intentId: string): number {
  return [...store.refunds.values()]
    .filter(
      (refund) => refund.payment_intent === intentId && refund.status !== 'failed' && refund.status !== 'canceled',
    )
    .reduce((sum, refund) => sum + refund.amount, 0);
}

/** The PaymentIntent's charge as Stripe shows it in `charge.refunded`: its amounts, refunded so far (no `refunds` list). */
export function chargeOf(store: Store, intent: Stripe.PaymentIntent): Stripe.Charge {
  const refunded = refundedOf(store, intent.id);
  return {
    id: typeof intent.latest_charge === 'string' ? intent.latest_charge : (intent.latest_charge?.id ?? ''),
    object: 'charge',
    amount: intent.amount_received,
    amount_captured: intent.amount_received,
    amount_refunded: refunded,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: { address: null, email: intent.receipt_email, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: null,
    captured: true,
    created: intent.created,
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: intent.metadata,
    on_behalf_of: null,
    outcome: null,
    paid: true,
    payment_intent: intent.id,
    payment_method: typeof intent.payment_method === 'string' ? intent.payment_method : null,
    payment_method_details: null,
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: refunded >= intent.amount_received,
    review: null,
    shipping: intent.shipping,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: null,
  };
}

/**
 * Refunds a succeeded card payment, all that is left or `amount` of it, at once (`status: 'succeeded'`), and emits
 * `refund.created` then `charge.refunded`. More than is left to refund is refused, as Stripe refuses it.
 */
export function createRefund(store: Store, params: z.output<typeof createSchema>, request: RequestRef): Stripe.Refund {
  if (!params.payment_intent && !params.charge) throw missingParam('payment_intent');
  if (params.payment_intent && params.charge) {
    throw invalidParam('You may only specify one of these parameters: charge, payment_intent.', 'charge');
  }
  const intent = params.payment_intent
    ? getPaymentIntent(store, params.payment_intent, 'payment_intent')
    : intentOfCharge(store, params.charge ?? '');
  if (intent.status !== 'succeeded' || !intent.latest_charge) {
    throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
      code: 'charge_not_refundable',
      param: 'payment_intent',
    });
  }
  const left = intent.amount_received - refundedOf(store, intent.id);
  const charge = chargeOf(store, intent);
  if (left <= 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
  }
  const amount = params.amount ?? left;
  if (amount > left) {
    throw invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left}).`, {
      code: 'amount_too_large',
      param: 'amount',
    });
  }
  const refund: Stripe.Refund = {
    id: newId.refund(),
    object: 'refund',
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: store.clock.now(),
    currency: intent.currency,
    customer: intent.customer,
    customer_account: null,
    metadata: params.metadata ?? {},
    payment_intent: intent.id,
    payment_method: typeof intent.payment_method === 'string' ? intent.payment_method : null,
    reason: params.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  store.refunds.set(refund.id, refund);
  store.emit('refund.created', refund, request);
  store.emit('charge.refunded', chargeOf(store, intent), request, { amount_refunded: charge.amount_refunded });
  return refund;
}

export function registerRefundRoutes(router: Router<ApiRequest>): void {
  router.add('POST', '/v1/refunds', (request) => {
    const { expand, ...params } = parseParams(createSchema, request.params);
    resolveExpand(expand, []);
    return createRefund(request.store, params, { id: request.requestId, idempotencyKey: request.idempotencyKey });
  });
  router.add('GET', '/v1/refunds/:id', (request) => {
    const params = parseParams(z.strictObject({ expand: expandList() }), request.params);
    resolveExpand(params.expand, []);
    const id = request.pathParams.id ?? '';
    const refund = request.store.refunds.get(id);
    if (!refund) throw resourceMissing('refund', id);
    return refund;
  });
  router.add('GET', '/v1/refunds', (request) => {
    const { expand, payment_intent, charge, ...pagination } = parseParams(listSchema, request.params);
    resolveExpand(expand, [], 'data.');
    const refunds = [...request.store.refunds.values()]
      .filter((refund) => payment_intent === undefined || refund.payment_intent === payment_intent)
      .filter((refund) => charge === undefined || refund.charge === charge)
      .reverse();
    return paginate(refunds, pagination, '/v1/refunds', 'refund');
  });
}
