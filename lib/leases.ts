/**
 * Leases serialise work on one thing (a checkout, a shopper starting checkout) across requests and server instances
 * without holding a pooled database connection while the work waits — for Stripe, or for the holder before it. A
 * lease is a row taken and released in two tiny statements; waiters in the same instance queue in memory, waiters
 * elsewhere poll with backoff, and nobody waits longer than a bound: then the answer is a retryable 409.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { UPDATE_IN_PROGRESS } from '@/lib/checkout/contract';
import type { Db } from '@/lib/db/client';
import { leases } from '@/lib/db/schema';
import { AppError } from '@/lib/http/app-error';

/** Longer than the longest piece of work under a lease: two Stripe calls of at most 8 s each, plus one retry. */
const LEASE_MS = 40_000;
const DEFAULT_WAIT_MS = 10_000;

export type Lease = { readonly key: string; readonly token: string; released: boolean };

export function updateInProgress(): AppError {
  return new AppError(409, UPDATE_IN_PROGRESS, 'Another change to this checkout is still being saved. Try again.', {
    retryable: true,
  });
}

/** Runs `work` while holding the lease on `key`, waiting at most `waitMs` for it; throws 409 `update_in_progress`. */
export async function withLease<T>(
  db: Db,
  key: string,
  work: (lease: Lease) => Promise<T>,
  options: { waitMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  return inLocalQueue(key, deadline, async () => {
    const lease: Lease = { key, token: randomUUID(), released: false };
    await acquire(db, lease, deadline);
    try {
      return await work(lease);
    } finally {
      if (!lease.released)
        await db
          .delete(leases)
          .where(and(eq(leases.key, key), eq(leases.token, lease.token)))
          .catch((error: unknown) => console.error(`[lease] could not release ${key}; it lapses by itself`, error));
    }
  });
}

/**
 * In the transaction that saves the work done under `lease`: throws unless the lease is still held, and releases it
 * when that transaction commits (the caller then sets `lease.released`, so `withLease` does not release it again).
 */
export async function releaseLeaseOnCommit(tx: Db, lease: Lease): Promise<void> {
  const released = await tx.delete(leases).where(stillHeld(lease)).returning({ key: leases.key });
  if (released.length === 0) throw leaseLapsed(lease);
}

/**
 * The release of `lease` (while still held) as a CTE, for a statement that saves the work done under it in the same
 * round trip and writes only when this released something (`exists (select 1 from …)`).
 */
export function leaseRelease(db: Db, lease: Lease) {
  return db.$with('released_lease').as(db.delete(leases).where(stillHeld(lease)).returning({ key: leases.key }));
}

export type LeaseRelease = ReturnType<typeof leaseRelease>;

/** The lease ran out (or was taken over) before its work was saved: the retryable 409, logged. */
export function leaseLapsed(lease: Lease): AppError {
  console.error(`[lease] ${lease.key} lapsed before its work was saved`);
  return updateInProgress();
}

function stillHeld(lease: Lease) {
  return and(eq(leases.key, lease.key), eq(leases.token, lease.token), gt(leases.expiresAt, sql`now()`));
}

async function acquire(db: Db, lease: Lease, deadline: number): Promise<void> {
  const expiresAt = sql`now() + ${LEASE_MS} * interval '1 millisecond'`;
  for (let attempt = 0; ; attempt++) {
    const taken = await db
      .insert(leases)
      .values({ key: lease.key, token: lease.token, expiresAt })
      .onConflictDoUpdate({
        target: leases.key,
        set: { token: lease.token, expiresAt },
        // Only a lapsed lease (its holder crashed) is taken over.
        setWhere: sql`${leases.expiresAt} <= now()`,
      })
      .returning({ token: leases.token });
    if (taken.length > 0) return;
    const pause = Math.min(200, 10 * 2 ** attempt) * (0.5 + Math.random() / 2);
    if (Date.now() + pause > deadline) throw updateInProgress();
    await sleep(pause);
  }
}

/** Per-key FIFO within this instance: a waiter here waits in memory, not by polling the database. */
const tails = new Map<string, Promise<void>>();

async function inLocalQueue<T>(key: string, deadline: number, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release = () => {};
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  try {
    if (!(await settlesBefore(previous, deadline))) throw updateInProgress();
    return await work();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}

async function settlesBefore(promise: Promise<void>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
