import type { Db } from '@/lib/db/client';
import { loadStoreData, readStoreDataVersion } from '@/lib/store-data/load';
import { type StoreData, StoreDataMissingError } from '@/lib/store-data/types';

export type StoreDataCache = {
  /**
   * The store's data as of now: one read of the version, and a reload only when another change (made by any
   * instance) bumped it since the snapshot this cache holds.
   */
  current(db: Db): Promise<StoreData>;
};

/** A per-process snapshot of the store's data, keyed by its version. Concurrent reloads of one version share one read. */
export function createStoreDataCache(): StoreDataCache {
  let snapshot: { version: number; data: Promise<StoreData> } | null = null;
  return {
    async current(db) {
      const version = await readStoreDataVersion(db);
      if (version === null) throw new StoreDataMissingError();
      if (snapshot?.version === version) return snapshot.data;
      const loading = { version, data: loadStoreData(db) };
      snapshot = loading;
      loading.data.then(
        (data) => {
          if (snapshot === loading) snapshot = { version: data.version, data: loading.data };
        },
        () => {
          if (snapshot === loading) snapshot = null;
        },
      );
      return loading.data;
    },
  };
}

const holder = globalThis as typeof globalThis & { __storefrontStoreData?: WeakMap<Db, StoreDataCache> };

/**
 * The store's data in `db` as of now, through this process's snapshot of it (one per database handle, kept on
 * `globalThis`: Next bundles routes and pages separately, as with the database handle itself).
 */
export function storeDataOf(db: Db): Promise<StoreData> {
  holder.__storefrontStoreData ??= new WeakMap();
  let cache = holder.__storefrontStoreData.get(db);
  if (!cache) {
    cache = createStoreDataCache();
    holder.__storefrontStoreData.set(db, cache);
  }
  return cache.current(db);
}
