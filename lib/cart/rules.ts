import type { Product } from '@/lib/catalog/schema';
import { AppError } from '@/lib/http/app-error';

/** Units still for sale: catalog stock minus units sold. */
export function availableUnits(product: Pick<Product, 'stock'>, sold: number): number {
  return Math.max(0, product.stock - sold);
}

/** Most units of the product one cart may hold right now. */
export function maxQuantityFor(product: Pick<Product, 'stock' | 'maxPerOrder'>, sold: number): number {
  return Math.min(product.maxPerOrder, availableUnits(product, sold));
}

/** Why `quantity` units cannot be bought, or null when they can. */
export function quantityRefusal(product: Product, quantity: number, sold: number): string | null {
  const available = availableUnits(product, sold);
  if (available === 0) return `${product.name} is sold out.`;
  if (quantity > product.maxPerOrder) return `You can buy at most ${product.maxPerOrder} of ${product.name} per order.`;
  if (quantity > available) return `Only ${available} of ${product.name} left in stock.`;
  return null;
}

/** Throws 409 `quantity_unavailable`, naming the limit, when `quantity` units cannot be bought. */
export function assertQuantityAvailable(product: Product, quantity: number, sold: number): void {
  const refusal = quantityRefusal(product, quantity, sold);
  if (refusal) throw new AppError(409, 'quantity_unavailable', refusal);
}
