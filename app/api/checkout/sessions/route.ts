import type { NextRequest } from 'next/server';
import { readSignedInCustomer } from '@/lib/accounts/current-customer';
import { startCheckoutSchema } from '@/lib/checkout/contract';
import { checkoutDepsFor } from '@/lib/checkout/deps';
import { startCheckout } from '@/lib/checkout/start';
import { readJsonBody } from '@/lib/http/json-body';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import { readShopperId } from '@/lib/shopper';

/** Opens (or resumes) the Checkout Session for the shopper's cart → `{sessionId, clientSecret, notices}`. */
export const POST = withErrorHandling(async (request: NextRequest) => {
  const { replacing } = await readJsonBody(request, startCheckoutSchema, { allowEmpty: true });
  const started = await startCheckout({
    ...(await checkoutDepsFor(request)),
    shopperId: readShopperId(request.cookies),
    customer: await readSignedInCustomer(request.headers),
    ...(replacing ? { replacing } : {}),
  });
  return jsonResponse(started);
});
