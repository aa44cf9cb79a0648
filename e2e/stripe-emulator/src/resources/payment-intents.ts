import type Stripe from 'stripe';
import { z } from 'zod';
import { resourceMissing } from '../http/errors';
import { resolveExpand } from '../http/expand';
import { paginate, paginationShape } from '../http/list';
import { expandList, parseParams } from '../http/params';
import type { ApiRequest, Router } from '../http/router';
import { newId } from '../ids';
import type { RequestRef, Store } from '../store';

export interface PaymentIntentInput {
  amount: number;
  currency: string;
  description: string | null;
  metadata: Record<string, string>;
  shipping: Stripe.PaymentIntent.Shipping | null;
}

/** A card PaymentIntent awaiting its payment method; records `payment_intent.created`. */
export function createPaymentIntent(
  store: Store,
  input: PaymentIntentInput,
  request: RequestRef,
): Stripe.PaymentIntent {
  const id = newId.paymentIntent();
  const intent: Stripe.PaymentIntent = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: newId.paymentIntentSecret(id),
    confirmation_method: 'automatic',
    created: store.clock.now(),
    currency: input.currency,
    customer: null,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: input.shipping,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_group: null,
  };
  store.paymentIntents.set(id, intent);
  store.emit('payment_intent.created', intent, request);
  return intent;
}

export function getPaymentIntent(store: Store, id: string, param = 'id'): Stripe.PaymentIntent {
  const intent = store.paymentIntents.get(id);
  if (!intent) throw resourceMissing('payment_intent', id, param);
  return intent;
}

export function registerPaymentIntentRoutes(router: Router<ApiRequest>): void {
  router.add('GET', '/v1/payment_intents/:id', (request) => {
    const params = parseParams(
      z.strictObject({ client_secret: z.string().optional(), expand: expandList() }),
      request.params,
    );
    resolveExpand(params.expand, []);
    return getPaymentIntent(request.store, request.pathParams.id ?? '');
  });
  router.add('GET', '/v1/payment_intents', (request) => {
    const params = parseParams(z.strictObject({ ...paginationShape, expand: expandList() }), request.params);
    resolveExpand(params.expand, [], 'data.');
    return paginate(
      [...request.store.paymentIntents.values()].reverse(),
      params,
      '/v1/payment_intents',
      'payment_intent',
    );
  });
}
