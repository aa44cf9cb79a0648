/**
 * Seeds the store's data (products, categories, add-ons, shipping rates, discount rules) from the TypeScript modules
 * into DATABASE_URL (or the local PGlite data directory) when it has none; a store with data is left as it is.
 * Run by `npm run db:seed` after `npm run db:migrate` (the e2e server does both; development seeds on first use).
 */
import { createDb } from '@/lib/db/client';
import { seedStoreData } from '@/lib/store-data/seed';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL?.trim();
  const target = url ? url : { pglite: process.env.PGLITE_DATA_DIR?.trim() || '.data/pglite' };
  const db = await createDb(target);
  try {
    const seeded = await seedStoreData(db.db);
    console.log(seeded ? `Store data seeded (${db.kind}).` : `Store data already present (${db.kind}); left as it is.`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error('Seeding failed:', error);
  process.exit(1);
});
