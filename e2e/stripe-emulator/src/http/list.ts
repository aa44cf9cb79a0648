import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidParam, resourceMissing } from './errors';
import { int, str } from './params';

export const paginationShape = {
  limit: int({ min: 1, max: 100 }).optional(),
  starting_after: str(200).optional(),
  ending_before: str(200).optional(),
};
export const paginationSchema = z.strictObject(paginationShape);
export type Pagination = z.output<typeof paginationSchema>;

/**
 * Stripe's list envelope over `items` given in list order (newest first for most resources, display order for
 * line items), honouring `limit`, `starting_after` and `ending_before`.
 */
export function paginate<T extends { id: string }>(
  items: T[],
  pagination: Pagination,
  url: string,
  objectName: string,
): Stripe.ApiList<T> {
  if (pagination.starting_after && pagination.ending_before) {
    throw invalidParam(
      'You may only specify one of these parameters: starting_after, ending_before.',
      'starting_after',
      'parameters_exclusive',
    );
  }
  const limit = pagination.limit ?? 10;
  const cursor = pagination.starting_after ?? pagination.ending_before;
  let start = 0;
  let end = items.length;
  if (cursor) {
    const index = items.findIndex((item) => item.id === cursor);
    if (index === -1)
      throw resourceMissing(objectName, cursor, pagination.starting_after ? 'starting_after' : 'ending_before');
    if (pagination.starting_after) start = index + 1;
    else end = index;
  }
  const window = pagination.ending_before
    ? items.slice(Math.max(start, end - limit), end)
    : items.slice(start, start + limit);
  const hasMore = pagination.ending_before ? end - limit > start : start + limit < end;
  return { object: 'list', data: window, has_more: hasMore, url };
}

/**
 * Stripe's `created` list filter: an exact unix timestamp (`created=…`) or a range (`created[gt|gte|lt|lte]=…`),
 * every bound inclusive or exclusive as named, all given bounds applying together.
 */
export const createdFilter = () =>
  z.union([
    int({ min: 0 }),
    z.strictObject({
      gt: int({ min: 0 }).optional(),
      gte: int({ min: 0 }).optional(),
      lt: int({ min: 0 }).optional(),
      lte: int({ min: 0 }).optional(),
    }),
  ]);
export type CreatedFilter = z.output<ReturnType<typeof createdFilter>>;

export function matchesCreated(created: number, filter: CreatedFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'number') return created === filter;
  return (
    (filter.gt === undefined || created > filter.gt) &&
    (filter.gte === undefined || created >= filter.gte) &&
    (filter.lt === undefined || created < filter.lt) &&
    (filter.lte === undefined || created <= filter.lte)
  );
}
