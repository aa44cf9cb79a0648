import type Stripe from 'stripe';
import { inject } from 'vitest';
import { getServerConfig } from '@/lib/config';
import { closeDb, getDb } from '@/lib/db';
import type { Db } from '@/lib/db/client';
import { getStripe } from '@/lib/stripe/client';
import { createPostgresTestDatabase } from '@/test/support/database';

export type AppTestEnvironment = {
  db: Db;
  stripe: Stripe;
  emulatorUrl: string;
  webhookSecret: string;
  tearDown(): Promise<void>;
};

const STRIPE_KEYS = ['STRIPE_SECRET_KEY', 'NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', 'STRIPE_WEBHOOK_SECRET'] as const;

/**
 * Points the app's own singletons (getServerConfig, getDb, getStripe — fresh in every test file) at the Stripe
 * emulator and a fresh, migrated database — PGlite in memory, or a new database on the server given by DATABASE_URL —
 * so route handlers run unchanged. Call once per file in `beforeAll`; `privateEmulator: true` starts an emulator for
 * this file alone (for request logs, faults and clock changes that must not leak between files).
 */
export async function setUpAppEnvironment(options: { privateEmulator?: boolean } = {}): Promise<AppTestEnvironment> {
  let emulatorUrl = inject('emulatorUrl');
  let closeEmulator: (() => Promise<void>) | null = null;
  if (options.privateEmulator) {
    const { startEmulator } = await import('@storefront/stripe-emulator');
    const emulator = await startEmulator({ port: 0 });
    emulatorUrl = emulator.url;
    closeEmulator = () => emulator.close();
  }
  const serverUrl = inject('testDatabaseServerUrl');
  const database = serverUrl ? await createPostgresTestDatabase(serverUrl) : null;

  for (const key of STRIPE_KEYS) delete process.env[key];
  process.env.STRIPE_EMULATOR_URL = emulatorUrl;
  if (database) {
    process.env.DATABASE_URL = database.url;
  } else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = 'memory://';
  }

  return {
    db: await getDb(),
    stripe: getStripe(),
    emulatorUrl,
    webhookSecret: getServerConfig().stripe.webhookSecret,
    async tearDown() {
      await closeDb();
      await database?.drop();
      await closeEmulator?.();
    },
  };
}
