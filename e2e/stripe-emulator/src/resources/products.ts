import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidRequest, resourceMissing } from '../http/errors';
import { resolveExpand } from '../http/expand';
import { paginate, paginationShape } from '../http/list';
import { bool, expandList, list, metadata, parseParams, str } from '../http/params';
import type { ApiRequest, Router } from '../http/router';
import { newId } from '../ids';
import type { RequestRef, Store } from '../store';

export const productDataSchema = z.strictObject({
  name: str(250),
  description: str(40000).optional(),
  images: list(str(2048), 8).optional(),
  metadata: metadata().optional(),
  tax_code: str().optional(),
  unit_label: str(12).optional(),
});
export type ProductData = z.output<typeof productDataSchema>;

const createSchema = productDataSchema.extend({
  id: str(200).optional(),
  active: bool().optional(),
  shippable: bool().optional(),
  url: str(2048).optional(),
  expand: expandList(),
});

export function createProduct(
  store: Store,
  data: ProductData & { id?: string; active?: boolean; shippable?: boolean; url?: string },
  request: RequestRef | null,
): Stripe.Product {
  const id = data.id ?? newId.product();
  if (store.products.has(id)) {
    throw invalidRequest(`Product already exists.`, { code: 'resource_already_exists', param: 'id' });
  }
  const now = store.clock.now();
  const product: Stripe.Product = {
    id,
    object: 'product',
    active: data.active ?? true,
    created: now,
    default_price: null,
    description: data.description ?? null,
    images: data.images ?? [],
    livemode: false,
    marketing_features: [],
    metadata: data.metadata ?? {},
    name: data.name,
    package_dimensions: null,
    shippable: data.shippable ?? null,
    statement_descriptor: null,
    tax_code: data.tax_code ?? null,
    tax_details: null,
    type: 'service',
    unit_label: data.unit_label ?? null,
    updated: now,
    url: data.url ?? null,
  };
  store.products.set(id, product);
  if (request) store.emit('product.created', product, request);
  return product;
}

export function getProduct(store: Store, id: string, param = 'id'): Stripe.Product {
  const product = store.products.get(id);
  if (!product) throw resourceMissing('product', id, param);
  return product;
}

export function registerProductRoutes(router: Router<ApiRequest>): void {
  router.add('POST', '/v1/products', (request) => {
    const { expand, ...params } = parseParams(createSchema, request.params);
    resolveExpand(expand, []);
    return createProduct(request.store, params, { id: request.requestId, idempotencyKey: request.idempotencyKey });
  });
  router.add('GET', '/v1/products/:id', (request) => {
    const params = parseParams(z.strictObject({ expand: expandList() }), request.params);
    resolveExpand(params.expand, []);
    return getProduct(request.store, request.pathParams.id ?? '');
  });
  router.add('GET', '/v1/products', (request) => {
    const params = parseParams(
      z.strictObject({ ...paginationShape, active: bool().optional(), expand: expandList() }),
      request.params,
    );
    resolveExpand(params.expand, [], 'data.');
    const items = [...request.store.products.values()]
      .filter((product) => params.active === undefined || product.active === params.active)
      .reverse();
    return paginate(items, params, '/v1/products', 'product');
  });
}
