/**
 * Customer segments, computed from the customer's paid orders (never from what a request claims). Segments feed
 * discount rules (`conditions.segments`), e.g. "welcome back" for lapsed customers. Pure.
 */
import { z } from 'zod';

/** What the store knows of a customer's purchases: their paid orders in our database. */
export type PurchaseHistory = {
  orderCount: number;
  /** Sum of what Stripe charged for the paid orders, before tax, in minor units. */
  lifetimeSpend: number;
  lastOrderAt: Date | null;
  /** Categories of the products they bought. */
  categoryIds: ReadonlyArray<string>;
};

export const NO_PURCHASES: PurchaseHistory = { orderCount: 0, lifetimeSpend: 0, lastOrderAt: null, categoryIds: [] };

export const LAPSED_AFTER_DAYS = 90;
/** Lifetime spend from which a customer is a big spender ($1,000). */
export const BIG_SPENDER_FROM = 100_000;

/**
 * `first-order`: no paid order yet; `returning`: at least one; `lapsed`: none in the last 90 days (but some before);
 * `big-spender`: $1,000 or more in all; `bought:<category id>`: bought something in that category.
 */
export const segmentSchema = z.union([
  z.enum(['first-order', 'returning', 'lapsed', 'big-spender']),
  z.string().regex(/^bought:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'bought:<category id>'),
]);
export type Segment = z.infer<typeof segmentSchema>;

export function segmentsOf(history: PurchaseHistory, now: Date): Segment[] {
  if (history.orderCount === 0) return ['first-order'];
  const segments: Segment[] = ['returning'];
  const lapsedBefore = now.getTime() - LAPSED_AFTER_DAYS * 24 * 60 * 60 * 1000;
  if (history.lastOrderAt !== null && history.lastOrderAt.getTime() < lapsedBefore) segments.push('lapsed');
  if (history.lifetimeSpend >= BIG_SPENDER_FROM) segments.push('big-spender');
  for (const categoryId of [...new Set(history.categoryIds)].sort()) segments.push(`bought:${categoryId}`);
  return segments;
}
