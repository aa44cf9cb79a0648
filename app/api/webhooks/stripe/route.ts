import type { NextRequest } from 'next/server';
import { getServerConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/http/app-error';
import { readRawText } from '@/lib/http/json-body';
import { jsonResponse, toErrorResponse } from '@/lib/http/responses';
import { processWebhook } from '@/lib/orders/webhook';
import { getStripe } from '@/lib/stripe/client';

const MAX_EVENT_BYTES = 512 * 1024;

/** Stripe's webhook endpoint; reads the raw body (the signature covers its exact bytes). 400 for a bad signature (nothing stored); 500 only when handling fails, so Stripe retries. */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    const rawBody = await readRawText(request, MAX_EVENT_BYTES);
    const result = await processWebhook({
      db: await getDb(),
      stripe: getStripe(),
      webhookSecret: getServerConfig().stripe.webhookSecret,
      rawBody,
      signature: request.headers.get('stripe-signature'),
    });
    return jsonResponse({ received: true, duplicate: result.duplicate });
  } catch (error) {
    if (!isAppError(error) || error.status >= 500) console.error('[webhook] handling failed', error);
    return toErrorResponse(error);
  }
}
