import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidParam, resourceMissing } from '../http/errors';
import { resolveExpand } from '../http/expand';
import { paginate, paginationShape } from '../http/list';
import { bool, currency, expandList, int, metadata, oneOf, parseParams, str } from '../http/params';
import type { ApiRequest, Router } from '../http/router';
import { newId } from '../ids';
import type { Store } from '../store';

const estimateBound = z.strictObject({
  unit: oneOf(['business_day', 'day', 'hour', 'month', 'week']),
  value: int({ min: 1 }),
});

/** `shipping_rate_data` on sessions and the body of `POST /v1/shipping_rates`. */
export const shippingRateDataSchema = z.strictObject({
  display_name: str(100),
  type: oneOf(['fixed_amount']).optional(),
  fixed_amount: z.strictObject({ amount: int({ min: 0, max: 99999999 }), currency: currency() }).optional(),
  delivery_estimate: z
    .strictObject({ minimum: estimateBound.optional(), maximum: estimateBound.optional() })
    .optional(),
  tax_behavior: oneOf(['exclusive', 'inclusive', 'unspecified']).optional(),
  tax_code: str().optional(),
  metadata: metadata().optional(),
});
export type ShippingRateData = z.output<typeof shippingRateDataSchema>;

/** Creates a ShippingRate with a fresh `shr_` id; `param` names the hash in errors. */
export function createShippingRate(store: Store, data: ShippingRateData, param = ''): Stripe.ShippingRate {
  const at = (name: string) => (param ? `${param}[${name}]` : name);
  if (!data.fixed_amount)
    throw invalidParam(`Missing required param: ${at('fixed_amount')}.`, at('fixed_amount'), 'parameter_missing');
  const rate: Stripe.ShippingRate = {
    id: newId.shippingRate(),
    object: 'shipping_rate',
    active: true,
    created: store.clock.now(),
    delivery_estimate: data.delivery_estimate
      ? { minimum: data.delivery_estimate.minimum ?? null, maximum: data.delivery_estimate.maximum ?? null }
      : null,
    display_name: data.display_name,
    fixed_amount: { amount: data.fixed_amount.amount, currency: data.fixed_amount.currency },
    livemode: false,
    metadata: data.metadata ?? {},
    tax_behavior: data.tax_behavior ?? null,
    tax_code: data.tax_code ?? null,
    type: 'fixed_amount',
  };
  store.shippingRates.set(rate.id, rate);
  return rate;
}

export function getShippingRate(store: Store, id: string, param = 'id'): Stripe.ShippingRate {
  const rate = store.shippingRates.get(id);
  if (!rate) throw resourceMissing('shipping_rate', id, param);
  return rate;
}

/** The amount a rate charges, in the session currency's minor units. */
export function shippingAmount(rate: Stripe.ShippingRate): number {
  return rate.fixed_amount?.amount ?? 0;
}

export function registerShippingRateRoutes(router: Router<ApiRequest>): void {
  router.add('POST', '/v1/shipping_rates', (request) => {
    const { expand, ...data } = parseParams(shippingRateDataSchema.extend({ expand: expandList() }), request.params);
    resolveExpand(expand, []);
    return createShippingRate(request.store, data);
  });
  router.add('GET', '/v1/shipping_rates/:id', (request) => {
    const params = parseParams(z.strictObject({ expand: expandList() }), request.params);
    resolveExpand(params.expand, []);
    return getShippingRate(request.store, request.pathParams.id ?? '');
  });
  router.add('GET', '/v1/shipping_rates', (request) => {
    const params = parseParams(
      z.strictObject({ ...paginationShape, active: bool().optional(), expand: expandList() }),
      request.params,
    );
    resolveExpand(params.expand, [], 'data.');
    const items = [...request.store.shippingRates.values()]
      .filter((rate) => params.active === undefined || rate.active === params.active)
      .reverse();
    return paginate(items, params, '/v1/shipping_rates', 'shipping_rate');
  });
}
