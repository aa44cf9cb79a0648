import 'server-only';
import { createAuth, type StoreAuth } from '@/lib/accounts/auth';
import { getCatalog } from '@/lib/catalog';
import { getServerConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import type { Db } from '@/lib/db/client';
import { getMailer } from '@/lib/mail';

/** Like the database handle, one instance per process (on globalThis: Next bundles pages and routes separately). */
const holder = globalThis as typeof globalThis & { __storefrontAuth?: { db: Db; auth: StoreAuth } };

/** The app's better-auth instance over the app's database, created on first use. */
export async function getAuth(): Promise<StoreAuth> {
  const db = await getDb();
  if (holder.__storefrontAuth?.db !== db) {
    holder.__storefrontAuth = {
      db,
      auth: createAuth({ db, config: getServerConfig(), mailer: getMailer(), catalog: getCatalog() }),
    };
  }
  return holder.__storefrontAuth.auth;
}
