/** Loads what the discount engine needs to know from the database: redemption counts and the shopper's history. */
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import type { DiscountRules } from '@/lib/checkout/price';
import { loadCustomerContext } from '@/lib/customers/customer-context';
import { creditAvailableTo } from '@/lib/customers/store-credit';
import type { Db } from '@/lib/db/client';
import { discountRedemptions, discountUsage, orders } from '@/lib/db/schema';
import { type DiscountContext, type DiscountRule, demoRules, normalizeCode } from '@/lib/discounts';
import { heldByOthers } from '@/lib/holds';

/**
 * The rules and the shopper's context when the store and this checkout take discounts, else null. For a signed-in
 * customer's checkout also who they are (tier, segments, verified email) and the store credit it may use; a caller
 * applying that credit holds the customer's credit lock (`creditLock`).
 */
export async function loadDiscountRules(
  db: Db,
  deps: Pick<CheckoutDeps, 'settings' | 'discountRules' | 'now' | 'catalog'>,
  checkout: {
    sessionId: string | null;
    takesDiscounts: boolean;
    email: string | null;
    customerId: string | null;
    /** Only these codes (and the automatic promotions) will be evaluated: load only what their rules need. */
    codes?: ReadonlyArray<string>;
  },
): Promise<DiscountRules | null> {
  if (!deps.settings.serverSideDiscounts || !checkout.takesDiscounts) return null;
  const { customerId, sessionId } = checkout;
  const rules = deps.discountRules ?? demoRules;
  const [context, customer, storeCredit] = await Promise.all([
    loadDiscountContext(db, checkout.email, { now: deps.now, sessionId }, rulesEvaluated(rules, checkout.codes)),
    customerId ? loadCustomerContext(db, customerId, deps) : null,
    customerId ? creditAvailableTo(db, customerId, deps.now, sessionId) : null,
  ]);
  return { rules, context: { ...context, customer }, storeCredit };
}

/** The rules an evaluation of `codes` looks at: the automatic ones and those of the codes (all, without codes). */
function rulesEvaluated(rules: ReadonlyArray<DiscountRule>, codes: ReadonlyArray<string> | undefined): DiscountRule[] {
  if (!codes) return [...rules];
  const normalized = codes.map(normalizeCode);
  return rules.filter(
    (rule) => rule.kind === 'automatic' || (rule.code !== undefined && normalized.includes(rule.code)),
  );
}

/** The hold key of a per-email use (a rule's total uses are held under the rule id). */
export function perEmailHoldKey(ruleId: string, email: string): string {
  return `${ruleId}:${email}`;
}

/**
 * For the `evaluated` rules with limits: totals (redeemed, and held by other checkouts than `hold.sessionId`), and
 * per-email counts only for `email` (the current shopper's, normalised), so nothing about other shoppers is ever
 * loaded into an answer; first-order status only when an evaluated rule asks for it (else null, unknown). Nothing is
 * read when no evaluated rule needs it.
 */
export async function loadDiscountContext(
  db: Db,
  email: string | null,
  hold: { now: Date; sessionId: string | null },
  evaluated: ReadonlyArray<DiscountRule>,
): Promise<DiscountContext> {
  const limited = new Set(
    evaluated
      .filter((rule) => rule.limits.totalRedemptions !== undefined || rule.limits.perEmail !== undefined)
      .map((rule) => rule.id),
  );
  const needsFirstOrder = evaluated.some((rule) => rule.conditions.firstOrderOnly === true);
  const [usage, held, byEmail, previous] = await Promise.all([
    limited.size === 0
      ? []
      : db.select({ ruleId: discountUsage.ruleId, redeemed: discountUsage.redeemed }).from(discountUsage),
    limited.size === 0
      ? new Map<string, number>()
      : heldByOthers(db, 'code', null, hold.now, { sessionId: hold.sessionId }),
    email === null || limited.size === 0
      ? []
      : db
          .select({ ruleId: discountRedemptions.ruleId, used: count() })
          .from(discountRedemptions)
          .where(and(eq(discountRedemptions.email, email), isNull(discountRedemptions.releasedAt)))
          .groupBy(discountRedemptions.ruleId),
    email === null || !needsFirstOrder
      ? []
      : db
          .select({ orders: count() })
          .from(orders)
          .where(and(sql`lower(${orders.email}) = ${email}`)),
  ]);
  const totals = new Map(usage.map((row) => [row.ruleId, row.redeemed]));
  const perRule = new Map(byEmail.map((row) => [row.ruleId, row.used]));
  // Asked about a rule that was not evaluated (so not loaded): a bug, never a silent 0.
  const loaded = (ruleId: string) => {
    if (!limited.has(ruleId)) throw new Error(`the redemptions of ${ruleId} were not loaded`);
    return ruleId;
  };
  return {
    redemptions: {
      total: (ruleId) => totals.get(loaded(ruleId)) ?? 0,
      byEmail: (ruleId, asked) => (asked === email ? (perRule.get(loaded(ruleId)) ?? 0) : 0),
      held: (ruleId) => held.get(loaded(ruleId)) ?? 0,
      heldByEmail: (ruleId, asked) => (asked === email ? (held.get(perEmailHoldKey(loaded(ruleId), asked)) ?? 0) : 0),
    },
    email,
    isFirstOrder: email === null || !needsFirstOrder ? null : (previous[0]?.orders ?? 0) === 0,
  };
}
