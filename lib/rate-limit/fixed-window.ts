/**
 * Fixed-window rate limits stored in Postgres/PGlite (never in memory: serverless instances share nothing else).
 * One row per (key, window start); each attempt increments it atomically and is refused once the count exceeds the
 * limit. Rows of earlier windows of the same key are deleted as new ones start; rows of keys that never come back (a
 * checkout abandoned, an address seen once) are purged by `purgeExpiredRateLimits` — on a small fraction of hits, and
 * from any periodic sweep that calls it.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { rateLimitCounters } from '@/lib/db/schema';

export type RateLimit = { key: string; limit: number; windowSeconds: number };

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The longest window a rule may use. The table stores no window length, so a row is known to be over once its window
 * started this long ago; `hitRateLimit` refuses longer rules rather than let the purge delete a live window.
 */
export const MAX_RATE_LIMIT_WINDOW_SECONDS = 60 * 60;

/** Share of hits that also purge expired rows (one in fifty: a cheap DELETE, amortised). */
export const PURGE_PROBABILITY = 0.02;

export type HitOptions = {
  /** Uniform [0, 1) source deciding whether this hit also purges (tests pass their own). */
  random?: () => number;
};

/**
 * Deletes every counter whose window is over (started at least `MAX_RATE_LIMIT_WINDOW_SECONDS` before `now`) and
 * answers how many. Safe to call at any time and from anywhere, e.g. a cron sweep (`GET /api/cron/reconcile`).
 */
export async function purgeExpiredRateLimits(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - MAX_RATE_LIMIT_WINDOW_SECONDS * 1000);
  const deleted = await db
    .delete(rateLimitCounters)
    .where(lt(rateLimitCounters.windowStart, cutoff))
    .returning({ key: rateLimitCounters.key });
  return deleted.length;
}

export function windowStartOf(now: Date, windowSeconds: number): Date {
  const windowMs = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Counts one attempt against `limit` and says whether it is allowed (and, if not, when the window ends). */
export async function hitRateLimit(db: Db, rule: RateLimit, now: Date): Promise<RateLimitOutcome> {
  if (rule.windowSeconds > MAX_RATE_LIMIT_WINDOW_SECONDS) {
    throw new Error(`rate limit window of ${rule.key} exceeds ${MAX_RATE_LIMIT_WINDOW_SECONDS} s`);
  }
  const windowStart = windowStartOf(now, rule.windowSeconds);
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key: rule.key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count });
  if ((row?.count ?? 1) === 1) {
    await db
      .delete(rateLimitCounters)
      .where(and(eq(rateLimitCounters.key, rule.key), lt(rateLimitCounters.windowStart, windowStart)));
  }
  if ((row?.count ?? 0) <= rule.limit) return { allowed: true };
  const windowEnd = windowStart.getTime() + rule.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)) };
}

/**
 * Counts one attempt against every rule (all are counted, even after one refuses); the longest wait wins. On a
 * `PURGE_PROBABILITY` share of calls it first purges expired counters.
 */
export async function hitRateLimits(
  db: Db,
  rules: ReadonlyArray<RateLimit>,
  now: Date,
  options: HitOptions = {},
): Promise<RateLimitOutcome> {
  if ((options.random ?? Math.random)() < PURGE_PROBABILITY) await purgeExpiredRateLimits(db, now);
  let retryAfterSeconds = 0;
  for (const rule of rules) {
    const outcome = await hitRateLimit(db, rule, now);
    if (!outcome.allowed) retryAfterSeconds = Math.max(retryAfterSeconds, outcome.retryAfterSeconds);
  }
  return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
}
