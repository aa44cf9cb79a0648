/**
 * The server Playwright starts when BASE_URL is not set: the Stripe emulator, a production build of the store and its
 * database (DATABASE_URL when set, else a fresh PGlite folder), wired together the way `npm run dev` wires them.
 * E2E_PORT (3100) and E2E_EMULATOR_PORT (12112) choose the ports; E2E_SKIP_BUILD=1 reuses an existing `.next` build;
 * E2E_REAL_CLOCK=1 keeps the app on real time instead of the emulator's clock. E2E_DEV=1 runs `next dev` instead (in
 * `.next-dev`, so it never touches the production build), for the specs that check development too (console.spec).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '@storefront/stripe-emulator';
import { run, startForwarding } from './lib/child';

const port = Number(process.env.E2E_PORT ?? 3100);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 12112);
const nextBin = require.resolve('next/dist/bin/next');
const dev = process.env.E2E_DEV === '1';

async function main(): Promise<void> {
  const appUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: dev ? 'development' : 'production',
    // A production server is a test build, which may run against the emulator and a PGlite folder (lib/config.ts);
    // `next dev` builds into its own folder.
    ...(dev ? { NEXT_DIST_DIR: '.next-dev' } : { STOREFRONT_TEST_BUILD: '1' }),
    APP_URL: appUrl,
    STRIPE_SECRET_KEY: '',
    STRIPE_WEBHOOK_SECRET: 'whsec_local_emulator_secret',
    STRIPE_EMULATOR_URL: `http://127.0.0.1:${emulatorPort}`,
    // The demo customers (lib/accounts/demo-customers.ts), as `npm run dev` has them.
    SEED_DEMO_CUSTOMERS: '1',
    // The app reads the emulator's clock, so a test that advances it sees offers start and end (lib/clock.ts);
    // E2E_REAL_CLOCK=1 (the benchmarks) keeps real time, as a deployment does.
    ...(process.env.E2E_REAL_CLOCK === '1'
      ? {}
      : { APP_CLOCK_URL: `http://127.0.0.1:${emulatorPort}/_emulator/clock` }),
  };
  if (!env.DATABASE_URL) env.PGLITE_DATA_DIR = mkdtempSync(join(tmpdir(), 'storefront-e2e-pglite-'));

  if (!dev && process.env.E2E_SKIP_BUILD !== '1') {
    const built = await run(process.execPath, [nextBin, 'build'], env);
    if (built !== 0) process.exit(built);
  }
  const migrated = await run(process.execPath, [require.resolve('tsx/cli'), 'scripts/db-migrate.ts'], env);
  if (migrated !== 0) process.exit(migrated);
  const seeded = await run(process.execPath, [require.resolve('tsx/cli'), 'scripts/db-seed.ts'], env);
  if (seeded !== 0) process.exit(seeded);

  const emulator = await startEmulator({
    port: emulatorPort,
    webhookUrl: `${appUrl}/api/webhooks/stripe`,
    webhookSecret: 'whsec_local_emulator_secret',
  });
  const next = startForwarding(
    process.execPath,
    [nextBin, dev ? 'dev' : 'start', '-p', String(port), '-H', '127.0.0.1'],
    env,
  );
  next.on('exit', async (code) => {
    await emulator.close();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
