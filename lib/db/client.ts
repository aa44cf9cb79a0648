import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from '@/lib/db/schema';

/** One typed interface for node-postgres and PGlite (a transaction is one too). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Applies the generated migrations in lib/db/migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export type DbTarget = string | { pglite: string };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'lib', 'db', 'migrations');
/** Any fixed number: serialises migrations when several processes start against one Postgres. */
const MIGRATION_LOCK_KEY = 727_274_001;

const POOL_SIZE = 5;
const POOL_ACQUIRE_TIMEOUT_MS = 5_000;

/** node-postgres got no connection in time: none free in the pool, or a new one not ready (maybe Drizzle-wrapped). */
export function isPoolExhausted(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (
      /timeout exceeded when trying to connect|connection terminated due to connection timeout/i.test(cause.message)
    ) {
      return true;
    }
  }
  return false;
}

async function createPostgresDb(url: string): Promise<DbHandle> {
  const [{ Pool }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const pool = new Pool({
    connectionString: url,
    max: POOL_SIZE,
    idleTimeoutMillis: 10_000,
    // A request that cannot get a connection soon answers 503 (retryable) instead of queueing without bound.
    connectionTimeoutMillis: POOL_ACQUIRE_TIMEOUT_MS,
  });
  let closing = false;
  // pool.end() resolves before every socket has closed; errors from connections being shut down are expected then.
  pool.on('error', (error) => {
    if (!closing) console.error('[db] idle client error', error);
  });
  const db = drizzle({ client: pool, schema });
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrate(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        client.release();
      }
    },
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}

async function createPgliteDb(dataDir: string): Promise<DbHandle> {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(inMemory ? undefined : dataDir);
  const db = drizzle({ client, schema });
  return {
    db,
    kind: 'pglite',
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}

/** Opens a database: a `postgres://` URL uses node-postgres, `{pglite: dir | 'memory://'}` embedded PGlite. */
export function createDb(target: DbTarget): Promise<DbHandle> {
  return typeof target === 'string' ? createPostgresDb(target) : createPgliteDb(target.pglite);
}
