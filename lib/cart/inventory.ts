import { inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { inventorySales } from '@/lib/db/schema';

/** Units sold per product id (0 when none). */
export async function soldCounts(db: Db, productIds: ReadonlyArray<string>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (productIds.length === 0) return counts;
  const rows = await db
    .select({ productId: inventorySales.productId, sold: inventorySales.sold })
    .from(inventorySales)
    .where(inArray(inventorySales.productId, [...productIds]));
  for (const row of rows) counts.set(row.productId, row.sold);
  return counts;
}

export async function soldCount(db: Db, productId: string): Promise<number> {
  return (await soldCounts(db, [productId])).get(productId) ?? 0;
}

/** Adds sold units (inside the fulfilment transaction). */
export async function recordSales(
  db: Db,
  sales: ReadonlyArray<{ productId: string; quantity: number }>,
): Promise<void> {
  for (const sale of sales) {
    await db
      .insert(inventorySales)
      .values({ productId: sale.productId, sold: sale.quantity })
      .onConflictDoUpdate({
        target: inventorySales.productId,
        set: { sold: sql`${inventorySales.sold} + ${sale.quantity}`, updatedAt: sql`now()` },
      });
  }
}
