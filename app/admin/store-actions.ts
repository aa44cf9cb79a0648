'use server';

import { revalidatePath } from 'next/cache';
import { addOnFormSchema, productFormSchema, shippingRateFormSchema } from '@/lib/admin/catalog-forms';
import { type AdminFormState, parseAdminForm } from '@/lib/admin/forms';
import { requireMerchantAction } from '@/lib/admin/guard';
import { promotionToggleSchema, readPromotionForm, refusal } from '@/lib/admin/promotion-form';
import { editAddOn, editProduct, editShippingRate, saveRule, setRuleEnabled } from '@/lib/admin/store-edits';
import { getDb } from '@/lib/db';
import { currentStoreData } from '@/lib/store-data/current';
import { InvalidStoreDataError } from '@/lib/store-data/types';

/**
 * The console's edits of the store's data (promotions, the catalog). As every admin Server Action: the guard first,
 * then zod, then lib/admin (audited). After a change the console page shows it; carts and open checkouts price from it
 * on their next request (the storefront's prerendered pages only after the next deploy: README, "Store data").
 */

/** The store data refused the change: its issues ("path: message") at the form's fields. */
function refusedByStore(error: unknown, fieldOf: (path: string) => string | null): AdminFormState {
  if (!(error instanceof InvalidStoreDataError)) throw error;
  return refusal(
    error.issues.map((issue) => {
      const at = issue.indexOf(': ');
      return at < 0 ? ['', issue] : [fieldOf(issue.slice(0, at)) ?? '', issue.slice(at + 2)];
    }),
  ).state;
}

function changed(page: string, message: string): AdminFormState {
  revalidatePath(page);
  return { status: 'done', message };
}

export async function savePromotionAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const merchant = await requireMerchantAction();
  const read = readPromotionForm(form, (await currentStoreData()).catalog.currency);
  if (!read.ok) return read.state;
  try {
    await saveRule(await getDb(), merchant, read.rule, read.creating);
    return changed('/admin/promotions', `${read.creating ? 'Created' : 'Saved'} ${read.rule.label}.`);
  } catch (error) {
    return refusedByStore(error, (path) => (path === 'id' ? 'ruleId' : path.startsWith('code') ? 'code' : null));
  }
}

export async function setPromotionActiveAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const merchant = await requireMerchantAction();
  const parsed = parseAdminForm(promotionToggleSchema, form);
  if (!parsed.ok) return parsed.state;
  const { ruleId, active } = parsed.data;
  try {
    const change = await setRuleEnabled(await getDb(), merchant, ruleId, active);
    return changed('/admin/promotions', `${change.after.rule.label} ${active ? 'enabled' : 'disabled'}.`);
  } catch (error) {
    return refusedByStore(error, () => null);
  }
}

const PRODUCT_FIELDS: Record<string, string> = {
  unitAmount: 'price',
  stock: 'stock',
  maxPerOrder: 'maxPerOrder',
  categoryId: 'categoryId',
  taxCode: 'taxCode',
};

export async function saveProductAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const merchant = await requireMerchantAction();
  const parsed = parseAdminForm(productFormSchema, form);
  if (!parsed.ok) return parsed.state;
  const { productId, price, ...fields } = parsed.data;
  try {
    const change = await editProduct(await getDb(), merchant, productId, { unitAmount: price, ...fields });
    return changed('/admin/catalog', `Saved ${change.after.name}.`);
  } catch (error) {
    return refusedByStore(error, (path) => PRODUCT_FIELDS[path] ?? null);
  }
}

export async function saveAddOnAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const merchant = await requireMerchantAction();
  const parsed = parseAdminForm(addOnFormSchema, form);
  if (!parsed.ok) return parsed.state;
  const { addOnId, price, share, active } = parsed.data;
  const patch =
    price !== undefined
      ? { price: { kind: 'flat' as const, amount: price }, active }
      : share !== undefined
        ? { price: { kind: 'share-of-item' as const, basisPoints: share }, active }
        : { active };
  try {
    const change = await editAddOn(await getDb(), merchant, addOnId, patch);
    return changed('/admin/catalog', `Saved ${change.after.name}.`);
  } catch (error) {
    return refusedByStore(error, () => null);
  }
}

export async function saveShippingRateAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const merchant = await requireMerchantAction();
  const parsed = parseAdminForm(shippingRateFormSchema, form);
  if (!parsed.ok) return parsed.state;
  const { methodId, region, ...patch } = parsed.data;
  try {
    await editShippingRate(await getDb(), merchant, { methodId, region }, patch);
    return changed('/admin/catalog', `Saved the ${methodId} rate for ${region}.`);
  } catch (error) {
    return refusedByStore(error, () => null);
  }
}
