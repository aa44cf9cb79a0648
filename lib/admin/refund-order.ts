/**
 * A merchant's refund from the console: checked against what is left to refund, made in Stripe (one refund per form
 * submission: its request key is the idempotency key), recorded from Stripe's answer (lib/orders/refunds.ts — or
 * already recorded by the webhook), and audited.
 */
import { and, eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { audited } from '@/lib/admin/audit';
import type { RefundForm } from '@/lib/admin/forms';
import type { Merchant } from '@/lib/admin/merchants';
import type { Db } from '@/lib/db/client';
import { adminAudit, orders } from '@/lib/db/schema';
import { formatMoney } from '@/lib/money';
import { REFUND_METADATA, recordRefund, refundedAmountOf, stripeRefundSchema } from '@/lib/orders/refunds';
import { toAppError } from '@/lib/stripe/errors';

export type RefundOutcome =
  | { ok: true; refundId: string; amount: number; status: string }
  | { ok: false; message: string; field: 'amount' | null };

type Deps = { db: Db; stripe: Stripe; now: Date };

async function orderState(db: Db, orderId: number) {
  const [order] = await db
    .select({
      id: orders.id,
      status: orders.status,
      amountTotal: orders.amountTotal,
      currency: orders.currency,
      paymentIntentId: orders.paymentIntentId,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  return order ? { ...order, refunded: await refundedAmountOf(db, orderId) } : null;
}

/** A form sent twice is one refund in Stripe (idempotency) and one line in the audit. */
async function alreadyAudited(db: Db, refundId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: adminAudit.id })
    .from(adminAudit)
    .where(and(eq(adminAudit.action, 'order.refund'), sql`${adminAudit.after}->>'refundId' = ${refundId}`));
  return row !== undefined;
}

function stripeRefusal(error: unknown): string | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  if (code === 'amount_too_large') return 'That is more than is left to refund in Stripe.';
  if (code === 'charge_already_refunded') return 'Stripe says this payment is already fully refunded.';
  return null;
}

export async function refundOrder(deps: Deps, merchant: Merchant, form: RefundForm): Promise<RefundOutcome> {
  const before = await orderState(deps.db, form.orderId);
  if (!before) return { ok: false, message: 'There is no such order.', field: null };
  if (!before.paymentIntentId) return { ok: false, message: 'Nothing was paid by card for this order.', field: null };
  const left = before.amountTotal - before.refunded;
  if (form.amount > left) {
    const most = formatMoney(Math.max(0, left), before.currency);
    return { ok: false, message: `At most ${most} is left to refund.`, field: 'amount' };
  }
  let created: Stripe.Refund;
  try {
    created = await deps.stripe.refunds.create(
      {
        payment_intent: before.paymentIntentId,
        amount: form.amount,
        reason: form.reason,
        metadata: {
          [REFUND_METADATA.orderId]: String(before.id),
          [REFUND_METADATA.restoreCredit]: String(form.restoreCredit),
          [REFUND_METADATA.releaseRedemptions]: String(form.releaseRedemptions),
          [REFUND_METADATA.requestedBy]: merchant.id,
          [REFUND_METADATA.note]: form.note,
        },
      },
      { idempotencyKey: `refund:${before.id}:${form.requestKey}` },
    );
  } catch (error) {
    const refused = stripeRefusal(error);
    if (refused) return { ok: false, message: refused, field: 'amount' };
    throw toAppError(error);
  }
  const refund = stripeRefundSchema.parse(created);
  await recordRefund(deps.db, refund, deps.now);
  const after = await orderState(deps.db, before.id);
  const outcome = {
    ok: true as const,
    refundId: refund.id,
    amount: refund.amount,
    status: refund.status ?? 'succeeded',
  };
  if (await alreadyAudited(deps.db, refund.id)) return outcome;
  await audited(deps.db, merchant, {
    action: 'order.refund',
    subject: `order:${before.id}`,
    before: { status: before.status, refunded: before.refunded },
    after: {
      status: after?.status,
      refunded: after?.refunded,
      refundId: refund.id,
      amount: refund.amount,
      reason: form.reason,
      note: form.note,
      restoreCredit: form.restoreCredit,
      releaseRedemptions: form.releaseRedemptions,
    },
  });
  return outcome;
}
