/** Read-only: each discount rule with its recorded uses, the uses open checkouts hold now, and over-redeemed orders. */
import { asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { discountRedemptions, discountUsage, orders } from '@/lib/db/schema';
import { demoRules } from '@/lib/discounts';
import { heldByOthers } from '@/lib/holds';

export async function promotionsOverview(db: Db, now: Date) {
  const [usage, counted, held, over] = await Promise.all([
    db.select().from(discountUsage),
    db
      .select({
        ruleId: discountRedemptions.ruleId,
        uses: count(),
        amount: sql<number>`sum(${discountRedemptions.amount})::int`,
      })
      .from(discountRedemptions)
      .where(isNull(discountRedemptions.releasedAt))
      .groupBy(discountRedemptions.ruleId),
    heldByOthers(db, 'code', null, now),
    db
      .select({
        orderId: discountRedemptions.orderId,
        ruleId: discountRedemptions.ruleId,
        code: discountRedemptions.code,
        reason: discountRedemptions.overRedeemedReason,
        email: orders.email,
        createdAt: orders.createdAt,
      })
      .from(discountRedemptions)
      .innerJoin(orders, eq(orders.id, discountRedemptions.orderId))
      .where(eq(discountRedemptions.overRedeemed, true))
      .orderBy(desc(orders.createdAt), asc(discountRedemptions.ruleId))
      .limit(200),
  ]);
  const rules = demoRules.map((rule) => ({
    id: rule.id,
    code: rule.kind === 'code' ? rule.code : null,
    label: rule.label,
    limit: rule.limits.totalRedemptions ?? null,
    redeemed: usage.find((row) => row.ruleId === rule.id)?.redeemed ?? 0,
    recorded: counted.find((row) => row.ruleId === rule.id)?.uses ?? 0,
    given: counted.find((row) => row.ruleId === rule.id)?.amount ?? 0,
    held: held.get(rule.id) ?? 0,
  }));
  return { rules, overRedeemed: over };
}
