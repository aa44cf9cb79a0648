/**
 * `GET /api/cron/reconcile` (Vercel Cron): a paid session whose webhooks all failed and whose shopper never came
 * back still gets its one order; expired sessions close our record and release its holds; expired holds are purged.
 * Only `Authorization: Bearer <CRON_SECRET>` runs it.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as reconcileRoute } from '@/app/api/cron/reconcile/route';
import { getCatalog } from '@/lib/catalog';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { findCheckout } from '@/lib/checkout/repository';
import { holds, orders } from '@/lib/db/schema';
import { EmulatorControl } from '@/test/emulator-control';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { checkoutDeps, openCheckout, pay } from '@/test/support/checkout-flow';
import { apiRequest } from '@/test/support/http';

const SECRET = 'cron-secret-for-tests-0123456789';
const LAMP = [{ productId: 'lumen-desk-lamp', quantity: 1 }];

let env: AppTestEnvironment;
let deps: CheckoutDeps;
let control: EmulatorControl;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
  deps = checkoutDeps(env, getCatalog());
  control = new EmulatorControl(env.emulatorUrl);
  process.env.CRON_SECRET = SECRET;
  // Every webhook delivery fails: nothing listens there, and the emulator gives up after two attempts.
  await control.configureWebhooks({ url: 'http://127.0.0.1:9/api/webhooks/stripe', maxAttempts: 2, retryBaseMs: 10 });
});
afterEach(() => {
  process.env.CRON_SECRET = SECRET;
});
afterAll(async () => {
  delete process.env.CRON_SECRET;
  await env.tearDown();
});

function run(authorization?: string) {
  return reconcileRoute(apiRequest('GET', '/api/cron/reconcile', { headers: authorization ? { authorization } : {} }));
}

async function ordersFor(sessionId: string): Promise<number> {
  const [row] = await env.db.select({ n: count() }).from(orders).where(eq(orders.stripeSessionId, sessionId));
  return row?.n ?? 0;
}

async function allOrders(): Promise<number> {
  const [row] = await env.db.select({ n: count() }).from(orders);
  return row?.n ?? 0;
}

/** A paid session whose every webhook delivery failed, and whose shopper never opened the return page. */
async function paidWithFailedWebhooks() {
  const checkout = await openCheckout(deps, LAMP, { withAddress: true });
  await pay(env.emulatorUrl, checkout);
  await expect
    .poll(async () => {
      const completed = (await control.eventsForSession(checkout.sessionId)).find(
        (event) => event.type === 'checkout.session.completed',
      );
      const attempts = (await control.deliveries()).filter((d) => d.eventId === completed?.id);
      return attempts.length >= 2 && attempts.every((d) => d.status < 200 || d.status >= 300);
    })
    .toBe(true);
  return checkout;
}

describe('GET /api/cron/reconcile', () => {
  it('refuses a missing or wrong secret with 401 and changes nothing', async () => {
    const paid = await paidWithFailedWebhooks();
    for (const authorization of [
      undefined,
      'Bearer wrong',
      `Bearer ${SECRET}x`,
      `bearer ${SECRET}`,
      SECRET,
      `Basic ${SECRET}`,
      `Bearer  ${SECRET}`,
    ]) {
      const response = await run(authorization);
      expect({ authorization, status: response.status }).toEqual({ authorization, status: 401 });
    }
    expect(await ordersFor(paid.sessionId)).toBe(0);
  });

  it('refuses to run without a configured CRON_SECRET (503)', async () => {
    delete process.env.CRON_SECRET;
    const response = await run(`Bearer ${SECRET}`);
    expect(response.status).toBe(503);
  });

  it('fulfils a paid session whose webhooks all failed; a second run creates nothing more', async () => {
    const paid = await paidWithFailedWebhooks();
    expect(await ordersFor(paid.sessionId)).toBe(0);

    const first = await run(`Bearer ${SECRET}`);
    expect(first.status).toBe(200);
    const body = (await first.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      fulfilled: expect.any(Number),
      expired: expect.any(Number),
      purged: expect.any(Number),
    });
    expect(body.fulfilled).toBeGreaterThanOrEqual(1);
    expect(await ordersFor(paid.sessionId)).toBe(1);
    expect((await findCheckout(env.db, paid.sessionId))?.status).toBe('complete');

    const before = await allOrders();
    const second = await run(`Bearer ${SECRET}`);
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ fulfilled: 0 });
    expect(await allOrders()).toBe(before);
  });

  it('closes our record of a session Stripe expired and releases its holds; purges expired holds', async () => {
    const gone = await openCheckout(deps, LAMP);
    await env.db
      .insert(holds)
      .values({
        checkoutSessionId: gone.sessionId,
        shopperId: gone.shopperId,
        kind: 'stock',
        key: 'lumen-desk-lamp',
        quantity: 1,
        expiresAt: new Date(Date.now() + 3_600_000),
      })
      .onConflictDoNothing();
    await env.stripe.checkout.sessions.expire(gone.sessionId);
    const stale = await openCheckout(deps, LAMP);
    await env.db
      .insert(holds)
      .values({
        checkoutSessionId: stale.sessionId,
        shopperId: stale.shopperId,
        kind: 'code',
        key: 'launch-50',
        quantity: 1,
        expiresAt: new Date(Date.now() - 60_000),
      })
      .onConflictDoNothing();
    const stillOpen = await openCheckout(deps, LAMP);

    const response = await run(`Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { expired: number; purged: number };
    expect(body.expired).toBeGreaterThanOrEqual(1);
    expect(body.purged).toBeGreaterThanOrEqual(1);
    expect((await findCheckout(env.db, gone.sessionId))?.status).toBe('expired');
    expect(await env.db.select().from(holds).where(eq(holds.checkoutSessionId, gone.sessionId))).toEqual([]);
    expect(await env.db.select().from(holds).where(eq(holds.key, 'launch-50'))).toEqual([]);
    expect((await findCheckout(env.db, stillOpen.sessionId))?.status).toBe('open');
  });
});
