import type { NextRequest } from 'next/server';
import { checkoutDepsFor } from '@/lib/checkout/deps';
import { shippingAddressRequestSchema } from '@/lib/checkout/requests';
import { setShippingAddress } from '@/lib/checkout/shipping-address';
import { checkoutNotFound } from '@/lib/checkout/update';
import { readJsonBody } from '@/lib/http/json-body';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import { readShopperId } from '@/lib/shopper';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Sets the checkout's shipping address (server_only on the session) → `{total, currency}` as Stripe now has them. */
export const POST = withErrorHandling(async (request: NextRequest) => {
  const { sessionId, address } = await readJsonBody(request, shippingAddressRequestSchema);
  const shopperId = readShopperId(request.cookies);
  if (!shopperId) throw checkoutNotFound();
  const result = await setShippingAddress({ ...(await checkoutDepsFor(request)), sessionId, shopperId, address });
  return jsonResponse(result);
});
