import { type AddOnConfig, addOnConfig, addOnUnitAmount, checkAddOnEligibility } from '@/lib/catalog/add-ons';
import type { Catalog } from '@/lib/catalog/schema';
import type { CartItem } from '@/lib/pricing/cart';
import type { CheckoutSelections, QuoteLine } from '@/lib/pricing/types';

/**
 * Lines for the selected add-ons that are still eligible, in add-on display order (per-item add-ons then in cart
 * order), whatever order they were selected in. Ineligible or repeated selections are dropped.
 */
export function addOnLinesOf(
  selections: Pick<CheckoutSelections, 'items' | 'addOns' | 'giftMessage'>,
  cart: ReadonlyArray<CartItem>,
  catalog: Catalog,
  config: AddOnConfig = addOnConfig,
): QuoteLine[] {
  if (config.currency !== catalog.currency) {
    throw new Error(`add-ons are priced in ${config.currency}, the catalog in ${catalog.currency}`);
  }
  const isSelected = (addOnId: string, productId: string | null) =>
    selections.addOns.some((a) => a.addOnId === addOnId && a.productId === productId) &&
    checkAddOnEligibility(addOnId, productId, selections, catalog, config).ok;

  const lines: QuoteLine[] = [];
  for (const addOn of config.addOns) {
    if (addOn.scope === 'order') {
      if (!isSelected(addOn.id, null)) continue;
      const unitAmount = addOnUnitAmount(addOn, null);
      const description = addOn.id === 'gift-message' ? giftMessageDescription(selections.giftMessage) : null;
      lines.push({
        key: `add-on:${addOn.id}`,
        kind: 'add-on',
        productId: null,
        addOnId: addOn.id,
        name: addOn.name,
        description: description ?? addOn.description,
        image: null,
        taxCode: addOn.taxCode,
        unitAmount,
        quantity: 1,
        amount: unitAmount,
      });
      continue;
    }
    for (const { product, quantity } of cart) {
      if (!isSelected(addOn.id, product.id)) continue;
      const unitAmount = addOnUnitAmount(addOn, product);
      lines.push({
        key: `add-on:${addOn.id}:${product.id}`,
        kind: 'add-on',
        productId: product.id,
        addOnId: addOn.id,
        name: `${addOn.name} — ${product.name}`,
        description: addOn.description,
        image: null,
        taxCode: addOn.taxCode,
        unitAmount,
        quantity,
        amount: unitAmount * quantity,
      });
    }
  }
  return lines;
}

function giftMessageDescription(message: string | null): string | null {
  const text = message?.trim();
  return text ? `Your message: “${text.slice(0, 200)}”` : null;
}
