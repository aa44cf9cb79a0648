/**
 * What a fresh checkout keeps from the shopper's last one that ended unpaid, as pure functions: each choice is
 * re-applied to the new order through the same intent a shopper's own change goes through, so whatever no longer
 * holds (a code used up or expired meanwhile, a method no longer offered) is left out with the refusal's words as a
 * notice; quantities are lowered to the stock left.
 */
import { maxQuantityFor, quantityRefusal } from '@/lib/cart/rules';
import type { Catalog } from '@/lib/catalog/schema';
import { GIFT_MESSAGE_ADD_ON_ID } from '@/lib/checkout/contract';
import { applyIntent, type CheckoutIntent, emptySelections, type IntentContext } from '@/lib/checkout/intents';
import { isAppError } from '@/lib/http/app-error';
import type { CheckoutSelections } from '@/lib/pricing/types';

type Item = CheckoutSelections['items'][number];
type Items = ReadonlyArray<Item>;

export type CarriedOver = { selections: CheckoutSelections; notices: string[] };

/** The intents that rebuild `previous` on top of `items`, in the order a shopper would make them. */
function choicesOf(previous: CheckoutSelections, items: Items): CheckoutIntent[] {
  const inOrder = new Set(items.map((item) => item.productId));
  return [
    ...(previous.shippingAddress ? [{ type: 'set-shipping-address' as const, address: previous.shippingAddress }] : []),
    ...(previous.shippingMethodId
      ? [{ type: 'set-shipping-method' as const, methodId: previous.shippingMethodId }]
      : []),
    // A warranty goes with its item: one for an item no longer in the order is simply not carried.
    ...previous.addOns
      .filter((addOn) => addOn.productId === null || inOrder.has(addOn.productId))
      .map((addOn) => ({
        type: 'set-add-on' as const,
        addOnId: addOn.addOnId,
        productId: addOn.productId,
        selected: true,
        ...(addOn.addOnId === GIFT_MESSAGE_ADD_ON_ID && previous.giftMessage
          ? { giftMessage: previous.giftMessage }
          : {}),
      })),
    ...previous.discountCodes.map((code) => ({ type: 'apply-code' as const, code })),
  ];
}

/** `previous`'s choices re-applied to a new order of `items`; what is refused is left out, its reason a notice. */
export function carryOver(previous: CheckoutSelections, items: Items, context: IntentContext): CarriedOver {
  let selections = emptySelections(items.map((item) => ({ ...item })));
  const notices: string[] = [];
  for (const choice of choicesOf(previous, items)) {
    try {
      const outcome = applyIntent(selections, choice, context);
      selections = outcome.selections;
      notices.push(...outcome.notices.map((notice) => notice.message));
    } catch (error) {
      if (!isAppError(error) || error.status >= 500) throw error;
      notices.push(error.message);
    }
  }
  return { selections, notices };
}

/** The items lowered to what can be bought now (sold-out ones taken out), with a notice for each change. */
export function clampToStock(
  items: Items,
  catalog: Catalog,
  unavailable: ReadonlyMap<string, number>,
): { items: Item[]; notices: string[] } {
  const kept: Item[] = [];
  const notices: string[] = [];
  for (const item of items) {
    const product = catalog.products.find((p) => p.id === item.productId);
    if (!product) continue;
    const unavailableUnits = unavailable.get(product.id) ?? 0;
    const refusal = quantityRefusal(product, item.quantity, unavailableUnits);
    const most = maxQuantityFor(product, unavailableUnits);
    if (refusal === null) kept.push({ ...item });
    else if (most === 0) notices.push(`${refusal} It was taken out of your order.`);
    else {
      notices.push(`${refusal} Your order now has ${most}.`);
      kept.push({ productId: item.productId, quantity: most });
    }
  }
  return { items: kept, notices };
}
