import { z } from 'zod';
import { MAX_REQUEST_QUANTITY } from '@/lib/checkout/contract';

export const productIdSchema = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a product id');

/** POST /api/cart/items — ids and quantities only; any price field is rejected. */
export const addCartItemSchema = z
  .object({ productId: productIdSchema, quantity: z.number().int().min(1).max(MAX_REQUEST_QUANTITY).default(1) })
  .strict();

/** PATCH /api/cart/items/[productId] — 0 removes the item. */
export const setCartQuantitySchema = z.object({ quantity: z.number().int().min(0).max(MAX_REQUEST_QUANTITY) }).strict();

/** A product id from the URL; null when it cannot be one. */
export function parseProductIdParam(value: string): string | null {
  return productIdSchema.safeParse(value).success ? value : null;
}
