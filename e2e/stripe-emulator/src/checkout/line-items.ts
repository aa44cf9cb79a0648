import type Stripe from 'stripe';
import { invalidParam, missingParam } from '../http/errors';
import { newId } from '../ids';
import { createInlinePrice, getPrice } from '../resources/prices';
import type { Store } from '../store';
import type { LineItemParams } from './params';
import type { LineItemRecord } from './record';

const DEFAULT_MAXIMUM = 99;

function resolvePrice(store: Store, item: LineItemParams, param: string): Stripe.Price {
  if (item.price !== undefined && item.price_data !== undefined) {
    throw invalidParam(
      'You may only specify one of these parameters: price, price_data.',
      `${param}[price]`,
      'parameters_exclusive',
    );
  }
  if (item.price_data) return createInlinePrice(store, item.price_data, `${param}[price_data]`);
  if (item.price === undefined) throw missingParam(`${param}[price]`);
  const price = getPrice(store, item.price, `${param}[price]`);
  if (!price.active) {
    throw invalidParam('The price specified is inactive. This field only accepts active prices.', `${param}[price]`);
  }
  if (price.type !== 'one_time') {
    throw invalidParam('The price specified is recurring; the emulator only supports mode=payment.', `${param}[price]`);
  }
  return price;
}

function resolveAdjustable(
  params: LineItemParams['adjustable_quantity'],
  param: string,
): Stripe.LineItem.AdjustableQuantity | null {
  if (!params) return null;
  const minimum = params.minimum ?? 0;
  const maximum = params.maximum ?? DEFAULT_MAXIMUM;
  if (minimum > maximum) {
    throw invalidParam(
      `${param}[adjustable_quantity][minimum] must be less than or equal to ${param}[adjustable_quantity][maximum].`,
      `${param}[adjustable_quantity][minimum]`,
    );
  }
  return { enabled: params.enabled, minimum, maximum };
}

function checkQuantity(quantity: number, adjustable: Stripe.LineItem.AdjustableQuantity | null, param: string): void {
  if (adjustable?.enabled) {
    const minimum = adjustable.minimum ?? 0;
    const maximum = adjustable.maximum ?? DEFAULT_MAXIMUM;
    if (quantity < minimum || quantity > maximum) {
      throw invalidParam(
        `Quantity ${quantity} is outside the adjustable range: ${param}[quantity] must be between ${minimum} and ${maximum}.`,
        `${param}[quantity]`,
      );
    }
    return;
  }
  if (quantity < 1)
    throw invalidParam(`Invalid ${param}[quantity]: must be greater than or equal to 1`, `${param}[quantity]`);
}

function newLine(store: Store, item: LineItemParams, param: string): LineItemRecord {
  if (item.quantity === undefined) throw missingParam(`${param}[quantity]`);
  const price = resolvePrice(store, item, param);
  const adjustableQuantity = resolveAdjustable(item.adjustable_quantity, param);
  checkQuantity(item.quantity, adjustableQuantity, param);
  return {
    id: newId.lineItem(),
    priceId: price.id,
    quantity: item.quantity,
    adjustableQuantity,
    metadata: item.metadata ?? {},
  };
}

function changedLine(store: Store, existing: LineItemRecord, item: LineItemParams, param: string): LineItemRecord {
  const priceId =
    item.price !== undefined || item.price_data !== undefined ? resolvePrice(store, item, param).id : existing.priceId;
  const adjustableQuantity =
    item.adjustable_quantity !== undefined
      ? resolveAdjustable(item.adjustable_quantity, param)
      : existing.adjustableQuantity;
  const quantity = item.quantity ?? existing.quantity;
  checkQuantity(quantity, adjustableQuantity, param);
  return { ...existing, priceId, quantity, adjustableQuantity, metadata: item.metadata ?? existing.metadata };
}

/** All line items must share one currency; returns it. */
export function checkCurrency(
  store: Store,
  lines: LineItemRecord[],
  params: LineItemParams[],
  expected?: string,
): string {
  let currency = expected;
  lines.forEach((line, index) => {
    const price = getPrice(store, line.priceId);
    if (currency === undefined) currency = price.currency;
    if (price.currency !== currency) {
      const item = params[index];
      const param = item?.price_data ? `line_items[${index}][price_data][currency]` : `line_items[${index}][price]`;
      throw invalidParam(
        `All line items must use the same currency: line_items[${index}] is in ${price.currency}, the session is in ${currency}.`,
        param,
      );
    }
  });
  if (currency === undefined) throw missingParam('line_items');
  return currency;
}

/** Line items of a new session, in display order. */
export function createLineItems(store: Store, items: LineItemParams[]): LineItemRecord[] {
  return items.map((item, index) => {
    if (item.id !== undefined)
      throw invalidParam(
        `Received unknown parameter: line_items[${index}][id]`,
        `line_items[${index}][id]`,
        'parameter_unknown',
      );
    return newLine(store, item, `line_items[${index}]`);
  });
}

/**
 * Stripe's replace semantics for `line_items` on update: `{id}` keeps an item, `{id, …}` changes it, an item
 * without `id` is added, any current item left out is removed, and the array order is the display order.
 */
export function replaceLineItems(store: Store, current: LineItemRecord[], items: LineItemParams[]): LineItemRecord[] {
  const seen = new Set<string>();
  return items.map((item, index) => {
    const param = `line_items[${index}]`;
    if (item.id === undefined) return newLine(store, item, param);
    if (seen.has(item.id))
      throw invalidParam(`Line item ${item.id} appears more than once in line_items.`, `${param}[id]`);
    seen.add(item.id);
    const existing = current.find((line) => line.id === item.id);
    if (!existing) throw invalidParam(`No such line item: '${item.id}'`, `${param}[id]`, 'resource_missing');
    return changedLine(store, existing, item, param);
  });
}
