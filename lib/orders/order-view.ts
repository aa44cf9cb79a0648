import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { orderLines, orders } from '@/lib/db/schema';
import type { ShippingAddress } from '@/lib/pricing/types';

export type OrderLineView = {
  name: string;
  quantity: number;
  unitAmount: number;
  /** quantity × unit price, before discounts: the lines add up to `amountSubtotal`. */
  amount: number;
  /** After its share of the discount, as Stripe charged it. */
  amountTotal: number;
  productId: string | null;
};

/** An order as Stripe charged it (amounts in minor units of `currency`). */
export type OrderView = {
  id: number;
  sessionId: string;
  status: string;
  currency: string;
  amountSubtotal: number;
  amountDiscount: number;
  amountShipping: number;
  amountTax: number;
  /** `exclusive`: the tax was added to the total; `inclusive`: it is the VAT inside the prices; null: no Stripe Tax. */
  taxBehavior: 'exclusive' | 'inclusive' | null;
  amountTotal: number;
  email: string | null;
  shippingAddress: ShippingAddress | null;
  /** The shipping method Stripe had selected when the shopper paid (store method id and Stripe's display name). */
  shippingMethodId: string | null;
  shippingMethodName: string | null;
  lines: OrderLineView[];
  createdAt: string;
};

export async function findOrderBySession(db: Db, sessionId: string): Promise<OrderView | null> {
  const [order] = await db.select().from(orders).where(eq(orders.stripeSessionId, sessionId));
  return order ? orderViewOf(db, order) : null;
}

/** One of the customer's own orders by number; null for another customer's or a guest's. */
export async function findCustomerOrder(db: Db, customerId: string, orderId: number): Promise<OrderView | null> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.customerId, customerId)));
  return order ? orderViewOf(db, order) : null;
}

export type OrderSummary = {
  id: number;
  createdAt: Date;
  amountTotal: number;
  currency: string;
  itemCount: number;
};

/** The customer's paid orders, newest first (order history). */
export async function customerOrderSummaries(
  db: Db,
  customerId: string,
  paidStatuses: ReadonlyArray<string>,
): Promise<OrderSummary[]> {
  return db
    .select({
      id: orders.id,
      createdAt: orders.createdAt,
      amountTotal: orders.amountTotal,
      currency: orders.currency,
      // The outer order's id, qualified: inside the subquery a bare "id" would be the line's own.
      itemCount: sql<number>`coalesce((select sum(${orderLines.quantity}) from ${orderLines} where ${orderLines.orderId} = "orders"."id" and ${orderLines.productId} is not null), 0)::int`,
    })
    .from(orders)
    .where(and(eq(orders.customerId, customerId), inArray(orders.status, [...paidStatuses])))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(100);
}

async function orderViewOf(db: Db, order: typeof orders.$inferSelect): Promise<OrderView> {
  const lines = await db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.position));
  return {
    id: order.id,
    sessionId: order.stripeSessionId,
    status: order.status,
    currency: order.currency,
    amountSubtotal: order.amountSubtotal,
    amountDiscount: order.amountDiscount,
    amountShipping: order.amountShipping,
    amountTax: order.amountTax,
    taxBehavior: order.taxBehavior,
    amountTotal: order.amountTotal,
    email: order.email,
    shippingAddress: order.shippingAddress,
    shippingMethodId: order.shippingMethodId,
    shippingMethodName: order.shippingMethodName,
    lines: lines.map((line) => ({
      name: line.name,
      quantity: line.quantity,
      unitAmount: line.unitAmount,
      amount: line.unitAmount * line.quantity,
      amountTotal: line.amountTotal,
      productId: line.productId,
    })),
    createdAt: order.createdAt.toISOString(),
  };
}
