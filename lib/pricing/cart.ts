import type { Catalog, Product } from '@/lib/catalog/schema';
import type { CheckoutSelections } from '@/lib/pricing/types';

export type CartItem = { product: Product; quantity: number };

/**
 * The cart as the quote sees it, in cart order: items whose product is unknown or whose quantity is not a positive
 * integer are dropped, repeated products are merged into their first position, and quantities are capped at the
 * product's `maxPerOrder` (the routes refuse such input before it gets here).
 */
export function resolveCartItems(items: CheckoutSelections['items'], catalog: Catalog): CartItem[] {
  const byProduct = new Map<string, CartItem>();
  for (const item of items) {
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) continue;
    const product = catalog.products.find((p) => p.id === item.productId);
    if (!product) continue;
    const existing = byProduct.get(product.id);
    const quantity = Math.min((existing?.quantity ?? 0) + item.quantity, product.maxPerOrder);
    byProduct.set(product.id, { product, quantity });
  }
  return [...byProduct.values()];
}
