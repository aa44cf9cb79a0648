/**
 * Changes to the store's data, for the merchant's console. Each one validates with the schema the seed modules use,
 * bumps `store_data_version` in the same transaction (so every instance's next checkout update reloads), re-validates
 * the whole store as it would then be (a change that breaks it, say a rule whose code another rule has, is refused and
 * rolled back), and returns the record before and after, for the console's audit log.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Product, productSchema } from '@/lib/catalog/schema';
import type { Db } from '@/lib/db/client';
import {
  storeAddOns,
  storeCategories,
  storeDataVersion,
  storeDiscountRules,
  storeProducts,
  storeShippingRates,
} from '@/lib/db/schema';
import { type DiscountRuleInput, discountRuleSchema } from '@/lib/discounts/schema';
import { loadStoreData, productOfRow } from '@/lib/store-data/load';
import { InvalidStoreDataError, StoreDataMissingError } from '@/lib/store-data/types';
import { parseStoreData } from '@/lib/store-data/validate';

export type StoredProduct = Product & { active: boolean };
export type StoredRule = { id: string; kind: string; code: string | null; active: boolean; rule: DiscountRuleInput };
export type Change<T> = { before: T | null; after: T; version: number };

export const productPatchSchema = productSchema.omit({ id: true, currency: true }).partial().extend({
  active: z.boolean().optional(),
});
export type ProductPatch = z.input<typeof productPatchSchema>;

/** Changes some of a product's fields (price, stock, per-order maximum, category, tax code, image, `active`…). */
export async function updateProduct(db: Db, id: string, patch: ProductPatch): Promise<Change<StoredProduct>> {
  const changes = parseStoreData(productPatchSchema.strict(), patch, `product ${id}`);
  return inStoreChange(db, async (tx) => {
    const [row] = await tx.select().from(storeProducts).where(eq(storeProducts.id, id)).for('update');
    if (!row) throw new InvalidStoreDataError(`product ${id}`, ['no such product']);
    const before: StoredProduct = { ...productOfRow(row), active: row.active };
    const { active = before.active, ...fields } = changes;
    const product = parseStoreData(productSchema, { ...productOfRow(row), ...fields }, `product ${id}`);
    const [category] = await tx.select().from(storeCategories).where(eq(storeCategories.id, product.categoryId));
    if (!category)
      throw new InvalidStoreDataError(`product ${id}`, [`categoryId: unknown category ${product.categoryId}`]);
    await tx
      .update(storeProducts)
      .set({ ...product, active, updatedAt: sql`now()` })
      .where(eq(storeProducts.id, id));
    return { before, after: { ...product, active } };
  });
}

export type StoredAddOn = Omit<typeof storeAddOns.$inferSelect, 'position' | 'createdAt' | 'updatedAt'>;
export type AddOnPatch = Partial<Omit<StoredAddOn, 'id'>>;

/** Changes an add-on (price, eligibility, `active`…); the store as changed must pass `addOnConfigSchema`. */
export async function updateAddOn(db: Db, id: string, patch: AddOnPatch): Promise<Change<StoredAddOn>> {
  return inStoreChange(db, async (tx) => {
    const [row] = await tx.select().from(storeAddOns).where(eq(storeAddOns.id, id)).for('update');
    if (!row) throw new InvalidStoreDataError(`add-on ${id}`, ['no such add-on']);
    const { position: _position, createdAt: _createdAt, updatedAt: _updatedAt, ...before } = row;
    const after = { ...before, ...patch, id };
    await tx
      .update(storeAddOns)
      .set({ ...after, updatedAt: sql`now()` })
      .where(eq(storeAddOns.id, id));
    return { before, after };
  });
}

export type StoredShippingRate = typeof storeShippingRates.$inferSelect;
export type ShippingRatePatch = Partial<Omit<StoredShippingRate, 'methodId' | 'region'>>;

