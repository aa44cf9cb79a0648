/**
 * Test support: Stripe's view of a Checkout Session and the server's saved record, in one comparable shape, so an
 * integration test can assert `expect(stripe).toEqual(record)` (line items, shipping options, selected option, total).
 */
import type Stripe from 'stripe';
import { findCheckout } from '@/lib/checkout/repository';
import type { Db } from '@/lib/db/client';
import { lineKeyOfLineItem, methodIdOfShippingRate, selectedMethodIdOfSession } from '@/lib/stripe/session-params';

export type SessionSnapshot = {
  lines: Array<{ key: string | null; name: string | null; quantity: number | null; unitAmount: number | null }>;
  shippingOptions: Array<{ methodId: string | null; amount: number; shippingRateId: string | null }>;
  selectedMethodId: string | null;
  total: number | null;
};

export async function stripeSnapshot(stripe: Stripe, sessionId: string): Promise<SessionSnapshot> {
  const [session, items] = await Promise.all([
    stripe.checkout.sessions.retrieve(sessionId, {
      expand: ['shipping_options.shipping_rate', 'shipping_cost.shipping_rate'],
    }),
    stripe.checkout.sessions.listLineItems(sessionId, { limit: 100 }),
  ]);
  return {
    lines: items.data.map((item) => ({
      key: lineKeyOfLineItem(item),
      name: item.description,
      quantity: item.quantity,
      unitAmount: item.price?.unit_amount ?? null,
    })),
    shippingOptions: session.shipping_options.map((option) => ({
      methodId: methodIdOfShippingRate(option.shipping_rate),
      amount: option.shipping_amount,
      shippingRateId: typeof option.shipping_rate === 'string' ? option.shipping_rate : option.shipping_rate.id,
    })),
    selectedMethodId: selectedMethodIdOfSession(session),
    total: session.amount_total,
  };
}

export async function recordSnapshot(db: Db, sessionId: string): Promise<SessionSnapshot> {
  const row = await findCheckout(db, sessionId);
  if (!row) throw new Error(`no checkout ${sessionId}`);
  const rates = row.quote.stripeShippingRates;
  return {
    lines: row.quote.lines.map((line) => ({
      key: line.key,
      name: line.name,
      quantity: line.quantity,
      unitAmount: line.unitAmount,
    })),
    shippingOptions: row.quote.shippingOptions.map((option) => ({
      methodId: option.methodId,
      amount: option.amount,
      shippingRateId: rates.find((rate) => rate.methodId === option.methodId)?.shippingRateId ?? null,
    })),
    selectedMethodId: row.quote.selectedShippingMethodId,
    total: row.quote.total,
  };
}

export async function stripeAndRecord(
  env: { db: Db; stripe: Stripe },
  sessionId: string,
): Promise<{ stripe: SessionSnapshot; record: SessionSnapshot }> {
  const [stripe, record] = await Promise.all([
    stripeSnapshot(env.stripe, sessionId),
    recordSnapshot(env.db, sessionId),
  ]);
  return { stripe, record };
}
