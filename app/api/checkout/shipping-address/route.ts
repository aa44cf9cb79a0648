import type { NextRequest } from 'next/server';
import { checkoutDepsFor } from '@/lib/checkout/deps';
import { shippingAddressRequestSchema } from '@/lib/checkout/contract';
import { setShippingAddress } from '@/lib/checkout/shipping-address';
import { readJsonBody } from '@/lib/http/json-body';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import { readShopperId } from '@/lib/shopper';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Sets the checkout's shipping address (server_only on the session) → `CheckoutStateView`. */
export const POST = withErrorHandling(async (request: NextRequest) => {
  const { sessionId, address } = await readJsonBody(request, shippingAddressRequestSchema);
  const view = await setShippingAddress({
    ...(await checkoutDepsFor(request)),
    sessionId,
    shopperId: readShopperId(request.cookies),
    address,
  });
  return jsonResponse(view);
});
