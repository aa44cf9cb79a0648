import type Stripe from 'stripe';
import { findCheckout } from '@/lib/checkout/repository';
import type { Db } from '@/lib/db/client';
import { fulfillCheckout } from '@/lib/orders/fulfil';
import type { OrderView } from '@/lib/orders/order-view';

export type ReturnPageView =
  | { kind: 'paid'; order: OrderView }
  | { kind: 'processing' | 'unpaid' | 'expired' | 'open' }
  /**
   * The order could not be confirmed yet (Stripe unreachable, or recording the order failed): the page says so and
   * checks again — it never claims that no payment was taken. `paymentReceived`: Stripe (or our record) said paid.
   */
  | { kind: 'confirming'; paymentReceived: boolean }
  | { kind: 'not_found' };

const SESSION_ID_PATTERN = /^cs_(test|live)_[A-Za-z0-9]{1,250}$/;

/**
 * What the return page (`/checkout/complete?session_id=…`) shows. Fulfils the order if the webhook has not yet (the
 * same exactly-once path). Another shopper's session, or an unknown one, is `not_found`. When Stripe cannot be reached
 * or the order cannot be written yet, `confirming` (logged); the page retries.
 */
export async function getReturnPageView(input: {
  db: Db;
  stripe: Stripe;
  sessionId: string | null | undefined;
  shopperId: string | null;
}): Promise<ReturnPageView> {
  const { db, stripe, sessionId, shopperId } = input;
  if (!sessionId || !shopperId || !SESSION_ID_PATTERN.test(sessionId)) return { kind: 'not_found' };
  const checkout = await findCheckout(db, sessionId);
  if (!checkout || checkout.shopperId !== shopperId) return { kind: 'not_found' };

  let stripeSaidPaid = false;
  let result: Awaited<ReturnType<typeof fulfillCheckout>>;
  try {
    result = await fulfillCheckout({
      db,
      stripe,
      sessionId,
      onSessionRead: (session) => {
        stripeSaidPaid = session.payment_status !== 'unpaid';
      },
    });
  } catch (error) {
    console.error(`[return-page] could not confirm ${sessionId} yet; the page will check again`, error);
    const recordSaysPaid = checkout.paymentStatus === 'paid' || checkout.paymentStatus === 'no_payment_required';
    return { kind: 'confirming', paymentReceived: stripeSaidPaid || recordSaysPaid };
  }
  if (result.state === 'fulfilled') return { kind: 'paid', order: result.order };
  if (result.state === 'not_found') return { kind: 'not_found' };
  switch (result.sessionStatus) {
    case 'open':
      return { kind: 'open' };
    case 'expired':
      return { kind: 'expired' };
    default: {
      const latest = await findCheckout(db, sessionId);
      return { kind: latest?.paymentStatus === 'failed' ? 'unpaid' : 'processing' };
    }
  }
}
