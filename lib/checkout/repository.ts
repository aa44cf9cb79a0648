import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { checkouts } from '@/lib/db/schema';
import type { LeaseRelease } from '@/lib/leases';
import type { CheckoutSelections } from '@/lib/pricing/types';

export type CheckoutRow = typeof checkouts.$inferSelect;

/** Locks the checkout row until the transaction ends (`SELECT … FOR UPDATE`); null when there is none. */
export async function lockCheckout(tx: Db, sessionId: string): Promise<CheckoutRow | null> {
  const [row] = await tx.select().from(checkouts).where(eq(checkouts.stripeSessionId, sessionId)).for('update');
  return row ?? null;
}

export async function findCheckout(db: Db, sessionId: string): Promise<CheckoutRow | null> {
  const [row] = await db.select().from(checkouts).where(eq(checkouts.stripeSessionId, sessionId));
  return row ?? null;
}

/** The shopper's newest open checkout that stays open for at least `minRemainingMs` more. */
export async function findResumableCheckout(
  db: Db,
  shopperId: string,
  now: Date,
  minRemainingMs: number,
): Promise<CheckoutRow | null> {
  const [row] = await db
    .select()
    .from(checkouts)
    .where(
      and(
        eq(checkouts.shopperId, shopperId),
        eq(checkouts.status, 'open'),
        gt(checkouts.expiresAt, new Date(now.getTime() + minRemainingMs)),
      ),
    )
    .orderBy(desc(checkouts.createdAt))
    .limit(1);
  return row ?? null;
}

export async function insertCheckout(
  tx: Db,
  row: {
    stripeSessionId: string;
    shopperId: string;
    expiresAt: Date;
    selections: CheckoutSelections;
    quote: CheckoutRow['quote'];
    clientSecret: string;
    serverDiscounts: boolean;
    automaticTax: boolean;
    /** The signed-in customer starting it; null for a guest. */
    customerId: string | null;
  },
): Promise<void> {
  await tx.insert(checkouts).values({ ...row, status: 'open', version: 1 });
}

export type CheckoutUpdate = Pick<CheckoutRow, 'selections' | 'quote' | 'email' | 'serverDiscounts'>;

/**
 * Saves an update of an open checkout (the version goes up by one); null when it is no longer open, or when
 * `releasing` (a lease released in the same statement) released nothing.
 */
export async function saveCheckout(
  tx: Db,
  sessionId: string,
  update: CheckoutUpdate,
  releasing?: LeaseRelease,
): Promise<CheckoutRow | null> {
  const [row] = await (releasing ? tx.with(releasing) : tx)
    .update(checkouts)
    .set({ ...update, version: sql`${checkouts.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(checkouts.stripeSessionId, sessionId),
        eq(checkouts.status, 'open'),
        releasing ? sql`exists (select 1 from ${releasing})` : undefined,
      ),
    )
    .returning();
  return row ?? null;
}

/** Marks a checkout closed. A complete checkout never goes back to open or expired. */
export async function markCheckoutStatus(
  db: Db,
  sessionId: string,
  status: 'complete' | 'expired',
  paymentStatus?: string,
): Promise<void> {
  const set = { status, updatedAt: sql`now()`, ...(paymentStatus ? { paymentStatus } : {}) };
  await db
    .update(checkouts)
    .set(set)
    .where(
      status === 'complete'
        ? eq(checkouts.stripeSessionId, sessionId)
        : and(eq(checkouts.stripeSessionId, sessionId), eq(checkouts.status, 'open')),
    );
}

export async function markPaymentStatus(db: Db, sessionId: string, paymentStatus: string): Promise<void> {
  await db
    .update(checkouts)
    .set({ paymentStatus, updatedAt: sql`now()` })
    .where(eq(checkouts.stripeSessionId, sessionId));
}

/** The shopper's newest checkout, whatever its status; null when they never started one. */
export async function findLatestCheckout(tx: Db, shopperId: string): Promise<CheckoutRow | null> {
  const [row] = await tx
    .select()
    .from(checkouts)
    .where(eq(checkouts.shopperId, shopperId))
    .orderBy(desc(checkouts.createdAt))
    .limit(1);
  return row ?? null;
}
