/** `set-quantity`: change how many units of an item the order holds; 0 removes it (never the last one). */
import { quantityRefusal } from '@/lib/cart/rules';
import { tidyAddOns } from '@/lib/checkout/add-on-intent';
import type { IntentContext } from '@/lib/checkout/intents';
import { AppError } from '@/lib/http/app-error';
import type { CheckoutSelections } from '@/lib/pricing/types';

export type SetQuantityIntent = { type: 'set-quantity'; productId: string; quantity: number };

export function applySetQuantity(
  selections: CheckoutSelections,
  intent: SetQuantityIntent,
  context: Pick<IntentContext, 'catalog' | 'soldUnits'>,
): CheckoutSelections {
  const { productId, quantity } = intent;
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new AppError(400, 'invalid_request', 'The quantity must be a whole number, 0 or more.');
  }
  const product = context.catalog.products.find((p) => p.id === productId);
  const current = selections.items.find((item) => item.productId === productId);
  if (!product || !current) {
    // Removing something already gone is a no-op, so a retried removal does not fail.
    if (quantity === 0) return selections;
    throw new AppError(404, 'checkout_item_not_found', `${product?.name ?? 'That product'} is not in your order.`);
  }
  const others = selections.items.filter((item) => item.productId !== productId);
  if (quantity === 0) {
    if (others.length === 0) {
      throw new AppError(
        409,
        'last_item',
        `${product.name} is the only item in your order. To remove it, go back to the store and change your cart.`,
      );
    }
    return tidyAddOns({ ...selections, items: others }, context.catalog);
  }
  // Lowering a quantity is always allowed, even when fewer units are left than the order holds.
  if (quantity > current.quantity || quantity > product.maxPerOrder) {
    const refusal = quantityRefusal(product, quantity, context.soldUnits.get(productId) ?? 0);
    if (refusal) throw new AppError(409, 'quantity_unavailable', refusal);
  }
  const items = selections.items.map((item) => (item.productId === productId ? { productId, quantity } : item));
  return tidyAddOns({ ...selections, items }, context.catalog);
}
