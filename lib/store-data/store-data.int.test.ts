import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCatalog } from '@/lib/catalog';
import { addOnConfig } from '@/lib/catalog/add-ons';
import { shippingConfig } from '@/lib/catalog/shipping';
import { createDb, type DbHandle } from '@/lib/db/client';
import { storeDiscountRules, storeProducts } from '@/lib/db/schema';
import { demoRules } from '@/lib/discounts';
import { loadStoreData, readStoreDataVersion } from '@/lib/store-data/load';
import { setRuleActive, updateAddOn, updateProduct, updateShippingRate, upsertRule } from '@/lib/store-data/mutations';
import { seedStoreData } from '@/lib/store-data/seed';
import { createStoreDataCache } from '@/lib/store-data/snapshot';
import { InvalidStoreDataError, StoreDataMissingError } from '@/lib/store-data/types';

let handle: DbHandle;
beforeEach(async () => {
  handle = await createDb({ pglite: 'memory://' });
  await handle.migrate();
});
afterEach(() => handle.close());

describe('the store data seed', () => {
  it('fills an empty database with exactly today’s catalog, add-ons, shipping rates and rules', async () => {
    await expect(loadStoreData(handle.db)).rejects.toBeInstanceOf(StoreDataMissingError);
    expect(await seedStoreData(handle.db)).toBe(true);
    expect(await loadStoreData(handle.db)).toEqual({
      version: 1,
      catalog: getCatalog(),
      addOns: addOnConfig,
      shipping: shippingConfig,
      rules: demoRules,
    });
  });

  it('is idempotent and never overwrites the merchant’s changes, even when seeders race', async () => {
    expect(await Promise.all([seedStoreData(handle.db), seedStoreData(handle.db)])).toEqual(
      expect.arrayContaining([true, false]),
    );
    await updateProduct(handle.db, 'pulse-speaker', { unitAmount: 8_900 });
    expect(await seedStoreData(handle.db)).toBe(false);
    const data = await loadStoreData(handle.db);
    expect(data.version).toBe(2);
    expect(data.catalog.products.find((p) => p.id === 'pulse-speaker')?.unitAmount).toBe(8_900);
    const [{ count } = { count: 0 }] = await handle.db
      .select({ count: sql<number>`count(*)::int` })
      .from(storeProducts);
    expect(count).toBe(getCatalog().products.length);
  });
});

