/** Loads what the discount engine needs to know from the database: redemption counts and the shopper's history. */
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import type { DiscountRules } from '@/lib/checkout/price';
import { loadCustomerContext } from '@/lib/customers/customer-context';
import { creditAvailableTo } from '@/lib/customers/store-credit';
import type { Db } from '@/lib/db/client';
import { discountRedemptions, discountUsage, orders } from '@/lib/db/schema';
import { type DiscountContext, demoRules } from '@/lib/discounts';
import { heldByOthers } from '@/lib/holds';

/**
 * The rules and the shopper's context when the store and this checkout take discounts, else null. For a signed-in
 * customer's checkout also who they are (tier, segments, verified email) and the store credit it may use; a caller
 * applying that credit holds the customer's credit lock (`creditLock`).
 */
export async function loadDiscountRules(
  db: Db,
  deps: Pick<CheckoutDeps, 'settings' | 'discountRules' | 'now' | 'catalog'>,
  checkout: { sessionId: string | null; takesDiscounts: boolean; email: string | null; customerId: string | null },
): Promise<DiscountRules | null> {
  if (!deps.settings.serverSideDiscounts || !checkout.takesDiscounts) return null;
  const { customerId, sessionId } = checkout;
  const [context, customer, storeCredit] = await Promise.all([
    loadDiscountContext(db, checkout.email, { now: deps.now, sessionId }),
    customerId ? loadCustomerContext(db, customerId, deps) : null,
    customerId ? creditAvailableTo(db, customerId, deps.now, sessionId) : null,
  ]);
  return { rules: deps.discountRules ?? demoRules, context: { ...context, customer }, storeCredit };
}

/** The hold key of a per-email use (a rule's total uses are held under the rule id). */
export function perEmailHoldKey(ruleId: string, email: string): string {
  return `${ruleId}:${email}`;
}

/**
 * Totals for every rule (redeemed, and held by other checkouts than `hold.sessionId`), and per-email counts and
 * first-order status only for `email` (the current shopper's, normalised), so nothing about other shoppers is ever
 * loaded into an answer.
 */
export async function loadDiscountContext(
  db: Db,
  email: string | null,
  hold: { now: Date; sessionId: string | null },
): Promise<DiscountContext> {
  const [usage, held, byEmail, previous] = await Promise.all([
    db.select({ ruleId: discountUsage.ruleId, redeemed: discountUsage.redeemed }).from(discountUsage),
    heldByOthers(db, 'code', null, hold.now, { sessionId: hold.sessionId }),
    email === null
      ? []
      : db
          .select({ ruleId: discountRedemptions.ruleId, used: count() })
          .from(discountRedemptions)
          .where(and(eq(discountRedemptions.email, email), isNull(discountRedemptions.releasedAt)))
          .groupBy(discountRedemptions.ruleId),
    email === null
      ? []
      : db
          .select({ orders: count() })
          .from(orders)
          .where(and(sql`lower(${orders.email}) = ${email}`)),
  ]);
  const totals = new Map(usage.map((row) => [row.ruleId, row.redeemed]));
  const heldCounts = {
    held: (ruleId: string) => held.get(ruleId) ?? 0,
    heldByEmail: (ruleId: string, asked: string) =>
      asked === email ? (held.get(perEmailHoldKey(ruleId, asked)) ?? 0) : 0,
  };
  if (email === null) {
    return {
      redemptions: { total: (ruleId) => totals.get(ruleId) ?? 0, byEmail: () => 0, ...heldCounts },
      email: null,
      isFirstOrder: null,
    };
  }
  const perRule = new Map(byEmail.map((row) => [row.ruleId, row.used]));
  return {
    redemptions: {
      total: (ruleId) => totals.get(ruleId) ?? 0,
      byEmail: (ruleId, asked) => (asked === email ? (perRule.get(ruleId) ?? 0) : 0),
      ...heldCounts,
    },
    email,
    isFirstOrder: (previous[0]?.orders ?? 0) === 0,
  };
}
