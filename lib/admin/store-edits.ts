/**
 * The merchant's edits of the store's data: each one is a lib/store-data mutation and its audit line (before and
 * after) in one transaction, so there is never a change without its record or a record without its change.
 */
import { audited } from '@/lib/admin/audit';
import type { Merchant } from '@/lib/admin/merchants';
import type { Db } from '@/lib/db/client';
import type { DiscountRuleInput } from '@/lib/discounts/schema';
import {
  type AddOnPatch,
  type Change,
  type ProductPatch,
  type ShippingRatePatch,
  setRuleActive,
  updateAddOn,
  updateProduct,
  updateShippingRate,
  upsertRule,
} from '@/lib/store-data/mutations';
import { InvalidStoreDataError } from '@/lib/store-data/types';

async function auditedChange<T>(
  db: Db,
  merchant: Merchant,
  action: string,
  subject: string,
  change: (tx: Db) => Promise<Change<T>>,
): Promise<Change<T>> {
  return db.transaction(async (tx) => {
    const made = await change(tx);
    await audited(tx, merchant, { action, subject, before: made.before, after: made.after });
    return made;
  });
}

/**
 * Creates a rule (`creating`: refused, rolled back, when its id is taken — never a silent overwrite) or replaces one
 * (refused when there is none).
 */
export const saveRule = (db: Db, merchant: Merchant, rule: DiscountRuleInput, creating: boolean) =>
  auditedChange(db, merchant, creating ? 'promotion.create' : 'promotion.edit', `rule:${rule.id}`, async (tx) => {
    const change = await upsertRule(tx, rule);
    if (creating && change.before)
      throw new InvalidStoreDataError(`discount rule ${rule.id}`, ['id: another promotion has this id']);
    if (!creating && !change.before) throw new InvalidStoreDataError(`discount rule ${rule.id}`, ['no such promotion']);
    return change;
  });

export const setRuleEnabled = (db: Db, merchant: Merchant, ruleId: string, active: boolean) =>
  auditedChange(db, merchant, active ? 'promotion.enable' : 'promotion.disable', `rule:${ruleId}`, (tx) =>
    setRuleActive(tx, ruleId, active),
  );

export const editProduct = (db: Db, merchant: Merchant, productId: string, patch: ProductPatch) =>
  auditedChange(db, merchant, 'catalog.product', `product:${productId}`, (tx) => updateProduct(tx, productId, patch));

export const editAddOn = (db: Db, merchant: Merchant, addOnId: string, patch: AddOnPatch) =>
  auditedChange(db, merchant, 'catalog.add_on', `add_on:${addOnId}`, (tx) => updateAddOn(tx, addOnId, patch));

export const editShippingRate = (
  db: Db,
  merchant: Merchant,
  rate: { methodId: string; region: string },
  patch: ShippingRatePatch,
) =>
  auditedChange(db, merchant, 'catalog.shipping_rate', `shipping_rate:${rate.methodId}:${rate.region}`, (tx) =>
    updateShippingRate(tx, rate.methodId, rate.region, patch),
  );
