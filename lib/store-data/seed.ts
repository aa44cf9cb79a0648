/**
 * The seed: today's TypeScript modules (lib/catalog/data.ts, add-ons.ts, shipping.ts, lib/discounts/rules.ts) are
 * the store's data on an empty database. Idempotent: a store that already has data (its version row) is left alone,
 * so the merchant's changes are never overwritten; concurrent seeders wait on the version row and then skip.
 */

import { getCatalog } from '@/lib/catalog';
import { type AddOnConfig, addOnConfig } from '@/lib/catalog/add-ons';
import type { Catalog } from '@/lib/catalog/schema';
import { type ShippingConfig, shippingConfig } from '@/lib/catalog/shipping';
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
import { demoRuleData } from '@/lib/discounts/rules';
import { type DiscountRuleInput, parseDiscountRules } from '@/lib/discounts/schema';

export type StoreSeed = {
  catalog: Catalog;
  addOns: AddOnConfig;
  shipping: ShippingConfig;
  rules: ReadonlyArray<DiscountRuleInput>;
};

/** Today's store, from the TypeScript modules. */
export function defaultStoreSeed(): StoreSeed {
  return { catalog: getCatalog(), addOns: addOnConfig, shipping: shippingConfig, rules: demoRuleData };
}

/** Writes `seed` (version 1) into a database without store data; returns whether it did. */
export async function seedStoreData(db: Db, seed: StoreSeed = defaultStoreSeed()): Promise<boolean> {
  const rules = parseDiscountRules(seed.rules, 'the store seed');
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(storeDataVersion)
      .values({ id: 1, version: 1 })
      .onConflictDoNothing()
      .returning({ version: storeDataVersion.version });
    if (created.length === 0) return false;
    const { catalog, addOns, shipping } = seed;
    await tx
      .insert(storeSettings)
      .values({ id: 1, currency: catalog.currency, shippingIncludedGrams: shipping.includedGrams });
    await tx
      .insert(storeCategories)
      .values(catalog.categories.map((category, position) => ({ ...category, position })));
    await tx.insert(storeProducts).values(catalog.products.map((product, position) => ({ ...product, position })));
    await tx.insert(storeAddOns).values(addOns.addOns.map((addOn, position) => ({ ...addOn, position })));
    await tx.insert(storeShippingMethods).values(
      shipping.methods.map(({ id, displayName, freeAbove, deliversToPoBoxes }, position) => ({
        id,
        position,
        displayName,
        freeAbove,
        deliversToPoBoxes,
      })),
    );
    await tx.insert(storeShippingRates).values(
      shipping.methods.flatMap((method) =>
        Object.entries(method.rates).map(([region, rate]) => ({
          methodId: method.id,
          region,
          baseAmount: rate.baseAmount,
          perExtraKgAmount: rate.perExtraKgAmount,
          minBusinessDays: rate.estimate.minBusinessDays,
          maxBusinessDays: rate.estimate.maxBusinessDays,
        })),
      ),
    );
    await tx.insert(storeDiscountRules).values(
      seed.rules.map((rule, position) => ({
        id: rule.id,
        position,
        kind: rule.kind,
        code: rules[position]?.code ?? null,
        rule,
      })),
    );
    return true;
  });
}
