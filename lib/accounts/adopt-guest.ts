import { and, eq, inArray } from 'drizzle-orm';
import { unavailableUnits } from '@/lib/cart/inventory';
import { maxQuantityFor } from '@/lib/cart/rules';
import { lockCart, readCartLines, writeQuantity } from '@/lib/cart/service';
import type { Catalog } from '@/lib/catalog/schema';
import type { Db } from '@/lib/db/client';
import { checkouts, holds, users } from '@/lib/db/schema';
import { isShopperId, newShopperId } from '@/lib/shopper';

/**
 * Brings what a browser did as a guest into the account that just signed in there, and answers the account's shopper
 * id (the `sf_shopper` value the browser carries from now on):
 * - The account's first sign-in makes the guest's cart the account's cart (same shopper id).
 * - Later, the guest cart's lines are added to the account's cart — quantities added, capped by the cart's own rules
 *   (per-order limit, stock left) — and the guest cart is emptied, so signing in again adds nothing twice.
 * - The guest's OPEN checkouts (and what they hold) move to the account, so a shopper who signs in mid-checkout comes
 *   back to the same checkout, now the customer's.
 * A cookie that is another account's shopper id (signed in elsewhere, no sign-out) is not a guest's: nothing moves.
 * Serialised per account by a lock on its row.
 */
export async function adoptGuest(
  db: Db,
  input: { customerId: string; guestShopperId: string | null; catalog: Catalog; now: Date },
): Promise<string> {
  const { customerId, catalog, now } = input;
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ shopperId: users.shopperId })
      .from(users)
      .where(eq(users.id, customerId))
      .for('update');
    if (!account) throw new Error(`no account ${customerId} to sign in to`);
    const guest = await guestShopperOf(tx, input.guestShopperId);
    const accountShopperId = account.shopperId ?? guest ?? newShopperId();
    if (!account.shopperId) {
      await tx.update(users).set({ shopperId: accountShopperId }).where(eq(users.id, customerId));
    }
    if (guest) await moveOpenCheckouts(tx, guest, accountShopperId, customerId);
    if (guest && guest !== accountShopperId) await mergeCarts(tx, guest, accountShopperId, catalog, now);
    return accountShopperId;
  });
}

/** The cookie's shopper id if it is a guest's: one we issued, and no account's. */
async function guestShopperOf(tx: Db, shopperId: string | null): Promise<string | null> {
  if (!shopperId || !isShopperId(shopperId)) return null;
  const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.shopperId, shopperId));
  return owner ? null : shopperId;
}

async function moveOpenCheckouts(tx: Db, from: string, to: string, customerId: string): Promise<void> {
  const moved = await tx
    .update(checkouts)
    .set({ shopperId: to, customerId })
    .where(and(eq(checkouts.shopperId, from), eq(checkouts.status, 'open')))
    .returning({ id: checkouts.stripeSessionId });
  if (moved.length === 0) return;
  await tx
    .update(holds)
    .set({ shopperId: to })
    .where(
      inArray(
        holds.checkoutSessionId,
        moved.map((row) => row.id),
      ),
    );
}

async function mergeCarts(tx: Db, from: string, to: string, catalog: Catalog, now: Date): Promise<void> {
  const guestLines = await readCartLines(tx, from, catalog);
  if (guestLines.length === 0) return;
  // Both carts are locked in one order (by id), so two merges can never wait on each other.
  for (const shopperId of [from, to].sort()) await lockCart(tx, shopperId);
  const accountLines = new Map((await readCartLines(tx, to, catalog)).map((line) => [line.productId, line.quantity]));
  const unavailable = await unavailableUnits(
    tx,
    guestLines.map((line) => line.productId),
    now,
    to,
  );
  for (const line of guestLines) {
    const product = catalog.products.find((p) => p.id === line.productId);
    if (!product) continue;
    const wanted = (accountLines.get(line.productId) ?? 0) + line.quantity;
    const capped = Math.min(wanted, maxQuantityFor(product, unavailable.get(product.id) ?? 0));
    // Never below what the account's cart already holds: a merge only adds.
    const quantity = Math.max(capped, accountLines.get(line.productId) ?? 0);
    if (quantity > 0) await writeQuantity(tx, to, product.id, quantity);
    await writeQuantity(tx, from, product.id, 0);
  }
}
