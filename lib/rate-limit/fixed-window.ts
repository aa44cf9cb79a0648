/**
 * Fixed-window rate limits stored in Postgres/PGlite (never in memory: serverless instances share nothing else).
 * One row per (key, window start); each attempt increments it atomically and is refused once the count exceeds the
 * limit. Rows of earlier windows of the same key are deleted as new ones start.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { rateLimitCounters } from '@/lib/db/schema';

export type RateLimit = { key: string; limit: number; windowSeconds: number };

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function windowStartOf(now: Date, windowSeconds: number): Date {
  const windowMs = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Counts one attempt against `limit` and says whether it is allowed (and, if not, when the window ends). */
export async function hitRateLimit(db: Db, rule: RateLimit, now: Date): Promise<RateLimitOutcome> {
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

/** Counts one attempt against every rule (all are counted, even after one refuses); the longest wait wins. */
export async function hitRateLimits(db: Db, rules: ReadonlyArray<RateLimit>, now: Date): Promise<RateLimitOutcome> {
  let retryAfterSeconds = 0;
  for (const rule of rules) {
    const outcome = await hitRateLimit(db, rule, now);
    if (!outcome.allowed) retryAfterSeconds = Math.max(retryAfterSeconds, outcome.retryAfterSeconds);
  }
  return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
}
