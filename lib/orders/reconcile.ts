/**
 * The reconcile sweep (`GET /api/cron/reconcile`, run by Vercel Cron): the safety net under webhooks and the return
 * page. Bounded work per run:
 *
 * 1. Stripe's complete sessions created in the window (`created[gte]`, auto-paginated, at most `maxSessions`) that
 *    have no order are fulfilled — through the same idempotent `fulfillCheckout` as the webhook and the return page.
 * 2. Our open checkouts that Stripe expired — the ones Stripe lists as expired in the window, and ours already past
 *    `expires_at` (oldest first, at most `maxOverdue`) — are re-read from Stripe: expired closes the record and
 *    releases its holds, paid fulfils, still open is left alone.
 * 3. Expired holds are purged.
 *
 * A failure on one session is logged and counted (`failed`) and the sweep goes on; the next run retries it.
 */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { checkouts, orders } from '@/lib/db/schema';
import type { DiscountRule } from '@/lib/discounts';
import { purgeExpiredHolds } from '@/lib/holds';
import { fulfillCheckout } from '@/lib/orders/fulfil';
import { callStripe } from '@/lib/stripe/errors';

export type ReconcileOptions = {
  /** How far back Stripe's sessions are listed. Default 72 h: longer than Stripe's 3-day webhook retry schedule. */
  windowSeconds?: number;
  /** At most this many sessions listed per status (complete, expired). */
  maxSessions?: number;
  /** At most this many of our overdue open checkouts re-read. */
  maxOverdue?: number;
  discountRules?: ReadonlyArray<DiscountRule>;
};

export type ReconcileResult = {
  fulfilled: number;
  expired: number;
  purged: number;
  /** Sessions looked at (listed from Stripe, plus our overdue checkouts). */
  checked: number;
  failed: number;
  /** The list window's start (ISO time). */
  since: string;
};

export const RECONCILE_DEFAULTS = { windowSeconds: 72 * 3600, maxSessions: 500, maxOverdue: 100 } as const;

async function listSessions(
  stripe: Stripe,
  status: 'complete' | 'expired',
  since: number,
  max: number,
): Promise<Stripe.Checkout.Session[]> {
  return callStripe(async () => {
    const sessions: Stripe.Checkout.Session[] = [];
    for await (const session of stripe.checkout.sessions.list({ status, created: { gte: since }, limit: 100 })) {
      sessions.push(session);
      if (sessions.length >= max) break;
    }
    return sessions;
  });
}

async function withOrders(db: Db, sessionIds: ReadonlyArray<string>): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows = await db
    .select({ id: orders.stripeSessionId })
    .from(orders)
    .where(inArray(orders.stripeSessionId, [...sessionIds]));
  return new Set(rows.map((row) => row.id));
}

async function openRecords(db: Db, sessionIds: ReadonlyArray<string>): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows = await db
    .select({ id: checkouts.stripeSessionId })
    .from(checkouts)
    .where(and(inArray(checkouts.stripeSessionId, [...sessionIds]), eq(checkouts.status, 'open')));
  return new Set(rows.map((row) => row.id));
}

export async function reconcile(input: {
  db: Db;
  stripe: Stripe;
  now: Date;
  options?: ReconcileOptions;
}): Promise<ReconcileResult> {
  const { db, stripe, now } = input;
  const options = { ...RECONCILE_DEFAULTS, ...input.options };
  const since = Math.floor(now.getTime() / 1000) - options.windowSeconds;
  const result: ReconcileResult = {
    fulfilled: 0,
    expired: 0,
    purged: 0,
    checked: 0,
    failed: 0,
    since: new Date(since * 1000).toISOString(),
  };

  const settle = async (sessionId: string): Promise<void> => {
    result.checked += 1;
    try {
      const outcome = await fulfillCheckout({ db, stripe, sessionId, discountRules: options.discountRules });
      if (outcome.state === 'fulfilled' && outcome.created) result.fulfilled += 1;
      if (outcome.state === 'unpaid' && outcome.sessionStatus === 'expired') result.expired += 1;
    } catch (error) {
      result.failed += 1;
      console.error(`[reconcile] ${sessionId}: could not settle it; the next run retries`, error);
    }
  };

  // 1. Paid at Stripe, no order here.
  const complete = await listSessions(stripe, 'complete', since, options.maxSessions);
  const paid = complete.filter((session) => session.payment_status !== 'unpaid');
  const ordered = await withOrders(
    db,
    paid.map((session) => session.id),
  );
  for (const session of paid) if (!ordered.has(session.id)) await settle(session.id);

  // 2. Expired at Stripe, open here: those Stripe lists, then ours past their expiry.
  const expiredAtStripe = await listSessions(stripe, 'expired', since, options.maxSessions);
  const stillOpen = await openRecords(
    db,
    expiredAtStripe.map((session) => session.id),
  );
  const seen = new Set<string>();
  for (const session of expiredAtStripe) {
    if (!stillOpen.has(session.id)) continue;
    seen.add(session.id);
    await settle(session.id);
  }
  const overdue = await db
    .select({ id: checkouts.stripeSessionId })
    .from(checkouts)
    .where(and(eq(checkouts.status, 'open'), lte(checkouts.expiresAt, now)))
    .orderBy(asc(checkouts.expiresAt))
    .limit(options.maxOverdue);
  for (const { id } of overdue) if (!seen.has(id)) await settle(id);

  // 3. Holds past their expiry count for nothing already; delete them.
  result.purged = await purgeExpiredHolds(db, now);
  return result;
}
