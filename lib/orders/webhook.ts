import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { z } from 'zod';
import { markCheckoutStatus, markPaymentStatus } from '@/lib/checkout/repository';
import { now } from '@/lib/clock';
import type { Db } from '@/lib/db/client';
import { webhookEvents } from '@/lib/db/schema';
import { AppError } from '@/lib/http/app-error';
import { fulfillCheckout } from '@/lib/orders/fulfil';
import { syncRefundsOf } from '@/lib/orders/refunds';
import { eventSessionSchema } from '@/lib/orders/stripe-session';

type EventDeps = { db: Db; stripe: Stripe };

export type EventOutcome =
  | 'fulfilled'
  | 'awaiting_payment'
  | 'payment_failed'
  | 'expired'
  | 'refunds_synced'
  | 'ignored';

function sessionIdOf(event: Stripe.Event): string {
  return eventSessionSchema.parse(event.data.object).id;
}

/** The PaymentIntent a charge or refund event is about (a charge or refund has one when it paid a Checkout Session). */
const paidObjectSchema = z.object({
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
});

function paymentIntentIdOf(event: Stripe.Event): string | null {
  const intent = paidObjectSchema.parse(event.data.object).payment_intent;
  return typeof intent === 'string' ? intent : (intent?.id ?? null);
}

/**
 * Acts on one verified Stripe event. Every `checkout.session.*` event but `async_payment_failed` re-reads the session
 * from Stripe (fulfilment), so duplicate, out-of-order, stale and replayed deliveries converge on Stripe's state and
 * the same single order; `charge.refunded` and `refund.*` re-read the PaymentIntent's refunds (lib/orders/refunds.ts).
 * Throws when handling fails (the route answers 500 so Stripe retries).
 */
export async function handleStripeEvent(event: Stripe.Event, deps: EventDeps): Promise<EventOutcome> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const result = await fulfillCheckout({ ...deps, sessionId: sessionIdOf(event) });
      return result.state === 'fulfilled' ? 'fulfilled' : result.state === 'unpaid' ? 'awaiting_payment' : 'ignored';
    }
    case 'checkout.session.async_payment_failed': {
      const sessionId = sessionIdOf(event);
      await markCheckoutStatus(deps.db, sessionId, 'complete');
      await markPaymentStatus(deps.db, sessionId, 'failed');
      return 'payment_failed';
    }
    case 'checkout.session.expired': {
      // The event is a hint, not the truth: a stale or forged (but signed) one must not close a session Stripe still
      // has open. Stripe's own answer decides — expired closes the record and releases its holds, paid fulfils.
      const sessionId = sessionIdOf(event);
      const result = await fulfillCheckout({ ...deps, sessionId });
      if (result.state === 'fulfilled') return 'fulfilled';
      if (result.state === 'unpaid' && result.sessionStatus === 'expired') return 'expired';
      if (result.state === 'unpaid' && result.sessionStatus === 'open') {
        console.warn(
          `[webhook] ${event.id}: checkout.session.expired for ${sessionId}, which Stripe has open; ignored.`,
        );
      }
      return result.state === 'unpaid' ? 'awaiting_payment' : 'ignored';
    }
    case 'charge.refunded':
    case 'refund.created':
    case 'refund.updated': {
      // As for sessions: the event says which payment; Stripe's list of its refunds is what gets recorded.
      const intentId = paymentIntentIdOf(event);
      if (!intentId) return 'ignored';
      await syncRefundsOf(deps.db, deps.stripe, intentId, await now());
      return 'refunds_synced';
    }
    default:
      return 'ignored';
  }
}

async function alreadyHandled(db: Db, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ eventId: webhookEvents.eventId })
    .from(webhookEvents)
    .where(eq(webhookEvents.eventId, eventId));
  return row !== undefined;
}

function objectIdOf(event: Stripe.Event): string | null {
  const object: unknown = event.data.object;
  if (typeof object === 'object' && object !== null && 'id' in object && typeof object.id === 'string')
    return object.id;
  return null;
}

export type WebhookResult = { eventId: string; duplicate: boolean; outcome: EventOutcome | null };

/**
 * Verifies the signature over the raw body (400 `invalid_signature` for a bad or stale one, storing nothing),
 * skips events already handled, handles the event, then records its id.
 */
export async function processWebhook(input: {
  db: Db;
  stripe: Stripe;
  webhookSecret: string;
  rawBody: string;
  signature: string | null;
}): Promise<WebhookResult> {
  const { db, stripe } = input;
  let event: Stripe.Event;
  try {
    if (!input.signature) throw new Error('missing Stripe-Signature header');
    event = stripe.webhooks.constructEvent(input.rawBody, input.signature, input.webhookSecret);
  } catch {
    throw new AppError(400, 'invalid_signature', 'The Stripe-Signature header is missing, invalid or too old.');
  }
  if (await alreadyHandled(db, event.id)) return { eventId: event.id, duplicate: true, outcome: null };
  const outcome = await handleStripeEvent(event, { db, stripe });
  await db
    .insert(webhookEvents)
    .values({ eventId: event.id, type: event.type, stripeObjectId: objectIdOf(event) })
    .onConflictDoNothing();
  return { eventId: event.id, duplicate: false, outcome };
}
