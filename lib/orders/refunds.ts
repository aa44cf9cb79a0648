/**
 * Refunds, recorded from Stripe's refund objects — whoever hears of one first (the console's own call, or the
 * `charge.refunded` webhook, which re-reads the PaymentIntent's refunds from Stripe) records it; the other finds the
 * row by the refund's id and changes nothing. The merchant's choices travel in the refund's metadata, so either path
 * applies them exactly once, in the transaction that inserts the row, under the order's row lock.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { z } from 'zod';
import { creditLock, grantCredit } from '@/lib/customers/store-credit';
import type { Db } from '@/lib/db/client';
import { discountRedemptions, discountUsage, orders, refunds, storeCreditEntries } from '@/lib/db/schema';
import { lockScarce } from '@/lib/holds';
import { callStripe } from '@/lib/stripe/errors';

export const REFUNDED = 'refunded';
export const PARTIALLY_REFUNDED = 'partially_refunded';
/** Refund statuses that take money back (a failed or canceled refund gave nothing back). */
export const COUNTING_REFUND_STATUSES = ['succeeded', 'pending'];

/** Metadata the console puts on its refunds (Stripe keeps it; both recording paths read it from there). */
export const REFUND_METADATA = {
  orderId: 'order_id',
  restoreCredit: 'restore_credit',
  releaseRedemptions: 'release_redemptions',
  requestedBy: 'requested_by',
  note: 'note',
} as const;

export const stripeRefundSchema = z.object({
  id: z.string(),
  amount: z.number().int().positive(),
  currency: z.string(),
  status: z.string().nullish(),
  reason: z.string().nullish(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});
export type StripeRefund = z.infer<typeof stripeRefundSchema>;

export type RecordedRefund = { orderId: number; refundId: string; created: boolean };

const intentIdOf = (refund: StripeRefund) =>
  typeof refund.payment_intent === 'string' ? refund.payment_intent : (refund.payment_intent?.id ?? null);

/** What has been refunded of the order so far (counting refunds only), in its currency's minor units. */
export async function refundedAmountOf(db: Db, orderId: number): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${refunds.amount}), 0)::int` })
    .from(refunds)
    .where(and(eq(refunds.orderId, orderId), inArray(refunds.status, COUNTING_REFUND_STATUSES)));
  return row?.total ?? 0;
}

/** Gives back the store credit the order spent, as a new grant — once per order, however many refunds ask. */
async function restoreCredit(
  tx: Db,
  order: { id: number; customerId: string | null; currency: string },
  by: string,
  at: Date,
): Promise<number> {
  if (!order.customerId) return 0;
  await lockScarce(tx, [creditLock(order.customerId)]);
  const [[debit], [restored]] = await Promise.all([
    tx
      .select({ amount: storeCreditEntries.amount })
      .from(storeCreditEntries)
      .where(and(eq(storeCreditEntries.orderId, order.id), eq(storeCreditEntries.kind, 'debit'))),
    tx
      .select({ total: sql<number>`coalesce(sum(${refunds.creditRestored}), 0)::int` })
      .from(refunds)
      .where(eq(refunds.orderId, order.id)),
  ]);
  const amount = (debit?.amount ?? 0) - (restored?.total ?? 0);
  if (amount <= 0) return 0;
  await grantCredit(tx, {
    customerId: order.customerId,
    amount,
    currency: order.currency,
    reason: `Refund of order #${order.id}`,
    expiresAt: null,
    createdBy: by,
    at,
  });
  return amount;
}

