import Stripe from 'stripe';

const stripe = new Stripe('sk_test_signing_only', { telemetry: false });

/** A `Stripe-Signature` header for `payload`, as Stripe computes it (`t=…,v1=HMAC-SHA256(secret, "t.payload")`). */
export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}
