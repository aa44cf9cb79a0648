/** Webhook payloads signed the way Stripe signs them, for the webhook route's tests (Vitest and Playwright). */
import Stripe from 'stripe';

const signer = new Stripe('sk_test_signing_only', { telemetry: false });

/** A `Stripe-Signature` header for `payload`, as Stripe computes it (`t=…,v1=HMAC-SHA256(secret, "t.payload")`). */
export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return signer.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

export type SignedEvent = { body: string; signature: string };

/** A `checkout.session.*` event as Stripe would POST it, signed with the webhook secret (at `timestamp`, unix s). */
export function signedCheckoutEvent(
  stripe: Stripe,
  secret: string,
  event: { type: string; sessionId: string; id?: string; timestamp?: number },
): SignedEvent {
  const created = event.timestamp ?? Math.floor(Date.now() / 1000);
  const body = JSON.stringify({
    id: event.id ?? `evt_test_${crypto.randomUUID().replaceAll('-', '')}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created,
    type: event.type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: { id: event.sessionId, object: 'checkout.session' } },
  });
  const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: created });
  return { body, signature };
}
