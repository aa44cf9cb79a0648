/**
 * Holds: scarce things a checkout has taken (units of stock, uses of a limited code) count against everyone else from
 * the moment it takes them until it is paid, changes them or expires. Checkouts taking the same things are serialised
 * by transaction-scoped advisory locks, always taken in key order (after the checkout row's lock), so two shoppers
 * racing for the last unit or the last use cannot both get it.
 */
import { and, eq, gt, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { checkouts, type HoldKind, holds } from '@/lib/db/schema';

export type HeldThing = { kind: HoldKind; key: string };

/** Waits for every other transaction holding one of these things, then keeps them locked until this one ends. */
export async function lockScarce(tx: Db, things: ReadonlyArray<HeldThing>): Promise<void> {
  const names = [...new Set(things.map((thing) => `${thing.kind}:${thing.key}`))].sort();
  for (const name of names) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
}

/**
 * How much of each key the active holds (unexpired, of open checkouts) of other checkouts take: all but `except`'s (a checkout, or a shopper's
 * checkouts). `keys` null: every key of the kind.
 */
export async function heldByOthers(
  db: Db,
  kind: HoldKind,
  keys: ReadonlyArray<string> | null,
  now: Date,
  except: { sessionId?: string | null; shopperId?: string | null } = {},
): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  if (keys !== null && keys.length === 0) return held;
  const rows = await db
    .select({ key: holds.key, quantity: sql<number>`sum(${holds.quantity})::int` })
    .from(holds)
    .innerJoin(checkouts, eq(checkouts.stripeSessionId, holds.checkoutSessionId))
    .where(
      and(
        eq(holds.kind, kind),
        eq(checkouts.status, 'open'),
        keys === null ? undefined : inArray(holds.key, [...keys]),
        gt(holds.expiresAt, now),
        except.sessionId ? ne(holds.checkoutSessionId, except.sessionId) : undefined,
        except.shopperId ? ne(holds.shopperId, except.shopperId) : undefined,
      ),
    )
    .groupBy(holds.key);
  for (const row of rows) held.set(row.key, row.quantity);
  return held;
}

/** Makes the checkout's holds of `kind` exactly `wanted` (a quantity of 0 or a missing key releases). */
export async function setHolds(
  tx: Db,
  checkout: { stripeSessionId: string; shopperId: string; expiresAt: Date },
  kind: HoldKind,
  wanted: ReadonlyArray<{ key: string; quantity: number }>,
): Promise<void> {
  const kept = wanted.filter((hold) => hold.quantity > 0);
  await tx.delete(holds).where(
    and(
      eq(holds.checkoutSessionId, checkout.stripeSessionId),
      eq(holds.kind, kind),
      kept.length > 0
        ? sql`${holds.key} not in (${sql.join(
            kept.map((hold) => sql`${hold.key}`),
            sql`, `,
          )})`
        : undefined,
    ),
  );
  for (const hold of kept) {
    await tx
      .insert(holds)
      .values({
        checkoutSessionId: checkout.stripeSessionId,
        shopperId: checkout.shopperId,
        kind,
        key: hold.key,
        quantity: hold.quantity,
        expiresAt: checkout.expiresAt,
      })
      .onConflictDoUpdate({
        target: [holds.checkoutSessionId, holds.kind, holds.key],
        set: { quantity: hold.quantity, expiresAt: checkout.expiresAt },
      });
  }
}

/** Releases every hold of a checkout (it was paid — the holds became sales and redemptions — or it expired). */
export async function releaseCheckoutHolds(tx: Db, sessionId: string): Promise<void> {
  await tx.delete(holds).where(eq(holds.checkoutSessionId, sessionId));
}

/** Releases the holds of a shopper's other checkouts (a newer checkout of theirs replaces them). */
export async function releaseShopperHolds(tx: Db, shopperId: string, keepSessionId: string): Promise<void> {
  await tx.delete(holds).where(and(eq(holds.shopperId, shopperId), ne(holds.checkoutSessionId, keepSessionId)));
}

/** Deletes holds past their expiry (they already count for nothing); answers how many. */
export async function purgeExpiredHolds(db: Db, now: Date): Promise<number> {
  const deleted = await db.delete(holds).where(lte(holds.expiresAt, now)).returning({ key: holds.key });
  return deleted.length;
}
