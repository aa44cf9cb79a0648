/**
 * What an open checkout can still sell, checked on every update against the store's data as it is now: an item the
 * merchant withdrew (no longer in the catalog) or that sold out is removed, and one with fewer units left than the
 * order holds (or a lower per-order limit) is reduced — each with a notice naming it. With nothing left to sell the
 * update is refused (409 `checkout_items_unavailable`): a checkout is never emptied under the shopper. Pure.
 */
import { maxQuantityFor } from '@/lib/cart/rules';
import type { Catalog } from '@/lib/catalog/schema';
import type { UpdateNotice } from '@/lib/checkout/contract';
import { AppError } from '@/lib/http/app-error';
import type { CheckoutSelections, QuoteLine } from '@/lib/pricing/types';

export type AvailableItems = { items: CheckoutSelections['items']; notices: UpdateNotice[] };

export function availableItems(
  items: CheckoutSelections['items'],
  context: {
    catalog: Catalog;
    unavailableUnits: ReadonlyMap<string, number>;
    /** The lines the checkout was last priced with: the names of items the catalog no longer has. */
    quotedLines?: ReadonlyArray<Pick<QuoteLine, 'productId' | 'name'>>;
  },
): AvailableItems {
  const kept: Array<CheckoutSelections['items'][number]> = [];
  const notices: UpdateNotice[] = [];
  const gone: string[] = [];
  for (const item of items) {
    const product = context.catalog.products.find((p) => p.id === item.productId);
    if (!product) {
      const name = context.quotedLines?.find((line) => line.productId === item.productId)?.name ?? 'An item';
      gone.push(name);
      notices.push({
        code: 'item_removed',
        message: `${name} is no longer available, so it was removed from your order.`,
      });
      continue;
    }
    const most = maxQuantityFor(product, context.unavailableUnits.get(product.id) ?? 0);
    if (most === 0) {
      gone.push(product.name);
      notices.push({ code: 'item_removed', message: `${product.name} sold out, so it was removed from your order.` });
    } else if (item.quantity > most) {
      kept.push({ ...item, quantity: most });
      notices.push({
        code: 'item_quantity_reduced',
        message: `Only ${most} of ${product.name} can be ordered now, so your order has ${most}.`,
      });
    } else {
      kept.push(item);
    }
  }
  if (kept.length === 0 && gone.length > 0) {
    throw new AppError(
      409,
      'checkout_items_unavailable',
      `${gone.join(' and ')} ${gone.length === 1 ? 'is' : 'are'} no longer available. Go back to the store to choose something else.`,
    );
  }
  return { items: notices.length === 0 ? items : kept, notices };
}
