import type { NextRequest } from 'next/server';
import { parseProductIdParam, setCartQuantitySchema } from '@/lib/cart/requests';
import { getCartView, removeFromCart, setCartQuantity } from '@/lib/cart/service';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { readJsonBody } from '@/lib/http/json-body';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import { readShopperId } from '@/lib/shopper';
import { currentStoreData } from '@/lib/store-data/current';

type Context = { params: Promise<{ productId: string }> };

async function productIdFrom(context: Context): Promise<string> {
  const { productId } = await context.params;
  const parsed = parseProductIdParam(productId);
  if (!parsed) throw new AppError(404, 'product_not_found', 'There is no such product.');
  return parsed;
}

/** Sets the quantity of an item in the cart; 0 removes it. */
export const PATCH = withErrorHandling(async (request: NextRequest, context: Context) => {
  const productId = await productIdFrom(context);
  const { quantity } = await readJsonBody(request, setCartQuantitySchema);
  const shopperId = readShopperId(request.cookies);
  if (!shopperId) throw new AppError(404, 'cart_item_not_found', 'That item is not in your cart.');
  return jsonResponse(
    await setCartQuantity(await getDb(), { shopperId, productId, quantity }, (await currentStoreData()).catalog),
  );
});

/** Removes an item from the cart (removing one that is not there is not an error). */
export const DELETE = withErrorHandling(async (request: NextRequest, context: Context) => {
  const productId = await productIdFrom(context);
  const shopperId = readShopperId(request.cookies);
  const db = await getDb();
  if (!shopperId) return jsonResponse(await getCartView(db, null, (await currentStoreData()).catalog));
  return jsonResponse(await removeFromCart(db, { shopperId, productId }, (await currentStoreData()).catalog));
});
