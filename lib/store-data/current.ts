import 'server-only';
import { getDb } from '@/lib/db';
import { storeDataOf } from '@/lib/store-data/snapshot';
import type { StoreData } from '@/lib/store-data/types';

/** The app's store data as of now (route handlers, server actions, dynamic pages): see `storeDataOf`. */
export async function currentStoreData(): Promise<StoreData> {
  return storeDataOf(await getDb());
}
