import type { AddOnConfig } from '@/lib/catalog/add-ons';
import type { Catalog } from '@/lib/catalog/schema';
import type { ShippingConfig } from '@/lib/catalog/shipping';
import type { DiscountRule } from '@/lib/discounts/schema';

/**
 * Everything the merchant edits, as the engines take it, at one version of the database: the catalog of products on
 * sale (withdrawn ones left out), the add-ons and shipping methods offered, and the active discount rules.
 */
export type StoreData = {
  version: number;
  catalog: Catalog;
  addOns: AddOnConfig;
  shipping: ShippingConfig;
  rules: ReadonlyArray<DiscountRule>;
};

/** The store's data in the database breaks its schema (or a change would make it so); `issues` say where. */
export class InvalidStoreDataError extends Error {
  constructor(
    what: string,
    readonly issues: ReadonlyArray<string>,
  ) {
    super(`${what}: ${issues.join('; ')}`);
    this.name = 'InvalidStoreDataError';
  }
}

/** The store's data has not been seeded (`npm run db:seed`; development and tests seed an empty database). */
export class StoreDataMissingError extends Error {
  constructor() {
    super('The store has no data yet: run `npm run db:seed` (after `npm run db:migrate`).');
    this.name = 'StoreDataMissingError';
  }
}
