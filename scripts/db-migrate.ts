/**
 * Applies lib/db/migrations to DATABASE_URL (or the local PGlite data directory).
 * Run by `npm run db:migrate`, e.g. in the deploy step before `next start`.
 */
import { createDb } from '@/lib/db/client';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL?.trim();
  const target = url ? url : { pglite: process.env.PGLITE_DATA_DIR?.trim() || '.data/pglite' };
  const db = await createDb(target);
  try {
    await db.migrate();
    console.log(`Migrations applied (${db.kind}).`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error('Migration failed:', error);
  process.exit(1);
});
