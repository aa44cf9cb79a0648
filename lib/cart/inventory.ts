import { inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { inventorySales } from '@/lib/db/schema';
import { heldByOthers } from '@/lib/holds';

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

/**
 * Units of each product that are not for this shopper: sold, plus held by other shoppers' open checkouts (all holds
 * when `shopperId` is null). What is left of the catalog stock is what the shopper may still take.
 */
export async function unavailableUnits(
  db: Db,
  productIds: ReadonlyArray<string>,
  now: Date,
  shopperId: string | null,
): Promise<Map<string, number>> {
  const [sold, held] = await Promise.all([
    soldCounts(db, productIds),
    heldByOthers(db, 'stock', productIds, now, { shopperId }),
  ]);
  for (const [productId, units] of held) sold.set(productId, (sold.get(productId) ?? 0) + units);
  return sold;
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
