/**
 * One shopper's add-on toggles through the route handler, in this process, against the Stripe emulator and a
 * throwaway PostgreSQL (PGlite when Debian's binaries are missing, or PROFILE_DB=pglite): p50 and p90 of an update's
 * time, and the statements it sends (PROFILE_LOG_SQL=1 prints them). `node --import tsx scripts/profile-update.ts`;
 * PROFILE_CPU=<file.cpuprofile> writes a CPU profile of the measured toggles (open it in Chrome's DevTools).
 * PROFILE_UPDATES (default 300) sets their number; PROFILE_STRIPE_LATENCY=150 slows every Stripe call down by that
 * many ms (the emulator's latency fault), as `bench:updates` does for its overhead goal.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import Module from 'node:module';
import pg from 'pg';
import { percentile } from './lib/http-client';
import { startThrowawayPostgres } from './lib/throwaway-postgres';

// `server-only` throws outside Next's react-server build; here, as in the tests, it is an empty module.
const serverOnly = new Module(require.resolve('server-only'));
serverOnly.loaded = true;
require.cache[serverOnly.id] = serverOnly;

const UPDATES = Number(process.env.PROFILE_UPDATES ?? 300);
const WARMUP = 20;
const LATENCY_MS = Number(process.env.PROFILE_STRIPE_LATENCY ?? 0);

const counter = { statements: 0 };

/** Counts every statement node-postgres sends (and prints it with PROFILE_LOG_SQL=1). */
function countStatements(): void {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
    counter.statements++;
    if (process.env.PROFILE_LOG_SQL === '1') {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
      console.log(`  sql: ${text?.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

async function main(): Promise<void> {
  const database = process.env.PROFILE_DB === 'pglite' ? null : await startThrowawayPostgres();
  const { startEmulator } = await import('@storefront/stripe-emulator');
  const emulator = await startEmulator({ port: 0 });
  process.env.STRIPE_EMULATOR_URL = emulator.url;
  for (const key of ['STRIPE_SECRET_KEY', 'NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', 'STRIPE_WEBHOOK_SECRET']) {
    delete process.env[key];
  }
  if (database) process.env.DATABASE_URL = database.url;
  else process.env.PGLITE_DATA_DIR = 'memory://';
  countStatements();

  const { getDb, closeDb } = await import('@/lib/db');
  const { getCatalog } = await import('@/lib/catalog');
  const { addToCart } = await import('@/lib/cart/service');
  const { startCheckout } = await import('@/lib/checkout/start');
  const { checkoutDepsFor } = await import('@/lib/checkout/deps');
  const { POST: toggleAddOn } = await import('@/app/api/checkout/add-ons/route');
  const { POST: setAddress } = await import('@/app/api/checkout/shipping-address/route');
  const { apiRequest } = await import('@/test/support/http');
  const { usAddress } = await import('@/test/fixtures/addresses');
  const { EmulatorControl } = await import('@/test/emulator-control');
  try {
    const db = await getDb();
    const product = getCatalog().products.find((p) => p.stock >= 2);
    if (!product) throw new Error('no product in stock');
    const shopperId = crypto.randomUUID();
    await addToCart(db, { shopperId, productId: product.id, quantity: 1 }, getCatalog());
    const deps = await checkoutDepsFor(apiRequest('POST', '/api/checkout/sessions'));
    const { sessionId } = await startCheckout({ ...deps, shopperId });
    const addressed = await setAddress(
      apiRequest('POST', '/api/checkout/shipping-address', { body: { sessionId, address: usAddress }, shopperId }),
    );
    if (!addressed.ok) throw new Error(`address: ${addressed.status} ${await addressed.text()}`);

    if (LATENCY_MS > 0) {
      const faults = { path: '/v1/checkout/sessions', kind: 'latency' as const, latencyMs: LATENCY_MS, count: 1000 };
      await new EmulatorControl(emulator.url).injectFault(faults);
    }
    const toggle = async (i: number) => {
      const response = await toggleAddOn(
        apiRequest('POST', '/api/checkout/add-ons', {
          body: { sessionId, addOnId: 'gift-wrap', selected: i % 2 === 0 },
          shopperId,
        }),
      );
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`toggle: ${response.status}`);
    };
    for (let i = 0; i < WARMUP; i++) await toggle(i);

    const profiler = process.env.PROFILE_CPU ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const times: number[] = [];
    const statements: number[] = [];
    for (let i = 0; i < UPDATES; i++) {
      const before = counter.statements;
      const t0 = performance.now();
      await toggle(i);
      times.push(performance.now() - t0);
      statements.push(counter.statements - before);
    }
    if (profiler && process.env.PROFILE_CPU) {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(process.env.PROFILE_CPU, JSON.stringify(profile));
    }
    const p = (values: number[], n: number) =>
      percentile(
        [...values].sort((a, b) => a - b),
        n,
      );
    const over =
      LATENCY_MS > 0 ? `; over the ${LATENCY_MS} ms floor: p50 ${(p(times, 50) - LATENCY_MS).toFixed(2)} ms` : '';
    console.log(
      `${UPDATES} add-on toggles (${database ? 'PostgreSQL' : 'PGlite'}): p50 ${p(times, 50).toFixed(2)} ms, ` +
        `p90 ${p(times, 90).toFixed(2)} ms; statements per update ${p(statements, 50)}${over}`,
    );
  } finally {
    await closeDb();
    await emulator.close();
    database?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
