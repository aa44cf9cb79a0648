/**
 * Each stored discount rule (disabled ones too) with its recorded uses, the uses open checkouts hold now, and the
 * over-redeemed orders.
 */
import { asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { discountRedemptions, discountUsage, orders } from '@/lib/db/schema';
import type { DiscountRuleInput } from '@/lib/discounts/schema';
import { heldByOthers } from '@/lib/holds';
import { listStoredRules } from '@/lib/store-data/load';

export async function promotionsOverview(db: Db, now: Date) {
  const [storedRules, usage, counted, held, over] = await Promise.all([
    listStoredRules(db),
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
  const rules = storedRules.map((stored) => {
    const rule = stored.rule as DiscountRuleInput;
    return {
      id: stored.id,
      code: stored.code,
      label: rule.label,
      active: stored.active,
      rule,
      limit: rule.limits?.totalRedemptions ?? null,
      redeemed: usage.find((row) => row.ruleId === stored.id)?.redeemed ?? 0,
      recorded: counted.find((row) => row.ruleId === stored.id)?.uses ?? 0,
      given: counted.find((row) => row.ruleId === stored.id)?.amount ?? 0,
      held: held.get(stored.id) ?? 0,
    };
  });
  return { rules, overRedeemed: over };
}