describe('store data changes', () => {
  beforeEach(() => seedStoreData(handle.db));

  it('updates a product, bumps the version and returns before and after', async () => {
    const change = await updateProduct(handle.db, 'aurora-headphones', { unitAmount: 17_900, stock: 3 });
    expect(change.version).toBe(2);
    expect(change.before).toMatchObject({ unitAmount: 19_900, stock: 40, active: true });
    expect(change.after).toMatchObject({ unitAmount: 17_900, stock: 3, active: true });
    expect(await readStoreDataVersion(handle.db)).toBe(2);
  });

  it('leaves a withdrawn product out of the catalog the engines get', async () => {
    await updateProduct(handle.db, 'aurora-headphones', { active: false });
    const { catalog } = await loadStoreData(handle.db);
    expect(catalog.products.map((p) => p.id)).not.toContain('aurora-headphones');
    const [row] = await handle.db.select().from(storeProducts).where(eq(storeProducts.id, 'aurora-headphones'));
    expect(row?.active).toBe(false);
  });

  it('refuses an invalid product change with the schema’s reason, changing nothing', async () => {
    await expect(updateProduct(handle.db, 'aurora-headphones', { unitAmount: 10 })).rejects.toThrow(/unitAmount/);
    await expect(updateProduct(handle.db, 'aurora-headphones', { categoryId: 'no-such-category' })).rejects.toThrow(
      /unknown category/,
    );
    await expect(updateProduct(handle.db, 'no-such-product', { stock: 1 })).rejects.toBeInstanceOf(
      InvalidStoreDataError,
    );
    const data = await loadStoreData(handle.db);
    expect(data.version).toBe(1);
    expect(data.catalog).toEqual(getCatalog());
  });

  it('refuses an add-on or shipping rate the store’s schemas reject, and rolls back', async () => {
    await expect(updateAddOn(handle.db, 'gift-wrap', { price: { kind: 'flat', amount: 0 } })).rejects.toThrow(
      /store_add_ons: addOns\.0\.price\.amount/,
    );
    await expect(updateAddOn(handle.db, 'gift-wrap', { active: false })).rejects.toThrow(/bad requirement gift-wrap/);
    await expect(
      updateShippingRate(handle.db, 'standard', 'domestic', { minBusinessDays: 9, maxBusinessDays: 2 }),
    ).rejects.toThrow(/minimum after maximum/);
    expect(await loadStoreData(handle.db)).toMatchObject({ version: 1, addOns: addOnConfig, shipping: shippingConfig });
  });

  it('creates, replaces and disables rules with discountRuleSchema as the validator', async () => {
    const created = await upsertRule(handle.db, {
      id: 'spring-5',
      kind: 'code',
      code: 'spring5',
      label: '5% off',
      effect: { type: 'percent_off', basisPoints: 500 },
      combinable: true,
    });
    expect(created).toMatchObject({ before: null, after: { code: 'SPRING5', active: true }, version: 2 });
    const disabled = await setRuleActive(handle.db, 'spring-5', false);
    expect(disabled).toMatchObject({ before: { active: true }, after: { active: false }, version: 3 });
    const { rules } = await loadStoreData(handle.db);
    expect(rules.map((r) => r.id)).toEqual(demoRules.map((r) => r.id));

    await expect(
      upsertRule(handle.db, {
        id: 'bad',
        kind: 'automatic',
        code: 'X1X',
        label: 'x',
        effect: { type: 'percent_off', basisPoints: 1 },
        combinable: true,
      }),
    ).rejects.toThrow(/automatic rule has no code/);
    await expect(
      upsertRule(handle.db, {
        id: 'copy',
        kind: 'code',
        code: 'WELCOME10',
        label: 'x',
        effect: { type: 'percent_off', basisPoints: 1 },
        combinable: true,
      }),
    ).rejects.toThrow(/WELCOME10 is welcome-10's/);
    const [stored] = await handle.db.select().from(storeDiscountRules).where(eq(storeDiscountRules.id, 'copy'));
    expect(stored).toBeUndefined();
    expect(await readStoreDataVersion(handle.db)).toBe(3);
  });
});

describe('the store data snapshot', () => {
  beforeEach(() => seedStoreData(handle.db));

  it('reloads on every instance once any instance changed the data, and only then', async () => {
    const instanceA = createStoreDataCache();
    const instanceB = createStoreDataCache();
    const first = await instanceA.current(handle.db);
    expect(await instanceA.current(handle.db)).toBe(first);
    expect((await instanceB.current(handle.db)).version).toBe(1);

    await updateProduct(handle.db, 'pulse-speaker', { unitAmount: 6_900 });
    for (const instance of [instanceA, instanceB]) {
      const data = await instance.current(handle.db);
      expect(data.version).toBe(2);
      expect(data.catalog.products.find((p) => p.id === 'pulse-speaker')?.unitAmount).toBe(6_900);
    }
    expect(await instanceA.current(handle.db)).not.toBe(first);
  });

  it('reads the version with one query when nothing changed', async () => {
    const cache = createStoreDataCache();
    await cache.current(handle.db);
    let queries = 0;
    const counting = new Proxy(handle.db, {
      get(target, property, receiver) {
        if (property === 'select') queries += 1;
        return Reflect.get(target, property, receiver);
      },
    });
    await cache.current(counting);
    expect(queries).toBe(1);
  });
});
