import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getCatalog } from '@/lib/catalog';
import type { Catalog } from '@/lib/catalog/schema';
import { currentStoreData } from '@/lib/store-data/current';

/** The cache tag of everything the storefront's pages show of the store's data. */
export const STORE_DATA_TAG = 'store-data';

/**
 * The catalog the storefront's pages (home, categories, products, the header) show, cached under `STORE_DATA_TAG`:
 * after a change, `revalidateTag(STORE_DATA_TAG, 'max')` (or `updateTag` in the server action that made it) has every
 * page re-rendered from the database on its next visit; without one, pages refresh within the hour by themselves.
 * `next build` prerenders from the seed modules — an empty store's data — as build workers share no database.
 */
export async function storefrontCatalog(): Promise<Catalog> {
  'use cache';
  cacheTag(STORE_DATA_TAG);
  cacheLife('hours');
  if (process.env.NEXT_PHASE === 'phase-production-build') return getCatalog();
  return (await currentStoreData()).catalog;
}
