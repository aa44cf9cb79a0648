/**
 * Records the discount rules an order used, exactly once per (order, rule), at fulfilment. Limits are enforced again
 * here under a lock on the rule's usage row (`SELECT … FOR UPDATE`), so two orders racing for the last use are
 * serialised: the first counts normally, the second is still fulfilled at the price paid but flagged
 * (`over_redeemed`, with the reason) and logged for the merchant. Per-email limits are checked against Stripe's
 * `customer_details.email`; customer-specific codes (`conditions.customerEmails`, e.g. VIP20) against the verified
 * email of the order's signed-in customer.
 */
import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { discountRedemptions, discountUsage, orders } from '@/lib/db/schema';
import { type DiscountRule, normalizeEmail } from '@/lib/discounts';

export type RedemptionInput = {
  orderId: number;
  sessionId: string;
  /** Stripe's `customer_details.email` (or `customer_email`). */
  email: string | null;
  /** The verified email of the customer account the order belongs to (null: a guest, or not verified). */
  customerEmail: string | null;
  /** The rules Stripe applied (from its coupons' metadata) and their amounts. */
  applied: ReadonlyArray<{ ruleId: string; amount: number }>;
  rules: ReadonlyArray<DiscountRule>;
};

async function lockUsage(tx: Db, ruleId: string): Promise<number> {
  await tx.insert(discountUsage).values({ ruleId, redeemed: 0 }).onConflictDoNothing();
  const [usage] = await tx
    .select({ redeemed: discountUsage.redeemed })
    .from(discountUsage)
    .where(eq(discountUsage.ruleId, ruleId))
    .for('update');
  return usage?.redeemed ?? 0;
}

async function overLimitReason(
  tx: Db,
  rule: DiscountRule | undefined,
  redeemed: number,
  input: RedemptionInput,
  email: string | null,
): Promise<string | null> {
  if (!rule) return null;
  const { customerEmails } = rule.conditions;
  const customerEmail = input.customerEmail ? normalizeEmail(input.customerEmail) : null;
  if (customerEmails && (customerEmail === null || !customerEmails.includes(customerEmail))) {
    return `the code is for particular customers and the order's signed-in customer (${customerEmail ?? 'none verified'}) is not one of them`;
  }
  const { totalRedemptions, perEmail } = rule.limits;
  if (totalRedemptions !== undefined && redeemed >= totalRedemptions) return `total limit ${totalRedemptions} reached`;
  if (email === null) return perEmail !== undefined || rule.conditions.firstOrderOnly ? 'no email to check' : null;
  if (perEmail !== undefined) {
    const [used] = await tx
      .select({ n: count() })
      .from(discountRedemptions)
      .where(
        and(
          eq(discountRedemptions.ruleId, rule.id),
          eq(discountRedemptions.email, email),
          isNull(discountRedemptions.releasedAt),
        ),
      );
    if ((used?.n ?? 0) >= perEmail) return `per-email limit ${perEmail} reached`;
  }
  if (rule.conditions.firstOrderOnly) {
    const [earlier] = await tx
      .select({ n: count() })
      .from(orders)
      .where(and(sql`lower(${orders.email}) = ${email}`, ne(orders.id, input.orderId)));
    if ((earlier?.n ?? 0) > 0) return 'not a first order';
  }
  return null;
}

/** Inside the fulfilment transaction that inserted the order. Rules are locked in id order (no deadlocks). */
export async function recordRedemptions(tx: Db, input: RedemptionInput): Promise<void> {
  const email = input.email ? normalizeEmail(input.email) : null;
  const applied = [...input.applied].filter((a) => a.amount > 0).sort((a, b) => a.ruleId.localeCompare(b.ruleId));
  for (const { ruleId, amount } of applied) {
    const rule = input.rules.find((r) => r.id === ruleId);
    const redeemed = await lockUsage(tx, ruleId);
    const over = await overLimitReason(tx, rule, redeemed, input, email);
    const [inserted] = await tx
      .insert(discountRedemptions)
      .values({
        orderId: input.orderId,
        ruleId,
        code: rule?.code ?? null,
        email,
        amount,
        overRedeemed: over !== null,
        overRedeemedReason: over,
      })
      .onConflictDoNothing({ target: [discountRedemptions.orderId, discountRedemptions.ruleId] })
      .returning({ id: discountRedemptions.id });
    if (!inserted) continue;
    await tx
      .update(discountUsage)
      .set({ redeemed: sql`${discountUsage.redeemed} + 1`, updatedAt: sql`now()` })
      .where(eq(discountUsage.ruleId, ruleId));
    if (over !== null) {
      console.warn(
        `[discounts] over-redemption: order ${input.orderId} (${input.sessionId}) used ${rule?.code ?? ruleId} although ${over}; fulfilled at the price paid, flagged for review.`,
      );
    }
  }
}
