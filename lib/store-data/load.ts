/**
 * Reads the store's data from the database and validates it with the same zod schemas that validate the seed modules
 * (catalogSchema, addOnConfigSchema, shippingConfigSchema, discountRulesSchema): what the engines get is always valid.
 */
import { asc, eq } from 'drizzle-orm';
import { addOnConfigSchema } from '@/lib/catalog/add-ons';
import { catalogSchema } from '@/lib/catalog/schema';
import { shippingConfigSchema } from '@/lib/catalog/shipping';
import type { Db } from '@/lib/db/client';
import {
  storeAddOns,
  storeCategories,
  storeDataVersion,
  storeDiscountRules,
  storeProducts,
  storeSettings,
  storeShippingMethods,
  storeShippingRates,
} from '@/lib/db/schema';
import { discountRulesSchema } from '@/lib/discounts/schema';
import { type StoreData, StoreDataMissingError } from '@/lib/store-data/types';
import { parseStoreData } from '@/lib/store-data/validate';

/** The current version of the store's data (one primary-key read); null before it is seeded. */
export async function readStoreDataVersion(db: Db): Promise<number | null> {
  const [row] = await db
    .select({ version: storeDataVersion.version })
    .from(storeDataVersion)
    .where(eq(storeDataVersion.id, 1));
  return row?.version ?? null;
}

/**
 * The store's data at one version. The tables are read side by side; a change committed meanwhile (it bumps the
 * version) makes the read start again, so the result is never half of one version and half of the next.
 */
export async function loadStoreData(db: Db): Promise<StoreData> {
  for (;;) {
    const version = await readStoreDataVersion(db);
    if (version === null) throw new StoreDataMissingError();
    const data = await readTables(db);
    if ((await readStoreDataVersion(db)) === version) return { version, ...data };
  }
}

/** The products as stored, withdrawn ones included (for the merchant's console). */
export function listStoredProducts(db: Db) {
  return db.select().from(storeProducts).orderBy(asc(storeProducts.position), asc(storeProducts.id));
}

export function listStoredRules(db: Db) {
  return db.select().from(storeDiscountRules).orderBy(asc(storeDiscountRules.position), asc(storeDiscountRules.id));
}

async function readTables(db: Db): Promise<Omit<StoreData, 'version'>> {
  const [settings, categories, products, addOns, methods, rates, rules] = await Promise.all([
    db.select().from(storeSettings).where(eq(storeSettings.id, 1)),
    db.select().from(storeCategories).orderBy(asc(storeCategories.position), asc(storeCategories.id)),
    listStoredProducts(db),
    db.select().from(storeAddOns).orderBy(asc(storeAddOns.position), asc(storeAddOns.id)),
    db.select().from(storeShippingMethods).orderBy(asc(storeShippingMethods.position), asc(storeShippingMethods.id)),
    db.select().from(storeShippingRates),
    listStoredRules(db),
  ]);
  const [store] = settings;
  if (!store) throw new StoreDataMissingError();
  const catalog = parseStoreData(
    catalogSchema,
    {
      currency: store.currency,
      categories: categories.map(({ id, name, description, warrantyEligible }) => ({
        id,
        name,
        description,
        warrantyEligible,
      })),
      products: products.filter((p) => p.active).map(productOfRow),
    },
    'store_categories / store_products',
  );
  const addOnConfig = parseStoreData(
    addOnConfigSchema,
    {
      currency: store.currency,
      addOns: addOns
        .filter((a) => a.active)
        .map(({ id, name, description, scope, price, requires, taxCode }) => ({
          id,
          name,
          description,
          scope,
          price,
          requires,
          taxCode,
        })),
    },
    'store_add_ons',
  );
  const shipping = parseStoreData(
    shippingConfigSchema,
    {
      currency: store.currency,
      includedGrams: store.shippingIncludedGrams,
      methods: methods
        .filter((m) => m.active)
        .map(({ id, displayName, freeAbove, deliversToPoBoxes }) => ({
          id,
          displayName,
          freeAbove,
          deliversToPoBoxes,
          rates: Object.fromEntries(
            rates
              .filter((rate) => rate.methodId === id)
              .map((rate) => [
                rate.region,
                {
                  baseAmount: rate.baseAmount,
                  perExtraKgAmount: rate.perExtraKgAmount,
                  estimate: { minBusinessDays: rate.minBusinessDays, maxBusinessDays: rate.maxBusinessDays },
                },
              ]),
          ),
        })),
    },
    'store_shipping_methods / store_shipping_rates',
  );
  const activeRules = parseStoreData(
    discountRulesSchema,
    rules.filter((r) => r.active).map((r) => r.rule),
    'store_discount_rules',
  );
  return { catalog, addOns: addOnConfig, shipping, rules: activeRules };
}

/** A product row as `productSchema` reads it. */
export function productOfRow(row: typeof storeProducts.$inferSelect) {
  const { position: _position, active: _active, createdAt: _createdAt, updatedAt: _updatedAt, ...product } = row;
  return product;
}
