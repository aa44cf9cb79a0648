/**
 * What a shopper asks the checkout to change, as data, and the pure function that applies it to the stored selections.
 * Every dynamic update goes through `updateCheckout` with one of these; new interactions add a variant here.
 */
import { pruneIneligibleAddOns } from '@/lib/catalog/add-ons';
import type { Catalog } from '@/lib/catalog/schema';
import { assertShippableAddress } from '@/lib/checkout/address';
import type { CheckoutSelections, ShippingAddress } from '@/lib/pricing/types';

export type CheckoutIntent =
  | { type: 'replace-items'; items: ReadonlyArray<{ productId: string; quantity: number }> }
  | { type: 'set-shipping-address'; address: ShippingAddress };

export type IntentContext = { catalog: Catalog; allowedCountries: ReadonlyArray<string> };

export function emptySelections(items: CheckoutSelections['items']): CheckoutSelections {
  return { items, addOns: [], giftMessage: null, shippingAddress: null, shippingMethodId: null, discountCodes: [] };
}

/** The selections after `intent`; throws an AppError (4xx) when the intent is not allowed. Pure. */
export function applyIntent(
  selections: CheckoutSelections,
  intent: CheckoutIntent,
  context: IntentContext,
): CheckoutSelections {
  switch (intent.type) {
    case 'replace-items':
      return pruneIneligibleAddOns(
        { ...selections, items: intent.items.map((item) => ({ ...item })) },
        context.catalog,
      );
    case 'set-shipping-address':
      assertShippableAddress(intent.address, context.allowedCountries);
      return { ...selections, shippingAddress: { ...intent.address } };
  }
}

export function sameItems(a: CheckoutSelections['items'], b: CheckoutSelections['items']): boolean {
  return (
    a.length === b.length &&
    a.every((item, i) => item.productId === b[i]?.productId && item.quantity === b[i]?.quantity)
  );
}
