/**
 * Reports for a date range (UTC days, both included): sales (orders placed, gross charged, refunds made in the range,
 * net), the discounts given by rule (from the redemptions recorded at fulfilment) and the tax collected by jurisdiction
 * (from each order's Stripe Tax breakdown).
 */
import { and, count, gte, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { taxByJurisdiction } from '@/lib/admin/report-maths';
import { ruleLabelsOf } from '@/lib/admin/rule-labels';
import type { Db } from '@/lib/db/client';
import { discountRedemptions, orders, refunds } from '@/lib/db/schema';
import { COUNTING_REFUND_STATUSES } from '@/lib/orders/refunds';

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export type ReportRange = { from: string; to: string };

/** The range asked for, else the last 30 days to `now`; a range given backwards is turned round. */
export function reportRangeOf(params: Record<string, string | string[] | undefined>, now: Date): ReportRange {
  const day = z.iso.date().catch('');
  const from = day.parse(params.from) || isoDay(new Date(now.getTime() - 29 * DAY_MS));
  const to = day.parse(params.to) || isoDay(now);
  return from <= to ? { from, to } : { from: to, to: from };
}

export async function salesReport(db: Db, range: ReportRange) {
  const start = new Date(`${range.from}T00:00:00Z`);
  const end = new Date(new Date(`${range.to}T00:00:00Z`).getTime() + DAY_MS);
  const inRange = and(gte(orders.createdAt, start), lt(orders.createdAt, end));
  const [[sales], [refunded], byRule, breakdowns, ruleLabel] = await Promise.all([
    db
      .select({
        orders: count(),
        gross: sql<number>`coalesce(sum(${orders.amountTotal}), 0)::int`,
        tax: sql<number>`coalesce(sum(${orders.amountTax}), 0)::int`,
      })
      .from(orders)
      .where(inRange),
    db
      .select({ amount: sql<number>`coalesce(sum(${refunds.amount}), 0)::int`, count: count() })
      .from(refunds)
      .where(
        and(
          gte(refunds.createdAt, start),
          lt(refunds.createdAt, end),
          inArray(refunds.status, COUNTING_REFUND_STATUSES),
        ),
      ),
    db
      .select({
        ruleId: discountRedemptions.ruleId,
        code: discountRedemptions.code,
        uses: count(),
        amount: sql<number>`sum(${discountRedemptions.amount})::int`,
        overRedeemed: sql<number>`count(*) filter (where ${discountRedemptions.overRedeemed})::int`,
        released: sql<number>`count(*) filter (where ${discountRedemptions.releasedAt} is not null)::int`,
      })
      .from(discountRedemptions)
      .innerJoin(orders, sql`${orders.id} = ${discountRedemptions.orderId}`)
      .where(inRange)
      .groupBy(discountRedemptions.ruleId, discountRedemptions.code)
      .orderBy(sql`sum(${discountRedemptions.amount}) desc`),
    db.select({ breakdown: orders.taxBreakdown }).from(orders).where(inRange),
    ruleLabelsOf(db),
  ]);
  const gross = sales?.gross ?? 0;
  const refundTotal = refunded?.amount ?? 0;
  return {
    range,
    sales: {
      orders: sales?.orders ?? 0,
      gross,
      refunds: refundTotal,
      refundCount: refunded?.count ?? 0,
      net: gross - refundTotal,
    },
    discounts: byRule.map((row) => ({
      ...row,
      label: ruleLabel(row.ruleId),
    })),
    tax: { total: sales?.tax ?? 0, byJurisdiction: taxByJurisdiction(breakdowns.map((row) => row.breakdown)) },
  };
}
export type SalesReport = Awaited<ReturnType<typeof salesReport>>;
