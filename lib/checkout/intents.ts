/**
 * What a shopper asks the checkout to change, as data, and the pure function that applies it to the stored selections.
 * Every dynamic update goes through `updateCheckout` with one of these; new interactions add a variant here.
 */
import type { Catalog } from '@/lib/catalog/schema';
import { applySetAddOn, type SetAddOnIntent, tidyAddOns } from '@/lib/checkout/add-on-intent';
import { assertShippableAddress } from '@/lib/checkout/address';
import { applyDiscountCode, type DiscountCodeIntent } from '@/lib/checkout/discount-code-intent';
import type { DiscountRules } from '@/lib/checkout/price';
import { applySetQuantity, type SetQuantityIntent } from '@/lib/checkout/quantity-intent';
import { applySetShippingMethod, type SetShippingMethodIntent } from '@/lib/checkout/shipping-method-intent';
import type { CheckoutSelections, ShippingAddress } from '@/lib/pricing/types';

export type CheckoutIntent =
  | { type: 'replace-items'; items: ReadonlyArray<{ productId: string; quantity: number }> }
  | { type: 'set-shipping-address'; address: ShippingAddress }
  | SetAddOnIntent
  | SetQuantityIntent
  | SetShippingMethodIntent
  | DiscountCodeIntent
  /** Re-price with nothing changed (automatic promotions after a clock change, a session's first discount). */
  | { type: 'refresh' };

export type IntentContext = {
  catalog: Catalog;
  allowedCountries: ReadonlyArray<string>;
  /** Units sold per product id (missing = 0): bounds `set-quantity` by the stock left. */
  soldUnits: ReadonlyMap<string, number>;
  /** For `apply-code`: the rules and the shopper's context; null when the checkout cannot take discounts. */
  discounts: DiscountRules | null;
  /** The app's clock (shared with the emulator in tests): codes are checked against it. */
  now: Date;
};

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
      return tidyAddOns({ ...selections, items: intent.items.map((item) => ({ ...item })) }, context.catalog);
    case 'set-shipping-address':
      assertShippableAddress(intent.address, context.allowedCountries);
      return { ...selections, shippingAddress: { ...intent.address } };
    case 'set-add-on':
      return applySetAddOn(selections, intent, context);
    case 'set-quantity':
      return applySetQuantity(selections, intent, context);
    case 'set-shipping-method':
      return applySetShippingMethod(selections, intent, context);
    case 'apply-code':
    case 'remove-code':
      return applyDiscountCode(selections, intent, context);
    case 'refresh':
      return selections;
  }
}

export function sameItems(a: CheckoutSelections['items'], b: CheckoutSelections['items']): boolean {
  return (
    a.length === b.length &&
    a.every((item, i) => item.productId === b[i]?.productId && item.quantity === b[i]?.quantity)
  );
}
