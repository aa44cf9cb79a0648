import type { NextRequest } from 'next/server';
import { checkoutDepsFor } from '@/lib/checkout/deps';
import { updateCheckoutState } from '@/lib/checkout/interactions';
import { shippingOptionRequestSchema } from '@/lib/checkout/contract';
import { readJsonBody } from '@/lib/http/json-body';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import { readShopperId } from '@/lib/shopper';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Chooses one of the shipping methods offered for the address → `CheckoutStateView`. */
export const POST = withErrorHandling(async (request: NextRequest) => {
  const { sessionId, methodId } = await readJsonBody(request, shippingOptionRequestSchema);
  const view = await updateCheckoutState({
    ...(await checkoutDepsFor(request)),
    sessionId,
    shopperId: readShopperId(request.cookies),
    intent: { type: 'set-shipping-method', methodId },
  });
  return jsonResponse(view);
});
