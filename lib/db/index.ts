import 'server-only';
import { getServerConfig } from '@/lib/config';
import { createDb, type Db, type DbHandle } from '@/lib/db/client';

export type { Db } from '@/lib/db/client';

/**
 * One database per process. Next bundles route handlers and pages separately, so a module-level variable would exist
 * once per bundle; with PGlite that would mean two databases (and two openers of one data folder). The handle therefore
 * lives on `globalThis`.
 */
const holder = globalThis as typeof globalThis & { __storefrontDb?: Promise<DbHandle> };

async function open(): Promise<DbHandle> {
  const config = getServerConfig();
  const opened = await createDb(
    config.database.kind === 'postgres' ? config.database.url : { pglite: config.database.dataDir },
  );
  // Production applies migrations and the seed in its deploy step (`npm run db:migrate`, `npm run db:seed`), never on a
  // request; development and tests migrate and seed an empty database on first use.
  if (!config.production) {
    await opened.migrate();
    const { seedStoreData } = await import('@/lib/store-data/seed');
    await seedStoreData(opened.db);
  }
  if (config.demoCustomers) {
    const { DEMO_PASSWORD, seedDemoCustomers } = await import('@/lib/accounts/demo-customers');
    const { seedDemoMerchant } = await import('@/lib/admin/merchants');
    await seedDemoCustomers(opened.db);
    await seedDemoMerchant(opened.db, DEMO_PASSWORD);
  }
  return opened;
}

/** The app's database, opened (and in development migrated) on first use — never at import or build time. */
export async function getDb(): Promise<Db> {
  holder.__storefrontDb ??= open().catch((error: unknown) => {
    holder.__storefrontDb = undefined;
    throw error;
  });
  return (await holder.__storefrontDb).db;
}

/** Closes the shared database (scripts and tests). */
export async function closeDb(): Promise<void> {
  const current = holder.__storefrontDb;
  holder.__storefrontDb = undefined;
  if (current) await (await current).close();
}
