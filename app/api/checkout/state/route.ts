import type { NextRequest } from 'next/server';
import { checkoutStateQuerySchema } from '@/lib/checkout/contract';
import { getCheckoutState } from '@/lib/checkout/view';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { parseWith } from '@/lib/http/json-body';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import { readShopperId } from '@/lib/shopper';
import { currentStoreData } from '@/lib/store-data/current';

/** The shopper's checkout as a `CheckoutStateView`, from the server's record (no Stripe call). */
export const GET = withErrorHandling(async (request: NextRequest) => {
  const { sessionId } = parseWith(checkoutStateQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  const [store, clock] = await Promise.all([currentStoreData(), now()]);
  const view = await getCheckoutState({
    db: await getDb(),
    catalog: store.catalog,
    offer: store,
    now: clock,
    sessionId,
    shopperId: readShopperId(request.cookies),
  });
  return jsonResponse(view);
});
