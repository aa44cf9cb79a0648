import type { NextRequest } from 'next/server';
import { checkoutDepsFor } from '@/lib/checkout/deps';
import { updateCheckoutState } from '@/lib/checkout/interactions';
import { addOnRequestSchema } from '@/lib/checkout/contract';
import { readJsonBody } from '@/lib/http/json-body';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import { readShopperId } from '@/lib/shopper';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Selects or removes an add-on (with the gift message card's text) → `CheckoutStateView`. */
export const POST = withErrorHandling(async (request: NextRequest) => {
  const { sessionId, addOnId, productId, selected, giftMessage } = await readJsonBody(request, addOnRequestSchema);
  const view = await updateCheckoutState({
    ...(await checkoutDepsFor(request)),
    sessionId,
    shopperId: readShopperId(request.cookies),
    intent: { type: 'set-add-on', addOnId, productId, selected, giftMessage },
  });
  return jsonResponse(view);
});