/** Releases the order's discount uses that still count: each rule's use counts again (its usage row decremented). */
async function releaseRedemptions(tx: Db, orderId: number, at: Date): Promise<number> {
  const held = await tx
    .select({ id: discountRedemptions.id, ruleId: discountRedemptions.ruleId })
    .from(discountRedemptions)
    .where(and(eq(discountRedemptions.orderId, orderId), isNull(discountRedemptions.releasedAt)));
  await lockScarce(
    tx,
    held.map((row) => ({ kind: 'code' as const, key: row.ruleId })),
  );
  for (const row of held) {
    await tx.update(discountRedemptions).set({ releasedAt: at }).where(eq(discountRedemptions.id, row.id));
    await tx
      .update(discountUsage)
      .set({ redeemed: sql`greatest(0, ${discountUsage.redeemed} - 1)`, updatedAt: at })
      .where(eq(discountUsage.ruleId, row.ruleId));
  }
  return held.length;
}

async function settleOrderStatus(tx: Db, order: { id: number; status: string; amountTotal: number }): Promise<void> {
  const refunded = await refundedAmountOf(tx, order.id);
  const status = refunded <= 0 ? order.status : refunded >= order.amountTotal ? REFUNDED : PARTIALLY_REFUNDED;
  if (status !== order.status) await tx.update(orders).set({ status }).where(eq(orders.id, order.id));
}

/**
 * Records one of Stripe's refunds for the order paid with its PaymentIntent, exactly once (unique refund id, under the
 * order's row lock), applying the console's choices from its metadata; a refund seen again only has its status
 * brought up to date. Null when no order was paid with that PaymentIntent.
 */
export async function recordRefund(db: Db, refund: StripeRefund, at: Date): Promise<RecordedRefund | null> {
  const intentId = intentIdOf(refund);
  if (!intentId) return null;
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select({
        id: orders.id,
        status: orders.status,
        amountTotal: orders.amountTotal,
        customerId: orders.customerId,
        currency: orders.currency,
      })
      .from(orders)
      .where(eq(orders.paymentIntentId, intentId))
      .for('update');
    if (!order) return null;
    const status = refund.status ?? 'succeeded';
    const [existing] = await tx
      .select({ id: refunds.id, status: refunds.status })
      .from(refunds)
      .where(eq(refunds.stripeRefundId, refund.id));
    if (existing) {
      if (existing.status !== status) {
        await tx.update(refunds).set({ status }).where(eq(refunds.id, existing.id));
        await settleOrderStatus(tx, order);
      }
      return { orderId: order.id, refundId: refund.id, created: false };
    }
    const metadata = refund.metadata ?? {};
    const by = metadata[REFUND_METADATA.requestedBy] ?? 'stripe';
    const counts = COUNTING_REFUND_STATUSES.includes(status);
    const creditRestored =
      counts && metadata[REFUND_METADATA.restoreCredit] === 'true' ? await restoreCredit(tx, order, by, at) : 0;
    const redemptionsReleased =
      counts && metadata[REFUND_METADATA.releaseRedemptions] === 'true'
        ? await releaseRedemptions(tx, order.id, at)
        : 0;
    await tx.insert(refunds).values({
      stripeRefundId: refund.id,
      orderId: order.id,
      amount: refund.amount,
      currency: refund.currency,
      status,
      reason: metadata[REFUND_METADATA.note] || refund.reason || null,
      creditRestored,
      redemptionsReleased,
      createdBy: by,
      createdAt: at,
    });
    await settleOrderStatus(tx, order);
    return { orderId: order.id, refundId: refund.id, created: true };
  });
}

/**
 * Reads every refund of the PaymentIntent from Stripe and records those not yet recorded (`charge.refunded` and
 * `refund.*` webhooks): duplicate, late and out-of-order events converge on Stripe's list.
 */
export async function syncRefundsOf(
  db: Db,
  stripe: Stripe,
  paymentIntentId: string,
  at: Date,
): Promise<RecordedRefund[]> {
  const listed = await callStripe(() =>
    stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 }).autoPagingToArray({ limit: 1000 }),
  );
  const recorded: RecordedRefund[] = [];
  for (const item of listed.reverse()) {
    const result = await recordRefund(db, stripeRefundSchema.parse(item), at);
    if (result) recorded.push(result);
  }
  return recorded;
}