/** Changes a shipping method's rate in one region; the store as changed must pass `shippingConfigSchema`. */
export async function updateShippingRate(
  db: Db,
  methodId: string,
  region: string,
  patch: ShippingRatePatch,
): Promise<Change<StoredShippingRate>> {
  return inStoreChange(db, async (tx) => {
    const where = and(eq(storeShippingRates.methodId, methodId), eq(storeShippingRates.region, region));
    const [before] = await tx.select().from(storeShippingRates).where(where).for('update');
    if (!before) throw new InvalidStoreDataError(`shipping rate ${methodId} ${region}`, ['no such rate']);
    const after = { ...before, ...patch, methodId, region };
    await tx.update(storeShippingRates).set(after).where(where);
    return { before, after };
  });
}

/** Creates or replaces a discount rule (validated with `discountRuleSchema`); a new rule is active and listed last. */
export async function upsertRule(db: Db, input: DiscountRuleInput): Promise<Change<StoredRule>> {
  const rule = parseStoreData(discountRuleSchema, input, `discount rule ${String(input.id)}`);
  return inStoreChange(db, async (tx) => {
    const before = await storedRule(tx, rule.id);
    if (rule.code !== undefined) {
      const [taken] = await tx
        .select({ id: storeDiscountRules.id })
        .from(storeDiscountRules)
        .where(and(eq(storeDiscountRules.code, rule.code), ne(storeDiscountRules.id, rule.id)));
      if (taken) throw new InvalidStoreDataError(`discount rule ${rule.id}`, [`code: ${rule.code} is ${taken.id}'s`]);
    }
    const after: StoredRule = {
      id: rule.id,
      kind: rule.kind,
      code: rule.code ?? null,
      active: before?.active ?? true,
      rule: input,
    };
    await tx
      .insert(storeDiscountRules)
      .values({
        ...after,
        position: sql`(select coalesce(max(${storeDiscountRules.position}), -1) + 1 from ${storeDiscountRules})`,
      })
      .onConflictDoUpdate({
        target: storeDiscountRules.id,
        set: { kind: after.kind, code: after.code, rule: after.rule, updatedAt: sql`now()` },
      });
    return { before, after };
  });
}

/** Turns a discount rule on or off: an inactive rule neither applies automatically nor accepts its code. */
export async function setRuleActive(db: Db, id: string, active: boolean): Promise<Change<StoredRule>> {
  return inStoreChange(db, async (tx) => {
    const before = await storedRule(tx, id);
    if (!before) throw new InvalidStoreDataError(`discount rule ${id}`, ['no such rule']);
    await tx.update(storeDiscountRules).set({ active, updatedAt: sql`now()` }).where(eq(storeDiscountRules.id, id));
    return { before, after: { ...before, active } };
  });
}

async function storedRule(tx: Db, id: string): Promise<StoredRule | null> {
  const [row] = await tx.select().from(storeDiscountRules).where(eq(storeDiscountRules.id, id)).for('update');
  if (!row) return null;
  return { id: row.id, kind: row.kind, code: row.code, active: row.active, rule: row.rule as DiscountRuleInput };
}

/**
 * Runs `change` in a transaction that first bumps the version (its row lock serialises every change of the store's
 * data) and finally loads the whole store as changed, so an invalid result rolls back.
 */
async function inStoreChange<T>(
  db: Db,
  change: (tx: Db) => Promise<{ before: T | null; after: T }>,
): Promise<Change<T>> {
  return db.transaction(async (tx) => {
    const [bumped] = await tx
      .update(storeDataVersion)
      .set({ version: sql`${storeDataVersion.version} + 1`, updatedAt: sql`now()` })
      .where(eq(storeDataVersion.id, 1))
      .returning({ version: storeDataVersion.version });
    if (!bumped) throw new StoreDataMissingError();
    const result = await change(tx);
    await loadStoreData(tx);
    return { ...result, version: bumped.version };
  });
}
