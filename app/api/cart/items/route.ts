import type { NextRequest } from 'next/server';
import { addCartItemSchema } from '@/lib/cart/requests';
import { addToCart } from '@/lib/cart/service';
import { getDb } from '@/lib/db';
import { readJsonBody } from '@/lib/http/json-body';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import { resolveShopper, setShopperCookie } from '@/lib/shopper';
import { currentStoreData } from '@/lib/store-data/current';

/** Adds units of a product to the shopper's cart (creating the shopper cookie on first use). */
export const POST = withErrorHandling(async (request: NextRequest) => {
  const body = await readJsonBody(request, addCartItemSchema);
  const { shopperId, isNew } = resolveShopper(request.cookies);
  const view = await addToCart(await getDb(), { shopperId, ...body }, (await currentStoreData()).catalog);
  const response = jsonResponse(view);
  if (isNew) setShopperCookie(response.cookies, shopperId);
  return response;
});
