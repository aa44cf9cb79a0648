/** Read-only: the store's catalog as stored, withdrawn products and inactive add-ons included, for the console. */
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { storeAddOns, storeCategories, storeShippingMethods, storeShippingRates } from '@/lib/db/schema';
import { listStoredProducts } from '@/lib/store-data/load';

const addOnPriceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flat'), amount: z.number() }),
  z.object({ kind: z.literal('share-of-item'), basisPoints: z.number() }),
]);

export async function catalogOverview(db: Db) {
  const [products, categories, addOns, methods, rates] = await Promise.all([
    listStoredProducts(db),
    db.select().from(storeCategories).orderBy(asc(storeCategories.position), asc(storeCategories.id)),
    db.select().from(storeAddOns).orderBy(asc(storeAddOns.position), asc(storeAddOns.id)),
    db.select().from(storeShippingMethods).orderBy(asc(storeShippingMethods.position), asc(storeShippingMethods.id)),
    db.select().from(storeShippingRates).orderBy(asc(storeShippingRates.region)),
  ]);
  return {
    products,
    categories: categories.map(({ id, name }) => ({ id, name })),
    addOns: addOns.map(({ id, name, active, price }) => ({ id, name, active, price: addOnPriceSchema.parse(price) })),
    rates: methods.flatMap((method) =>
      rates.filter((rate) => rate.methodId === method.id).map((rate) => ({ ...rate, methodName: method.displayName })),
    ),
  };
}
export type CatalogOverview = Awaited<ReturnType<typeof catalogOverview>>;
