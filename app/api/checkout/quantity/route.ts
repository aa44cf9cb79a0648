import type { NextRequest } from 'next/server';
import { checkoutDepsFor } from '@/lib/checkout/deps';
import { updateCheckoutState } from '@/lib/checkout/interactions';
import { quantityRequestSchema } from '@/lib/checkout/contract';
import { readJsonBody } from '@/lib/http/json-body';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import { readShopperId } from '@/lib/shopper';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Changes an item's quantity (0 removes it; the cart follows) → `CheckoutStateView`. */
export const POST = withErrorHandling(async (request: NextRequest) => {
  const { sessionId, productId, quantity } = await readJsonBody(request, quantityRequestSchema);
  const view = await updateCheckoutState({
    ...(await checkoutDepsFor(request)),
    sessionId,
    shopperId: readShopperId(request.cookies),
    intent: { type: 'set-quantity', productId, quantity },
  });
  return jsonResponse(view);
});
