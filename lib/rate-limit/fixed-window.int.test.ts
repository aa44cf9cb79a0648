import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitCounters } from '@/lib/db/schema';
import { hitRateLimits, purgeExpiredRateLimits } from '@/lib/rate-limit/fixed-window';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';

let env: AppTestEnvironment;
beforeAll(async () => {
  env = await setUpAppEnvironment();
});
afterAll(() => env.tearDown());

const rows = async () => (await env.db.select({ n: count() }).from(rateLimitCounters))[0]?.n ?? 0;
const rule = (key: string) => ({ key, limit: 10, windowSeconds: 600 });
const never = () => 1;
const always = () => 0;

describe('rate limit counters', () => {
  it('purges the windows of one-off keys once they are over, and keeps current ones', async () => {
    await env.db.delete(rateLimitCounters);
    const t0 = new Date('2026-11-20T12:00:00Z');
    for (let i = 0; i < 20; i++) await hitRateLimits(env.db, [rule(`one-off:${i}`)], t0, { random: never });
    const later = new Date(t0.getTime() + 2 * 60 * 60 * 1000);
    await hitRateLimits(env.db, [rule('current')], later, { random: never });
    expect(await rows()).toBe(21);

    expect(await purgeExpiredRateLimits(env.db, later)).toBe(20);
    expect(await rows()).toBe(1);
    const [current] = await env.db.select().from(rateLimitCounters).where(eq(rateLimitCounters.key, 'current'));
    expect(current?.count).toBe(1);
  });

  it('purges opportunistically on a fraction of hits, in the request that counts', async () => {
    await env.db.delete(rateLimitCounters);
    const t0 = new Date('2026-11-21T12:00:00Z');
    for (let i = 0; i < 5; i++) await hitRateLimits(env.db, [rule(`one-off:${i}`)], t0, { random: never });
    const later = new Date(t0.getTime() + 2 * 60 * 60 * 1000);
    await hitRateLimits(env.db, [rule('a')], later, { random: never });
    expect(await rows()).toBe(6);
    await hitRateLimits(env.db, [rule('b')], later, { random: always });
    expect(await rows()).toBe(2);
  });

  it('does not purge a window that may still be counting', async () => {
    await env.db.delete(rateLimitCounters);
    const t0 = new Date('2026-11-22T12:00:00Z');
    await hitRateLimits(env.db, [rule('recent')], t0, { random: never });
    expect(await purgeExpiredRateLimits(env.db, new Date(t0.getTime() + 5 * 60 * 1000))).toBe(0);
    expect(await rows()).toBe(1);
  });
});
