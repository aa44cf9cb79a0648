import { asc, eq } from 'drizzle-orm';
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
  if (!order) return null;
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
