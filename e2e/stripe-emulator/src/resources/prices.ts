import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidParam, resourceMissing } from '../http/errors';
import { resolveExpand } from '../http/expand';
import { paginate, paginationShape } from '../http/list';
import { bool, currency, expandList, int, metadata, oneOf, parseParams, str } from '../http/params';
import type { ApiRequest, Router } from '../http/router';
import { newId } from '../ids';
import type { RequestRef, Store } from '../store';
import { createProduct, getProduct, productDataSchema } from './products';

/** `price_data` on line items (one-time prices only: the emulator supports `mode: 'payment'`). */
export const priceDataSchema = z.strictObject({
  currency: currency(),
  product: str(200).optional(),
  product_data: productDataSchema.optional(),
  unit_amount: int({ min: 0, max: 99999999 }).optional(),
  tax_behavior: oneOf(['exclusive', 'inclusive', 'unspecified']).optional(),
});
export type PriceData = z.output<typeof priceDataSchema>;

const createSchema = z.strictObject({
  currency: currency(),
  product: str(200).optional(),
  product_data: z
    .strictObject({ name: str(250), metadata: metadata().optional(), active: bool().optional() })
    .optional(),
  unit_amount: int({ min: 0, max: 99999999 }).optional(),
  active: bool().optional(),
  nickname: str().optional(),
  lookup_key: str(200).optional(),
  metadata: metadata().optional(),
  tax_behavior: oneOf(['exclusive', 'inclusive', 'unspecified']).optional(),
  expand: expandList(),
});

interface PriceInput {
  currency: string;
  productId: string;
  unitAmount: number;
  active: boolean;
  nickname?: string;
  lookupKey?: string;
  metadata?: Record<string, string>;
  taxBehavior?: Stripe.Price.TaxBehavior;
}

function storePrice(store: Store, input: PriceInput): Stripe.Price {
  const price: Stripe.Price = {
    id: newId.price(),
    object: 'price',
    active: input.active,
    billing_scheme: 'per_unit',
    created: store.clock.now(),
    currency: input.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: input.lookupKey ?? null,
    metadata: input.metadata ?? {},
    nickname: input.nickname ?? null,
    product: input.productId,
    recurring: null,
    tax_behavior: input.taxBehavior ?? 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: 'one_time',
    unit_amount: input.unitAmount,
    unit_amount_decimal: null,
  };
  store.prices.set(price.id, price);
  return price;
}

/**
 * Creates the inactive, ad-hoc Price (and Product, for `product_data`) that Stripe makes for a line item's
 * `price_data`. `param` is the bracket path of the `price_data` hash, for error messages.
 */
export function createInlinePrice(store: Store, data: PriceData, param: string): Stripe.Price {
  if (data.unit_amount === undefined)
    throw invalidParam(`Missing required param: ${param}[unit_amount].`, `${param}[unit_amount]`, 'parameter_missing');
  if (data.product && data.product_data) {
    throw invalidParam(
      `You may only specify one of these parameters: product, product_data.`,
      `${param}[product]`,
      'parameters_exclusive',
    );
  }
  let productId: string;
  if (data.product) productId = getProduct(store, data.product, `${param}[product]`).id;
  else if (data.product_data) productId = createProduct(store, data.product_data, null).id;
  else
    throw invalidParam(
      `Missing required param: ${param}[product_data].`,
      `${param}[product_data]`,
      'parameter_missing',
    );
  return storePrice(store, {
    currency: data.currency,
    productId,
    unitAmount: data.unit_amount,
    active: false,
    taxBehavior: data.tax_behavior,
  });
}

export function getPrice(store: Store, id: string, param = 'id'): Stripe.Price {
  const price = store.prices.get(id);
  if (!price) throw resourceMissing('price', id, param);
  return price;
}

function createPrice(store: Store, params: z.output<typeof createSchema>, request: RequestRef): Stripe.Price {
  if (params.unit_amount === undefined)
    throw invalidParam('Missing required param: unit_amount.', 'unit_amount', 'parameter_missing');
  if (params.product && params.product_data) {
    throw invalidParam(
      'You may only specify one of these parameters: product, product_data.',
      'product',
      'parameters_exclusive',
    );
  }
  let productId: string;
  if (params.product) productId = getProduct(store, params.product, 'product').id;
  else if (params.product_data) productId = createProduct(store, params.product_data, request).id;
  else throw invalidParam('Missing required param: product.', 'product', 'parameter_missing');
  const price = storePrice(store, {
    currency: params.currency,
    productId,
    unitAmount: params.unit_amount,
    active: params.active ?? true,
    nickname: params.nickname,
    lookupKey: params.lookup_key,
    metadata: params.metadata,
    taxBehavior: params.tax_behavior,
  });
  store.emit('price.created', price, request);
  return price;
}

/** `price.product` expanded to the Product object when asked. */
export function renderPrice(store: Store, price: Stripe.Price, expandProduct: boolean): Stripe.Price {
  if (!expandProduct || typeof price.product !== 'string') return price;
  return { ...price, product: getProduct(store, price.product) };
}

export function registerPriceRoutes(router: Router<ApiRequest>): void {
  router.add('POST', '/v1/prices', (request) => {
    const params = parseParams(createSchema, request.params);
    const expand = resolveExpand(params.expand, ['product']);
    const price = createPrice(request.store, params, { id: request.requestId, idempotencyKey: request.idempotencyKey });
    return renderPrice(request.store, price, expand.has('product'));
  });
  router.add('GET', '/v1/prices/:id', (request) => {
    const params = parseParams(z.strictObject({ expand: expandList() }), request.params);
    const expand = resolveExpand(params.expand, ['product']);
    return renderPrice(request.store, getPrice(request.store, request.pathParams.id ?? ''), expand.has('product'));
  });
  router.add('GET', '/v1/prices', (request) => {
    const params = parseParams(
      z.strictObject({
        ...paginationShape,
        active: bool().optional(),
        product: str().optional(),
        expand: expandList(),
      }),
      request.params,
    );
    const expand = resolveExpand(params.expand, ['product'], 'data.');
    const items = [...request.store.prices.values()]
      .filter((price) => price.active || params.active === false)
      .filter((price) => params.active === undefined || price.active === params.active)
      .filter((price) => params.product === undefined || price.product === params.product)
      .reverse()
      .map((price) => renderPrice(request.store, price, expand.has('product')));
    return paginate(items, params, '/v1/prices', 'price');
  });
}
