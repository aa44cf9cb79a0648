import 'server-only';
import { getServerConfig } from '@/lib/config';
import { createDb, type Db, type DbHandle } from '@/lib/db/client';

export type { Db } from '@/lib/db/client';

let handle: Promise<DbHandle> | undefined;

async function open(): Promise<DbHandle> {
  const config = getServerConfig();
  const opened = await createDb(
    config.database.kind === 'postgres' ? config.database.url : { pglite: config.database.dataDir },
  );
  // Production applies migrations in its deploy step (`npm run db:migrate`), never on a request.
  if (!config.production) await opened.migrate();
  return opened;
}

/** The app's database, opened (and in development migrated) on first use — never at import or build time. */
export async function getDb(): Promise<Db> {
  handle ??= open().catch((error: unknown) => {
    handle = undefined;
    throw error;
  });
  return (await handle).db;
}

/** Closes the shared database (scripts and tests). */
export async function closeDb(): Promise<void> {
  const current = handle;
  handle = undefined;
  if (current) await (await current).close();
}
