import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidParam, resourceMissing } from '../http/errors';
import { resolveExpand } from '../http/expand';
import { expandList, metadata, parseParams, str } from '../http/params';
import type { ApiRequest, Router } from '../http/router';
import { newId } from '../ids';
import type { Store } from '../store';
import { isValidEmail } from './checkout-sessions';

/** `POST /v1/customers`: the fields the store sends (stripe@23.1.0 names); anything else is refused as unknown. */
const createCustomerSchema = z.strictObject({
  email: str(512).optional(),
  name: str(256).optional(),
  description: str(350).optional(),
  metadata: metadata().optional(),
  expand: expandList(),
});

export function getCustomer(store: Store, id: string, param = 'id'): Stripe.Customer {
  const customer = store.customers.get(id);
  if (!customer) throw resourceMissing('customer', id, param);
  return customer;
}

function createCustomer(store: Store, params: z.output<typeof createCustomerSchema>): Stripe.Customer {
  if (params.email !== undefined && !isValidEmail(params.email)) {
    throw invalidParam(`Invalid email address: ${params.email}`, 'email', 'email_invalid');
  }
  const customer: Stripe.Customer = {
    id: newId.customer(),
    object: 'customer',
    address: null,
    balance: 0,
    created: store.clock.now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: params.description ?? null,
    discount: null,
    email: params.email ?? null,
    invoice_prefix: null,
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: params.metadata ?? {},
    name: params.name ?? null,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  store.customers.set(customer.id, customer);
  return customer;
}

export function registerCustomerRoutes(router: Router<ApiRequest>): void {
  router.add('POST', '/v1/customers', (request) => {
    const { expand, ...params } = parseParams(createCustomerSchema, request.params);
    resolveExpand(expand, []);
    return createCustomer(request.store, params);
  });
  router.add('GET', '/v1/customers/:id', (request) => {
    const params = parseParams(z.strictObject({ expand: expandList() }), request.params);
    resolveExpand(params.expand, []);
    return getCustomer(request.store, request.pathParams.id ?? '');
  });
}
