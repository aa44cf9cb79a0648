import type { NextRequest } from 'next/server';
import { getCartView } from '@/lib/cart/service';
import { getDb } from '@/lib/db';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import { readShopperId } from '@/lib/shopper';
import { currentStoreData } from '@/lib/store-data/current';

export const GET = withErrorHandling(async (request: NextRequest) => {
  const shopperId = readShopperId(request.cookies);
  const view = await getCartView(await getDb(), shopperId, (await currentStoreData()).catalog);
  return jsonResponse(view);
});
