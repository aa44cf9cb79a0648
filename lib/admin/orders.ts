/** The merchant's view of orders: the filtered list (page by page, or all of it for the export) and one order in full. */
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { OrderFilters } from '@/lib/admin/order-filters';
import { ruleLabelsOf } from '@/lib/admin/rule-labels';
import { containsPattern } from '@/lib/admin/search';
import type { Db } from '@/lib/db/client';
import { discountRedemptions, orderLines, orders, refunds, storeCreditEntries, users } from '@/lib/db/schema';
import { COUNTING_REFUND_STATUSES, refundedAmountOf } from '@/lib/orders/refunds';

export const ORDERS_PAGE_SIZE = 25;
const EXPORT_LIMIT = 10_000;

/** The outer query's order id, qualified (Drizzle writes a column of the query's own table unqualified). */
const ORDER_ID = sql.raw('"orders"."id"');

const nextDay = (day: string) => new Date(new Date(`${day}T00:00:00Z`).getTime() + 24 * 60 * 60 * 1000);

function whereOf(filters: OrderFilters): SQL | undefined {
  const conditions: Array<SQL | undefined> = [];
  if (filters.q) {
    const number = /^#?(\d{1,9})$/.exec(filters.q)?.[1];
    conditions.push(
      or(
        number ? eq(orders.id, Number(number)) : undefined,
        ilike(orders.email, containsPattern(filters.q)),
        eq(orders.stripeSessionId, filters.q),
        eq(orders.paymentIntentId, filters.q),
      ),
    );
  }
  if (filters.status) conditions.push(eq(orders.status, filters.status));
  if (filters.from) conditions.push(gte(orders.createdAt, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) conditions.push(lt(orders.createdAt, nextDay(filters.to)));
  if (filters.code) {
    conditions.push(
      sql`exists (select 1 from ${discountRedemptions} where ${discountRedemptions.orderId} = ${ORDER_ID} and upper(${discountRedemptions.code}) = ${filters.code})`,
    );
  }
  if (filters.overRedeemed) {
    conditions.push(
      sql`exists (select 1 from ${discountRedemptions} where ${discountRedemptions.orderId} = ${ORDER_ID} and ${discountRedemptions.overRedeemed})`,
    );
  }
  if (filters.flagged) conditions.push(eq(orders.recordMismatch, true));
  return and(...conditions);
}

const refundedSql = sql<number>`(select coalesce(sum(${refunds.amount}), 0) from ${refunds} where ${refunds.orderId} = ${ORDER_ID} and ${inArray(refunds.status, COUNTING_REFUND_STATUSES)})::int`;
const codesSql = sql<
  string | null
>`(select string_agg(coalesce(${discountRedemptions.code}, ${discountRedemptions.ruleId}), ' ' order by ${discountRedemptions.ruleId}) from ${discountRedemptions} where ${discountRedemptions.orderId} = ${ORDER_ID})`;
const overRedeemedSql = sql<boolean>`exists (select 1 from ${discountRedemptions} where ${discountRedemptions.orderId} = ${ORDER_ID} and ${discountRedemptions.overRedeemed})`;

const listColumns = {
  id: orders.id,
  createdAt: orders.createdAt,
  email: orders.email,
  status: orders.status,
  currency: orders.currency,
  amountTotal: orders.amountTotal,
  amountDiscount: orders.amountDiscount,
  amountTax: orders.amountTax,
  refunded: refundedSql,
  codes: codesSql,
  overRedeemed: overRedeemedSql,
  recordMismatch: orders.recordMismatch,
};

export type OrderRow = {
  id: number;
  createdAt: Date;
  email: string | null;
  status: string;
  currency: string;
  amountTotal: number;
  amountDiscount: number;
  amountTax: number;
  refunded: number;
  codes: string | null;
  overRedeemed: boolean;
  recordMismatch: boolean;
};

export async function listOrders(
  db: Db,
  filters: OrderFilters,
): Promise<{ rows: OrderRow[]; total: number; page: number; pages: number }> {
  const where = whereOf(filters);
  const [[counted], rows] = await Promise.all([
    db.select({ n: count() }).from(orders).where(where),
    db
      .select(listColumns)
      .from(orders)
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(ORDERS_PAGE_SIZE)
      .offset((filters.page - 1) * ORDERS_PAGE_SIZE),
  ]);
  const total = counted?.n ?? 0;
  return { rows, total, page: filters.page, pages: Math.max(1, Math.ceil(total / ORDERS_PAGE_SIZE)) };
}

/** Every order the filters match (newest first, at most 10 000), for the CSV export. */
export async function exportOrders(db: Db, filters: OrderFilters): Promise<OrderRow[]> {
  return db
    .select(listColumns)
    .from(orders)
    .where(whereOf(filters))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(EXPORT_LIMIT);
}

/** One order as the merchant sees it: lines, add-ons, shipping, tax, discounts, credit, Stripe ids, refunds. */
export async function orderDetail(db: Db, orderId: number) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return null;
  const [lines, redemptions, credit, refundRows, customer, refunded, ruleLabel] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position)),
    db
      .select()
      .from(discountRedemptions)
      .where(eq(discountRedemptions.orderId, orderId))
      .orderBy(asc(discountRedemptions.ruleId)),
    db
      .select({ amount: storeCreditEntries.amount })
      .from(storeCreditEntries)
      .where(and(eq(storeCreditEntries.orderId, orderId), eq(storeCreditEntries.kind, 'debit'))),
    db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.createdAt), asc(refunds.id)),
    order.customerId
      ? db
          .select({ id: users.id, email: users.email, name: users.name })
          .from(users)
          .where(eq(users.id, order.customerId))
      : [],
    refundedAmountOf(db, orderId),
    ruleLabelsOf(db),
  ]);
  return {
    order,
    items: lines.filter((line) => line.addOnKey === null),
    addOns: lines.filter((line) => line.addOnKey !== null),
    discounts: redemptions.map((row) => ({ ...row, label: ruleLabel(row.ruleId) })),
    creditUsed: credit[0]?.amount ?? 0,
    refunds: refundRows,
    refunded,
    refundable: Math.max(0, order.amountTotal - refunded),
    customer: customer[0] ?? null,
  };
}
export type OrderDetail = NonNullable<Awaited<ReturnType<typeof orderDetail>>>;
