import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { unavailableUnits } from '@/lib/cart/inventory';
import { availableUnits } from '@/lib/cart/rules';
import type { Product } from '@/lib/catalog/schema';
import { getDb } from '@/lib/db';
import { currentStoreData } from '@/lib/store-data/current';

/**
 * Units still for sale per product id (catalog stock minus units sold and held by open checkouts). If the database cannot be read the opening
 * stock is shown instead: the cart API enforces the real limit either way.
 */
export async function readStockLeft(products: readonly Product[]): Promise<Map<string, number>> {
  const ids = products.map((p) => p.id);
  try {
    const sold = await unavailableUnits(await getDb(), ids, new Date(), null);
    return new Map(products.map((p) => [p.id, availableUnits(p, sold.get(p.id) ?? 0)]));
  } catch (error) {
    unstable_rethrow(error);
    console.error('[stock] could not read units sold; showing opening stock', error);
    return new Map(products.map((p) => [p.id, p.stock]));
  }
}

/**
 * Units left of every catalog product, read per request (never at build, when there may be no database) and once per
 * render: every stock hint on a page shares the one query.
 */
export const readCatalogStockLeft = cache(async (): Promise<Map<string, number>> => {
  await connection();
  let products: readonly Product[];
  try {
    products = (await currentStoreData()).catalog.products;
  } catch (error) {
    unstable_rethrow(error);
    console.error('[stock] could not read the store data; showing the page’s stock', error);
    return new Map();
  }
  return readStockLeft(products);
});
