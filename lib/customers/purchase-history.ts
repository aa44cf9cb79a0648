/** A customer's purchase history from their paid orders in our database (what tiers and segments are computed from). */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { PAID_ORDER_STATUSES } from '@/lib/accounts/saved-addresses';
import type { Catalog } from '@/lib/catalog/schema';
import type { PurchaseHistory } from '@/lib/customers/segments';
import type { Db } from '@/lib/db/client';
import { orderLines, orders, refunds } from '@/lib/db/schema';
import { COUNTING_REFUND_STATUSES } from '@/lib/orders/refunds';

export async function purchaseHistoryOf(db: Db, customerId: string, catalog: Catalog): Promise<PurchaseHistory> {
  const paidOrders = and(eq(orders.customerId, customerId), inArray(orders.status, [...PAID_ORDER_STATUSES]));
  const refunded = sql`(select coalesce(sum(${refunds.amount}), 0) from ${refunds} where ${refunds.orderId} = ${sql.raw('"orders"."id"')} and ${inArray(refunds.status, COUNTING_REFUND_STATUSES)})`;
  const spent = sql`(${orders.amountTotal} - case when ${orders.taxBehavior} = 'exclusive' then ${orders.amountTax} else 0 end)`;
  const [[summary], products] = await Promise.all([
    db
      .select({
        orderCount: sql<number>`count(*)::int`,
        // What Stripe charged, less any tax it added on top (VAT inside the prices stays: it is the price paid), less
        // what was refunded (its share of that tax too: a refund gives back the order's mix of price and tax).
        lifetimeSpend: sql<number>`coalesce(sum(floor(${spent} * greatest(0, ${orders.amountTotal} - ${refunded})::numeric / nullif(${orders.amountTotal}, 0))), 0)::int`,
        lastOrderAt: sql<Date | null>`max(${orders.createdAt})`,
      })
      .from(orders)
      .where(paidOrders),
    db
      .selectDistinct({ productId: orderLines.productId })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(paidOrders),
  ]);
  const categoryIds = products.flatMap(({ productId }) => {
    const categoryId = catalog.products.find((product) => product.id === productId)?.categoryId;
    return categoryId ? [categoryId] : [];
  });
  const last = summary?.lastOrderAt ?? null;
  return {
    orderCount: summary?.orderCount ?? 0,
    lifetimeSpend: summary?.lifetimeSpend ?? 0,
    lastOrderAt: last === null ? null : new Date(last),
    categoryIds: [...new Set(categoryIds)],
  };
}
