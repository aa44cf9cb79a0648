/** Keeps the shopper's cart equal to the checkout's items after a quantity change, so the store shows the same. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { cartItems, carts } from '@/lib/db/schema';

/** Sets one cart line (0 deletes it), inside the caller's transaction, which already holds the cart lock. */
export async function syncCartQuantity(
  tx: Db,
  change: { shopperId: string; productId: string; quantity: number },
): Promise<void> {
  const { shopperId, productId, quantity } = change;
  await tx.insert(carts).values({ shopperId }).onConflictDoNothing();
  if (quantity <= 0) {
    await tx.delete(cartItems).where(and(eq(cartItems.shopperId, shopperId), eq(cartItems.productId, productId)));
  } else {
    await tx
      .insert(cartItems)
      .values({ shopperId, productId, quantity })
      .onConflictDoUpdate({ target: [cartItems.shopperId, cartItems.productId], set: { quantity } });
  }
  await tx.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.shopperId, shopperId));
}
