import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leases } from '@/lib/db/schema';
import { releaseLeaseOnCommit, withLease } from '@/lib/leases';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';

let env: AppTestEnvironment;
beforeAll(async () => {
  env = await setUpAppEnvironment();
});
afterAll(() => env.tearDown());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const key = () => `test:${crypto.randomUUID()}`;

describe('leases', () => {
  it('runs the work of one key one at a time, in arrival order', async () => {
    const k = key();
    const events: string[] = [];
    const work = (name: string) =>
      withLease(env.db, k, async () => {
        events.push(`${name} starts`);
        await sleep(50);
        events.push(`${name} ends`);
      });
    await Promise.all([work('a'), work('b'), work('c')]);
    expect(events).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
  });

  it('does not serialise different keys', async () => {
    const events: string[] = [];
    const work = (name: string) =>
      withLease(env.db, key(), async () => {
        events.push(`${name} starts`);
        await sleep(50);
        events.push(`${name} ends`);
      });
    await Promise.all([work('a'), work('b')]);
    expect(events.slice(0, 2)).toEqual(['a starts', 'b starts']);
  });

  it('answers a retryable 409 update_in_progress to a waiter past its bound, and runs nothing for it', async () => {
    const k = key();
    let ran = false;
    const holder = withLease(env.db, k, () => sleep(300));
    const waiter = withLease(
      env.db,
      k,
      async () => {
        ran = true;
      },
      { waitMs: 100 },
    );
    await expect(waiter).rejects.toMatchObject({ status: 409, code: 'update_in_progress', retryable: true });
    await holder;
    expect(ran).toBe(false);
    // The lease is free again afterwards.
    await expect(withLease(env.db, k, async () => 'ran')).resolves.toBe('ran');
  });

  it('waits for a lease held by another instance (polling the database) and takes it once released', async () => {
    const k = key();
    await env.db.insert(leases).values({ key: k, token: 'elsewhere', expiresAt: sql`now() + interval '1 minute'` });
    const release = sleep(250).then(() => env.db.delete(leases).where(eq(leases.key, k)));
    const started = Date.now();
    await withLease(env.db, k, async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    await release;
  });

  it('is released by the transaction that saves its work, and only when that commits', async () => {
    const k = key();
    await withLease(env.db, k, async (lease) => {
      await env.db
        .transaction(async (tx) => {
          await releaseLeaseOnCommit(tx, lease);
          throw new Error('the save failed');
        })
        .catch(() => undefined);
      expect(await env.db.select().from(leases).where(eq(leases.key, k))).toHaveLength(1);
      await env.db.transaction((tx) => releaseLeaseOnCommit(tx, lease));
      lease.released = true;
      expect(await env.db.select().from(leases).where(eq(leases.key, k))).toHaveLength(0);
    });
  });

  it('takes over a lease whose holder crashed (past its expiry)', async () => {
    const k = key();
    await env.db.insert(leases).values({ key: k, token: 'crashed', expiresAt: sql`now() - interval '1 second'` });
    await expect(withLease(env.db, k, async () => 'ran', { waitMs: 50 })).resolves.toBe('ran');
  });

  it('refuses to save work whose lease was taken over meanwhile', async () => {
    const k = key();
    await expect(
      withLease(env.db, k, async (lease) => {
        await env.db.update(leases).set({ token: 'someone else' }).where(eq(leases.key, k));
        await env.db.transaction((tx) => releaseLeaseOnCommit(tx, lease));
      }),
    ).rejects.toMatchObject({ code: 'update_in_progress' });
  });
});
