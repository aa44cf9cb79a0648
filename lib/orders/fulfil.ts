import { eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { recordSales } from '@/lib/cart/inventory';
import { removePurchasedUnits } from '@/lib/cart/service';
import { findCheckout, lockCheckout, markCheckoutStatus } from '@/lib/checkout/repository';
import { now } from '@/lib/clock';
import { creditLock, debitCreditForOrder } from '@/lib/customers/store-credit';
import type { Db } from '@/lib/db/client';
import { orderLines, orders, users } from '@/lib/db/schema';
import type { DiscountRule } from '@/lib/discounts';
import { lockScarce, releaseCheckoutHolds } from '@/lib/holds';
import { finalSessionFacts, recordMismatches } from '@/lib/orders/final-session';
import { findOrderBySession, type OrderView } from '@/lib/orders/order-view';
import { recordRedemptions } from '@/lib/orders/redemptions';
import {
  type FulfilmentSession,
  fulfilmentSessionSchema,
  type StripeLineItem,
  stripeLineItemSchema,
  taxByJurisdictionOf,
} from '@/lib/orders/stripe-session';
import { STORE_CREDIT } from '@/lib/pricing/store-credit';
import type { Quote, ShippingAddress } from '@/lib/pricing/types';
import { storeDataOf } from '@/lib/store-data/snapshot';
import { callStripe, isResourceMissing, toAppError } from '@/lib/stripe/errors';
import { lineKeyOfLineItem } from '@/lib/stripe/session-params';

export type FulfilResult =
  | { state: 'fulfilled'; order: OrderView; created: boolean }
  | { state: 'unpaid'; sessionStatus: 'open' | 'complete' | 'expired' | null }
  | { state: 'not_found' };

type OrderLineInput = {
  name: string;
  quantity: number;
  unitAmount: number;
  amountTotal: number;
  amountTax: number;
  productId: string | null;
  addOnKey: string | null;
};

/** Stripe's final session as fulfilment reads it: its lines, the rate it selected, the coupons it applied. */
const SESSION_EXPAND = ['line_items', 'shipping_cost.shipping_rate', 'discounts.coupon', 'total_details.breakdown'];

async function retrieveSession(stripe: Stripe, sessionId: string): Promise<FulfilmentSession | null> {
  let raw: unknown;
  try {
    raw = await stripe.checkout.sessions.retrieve(sessionId, { expand: SESSION_EXPAND });
  } catch (error) {
    if (isResourceMissing(error)) return null;
    throw toAppError(error);
  }
  const session = fulfilmentSessionSchema.parse(raw);
  if (!session.line_items?.has_more) return session;
  const all = await callStripe(() =>
    stripe.checkout.sessions.listLineItems(sessionId, { limit: 100 }).autoPagingToArray({ limit: 1000 }),
  );
  return { ...session, line_items: { data: all.map((item) => stripeLineItemSchema.parse(item)), has_more: false } };
}

/** Which quote line a Stripe line item is: its `line_key` metadata, else the quote line at the same position. */
function lineKeyOf(item: StripeLineItem, index: number, quote: Quote | null): string | null {
  const fromMetadata = lineKeyOfLineItem({ metadata: item.metadata ?? null, price: null });
  if (fromMetadata) return fromMetadata;
  const lines = quote?.lines ?? [];
  return lines.length > index ? (lines[index]?.key ?? null) : null;
}

export function toOrderLines(items: ReadonlyArray<StripeLineItem>, quote: Quote | null): OrderLineInput[] {
  return items.map((item, index) => {
    const key = lineKeyOf(item, index, quote);
    const quantity = item.quantity ?? 1;
    return {
      name: item.description ?? 'Item',
      quantity,
      // Before discounts: the price's unit amount, else Stripe's pre-discount subtotal per unit.
      unitAmount:
        item.price?.unit_amount ?? Math.round((item.amount_subtotal ?? item.amount_total) / Math.max(1, quantity)),
      amountTotal: item.amount_total,
      amountTax: item.amount_tax ?? 0,
      productId: key?.startsWith('product:') ? key.slice('product:'.length) : null,
      addOnKey: key?.startsWith('add-on:') ? key : null,
    };
  });
}

/** How the paid prices carried Stripe Tax (from the lines Stripe charged); null when the session had no Stripe Tax. */
function taxBehaviorOfSession(session: FulfilmentSession): 'exclusive' | 'inclusive' | null {
  if (!session.automatic_tax?.enabled) return null;
  const behavior = session.line_items?.data[0]?.price?.tax_behavior;
  return behavior === 'inclusive' ? 'inclusive' : 'exclusive';
}

function shippingAddressOf(session: FulfilmentSession): ShippingAddress | null {
  const details = session.collected_information?.shipping_details;
  const address = details?.address;
  if (!details || !address?.line1 || !address.country) return null;
  return {
    name: details.name ?? '',
    line1: address.line1,
    line2: address.line2 ?? null,
    city: address.city ?? null,
    state: address.state ?? null,
    postalCode: address.postal_code ?? null,
    country: address.country,
  };
}

/**
 * Debits the store credit Stripe's final session took, once (the order is new: no other call gets here). The
 * checkout's hold kept that much for it; should the balance fall short anyway (or the checkout have no customer), the
 * order is still the shopper's at what they paid, and flagged: the phrase returned says what went wrong.
 */
async function debitStoreCredit(
  tx: Db,
  debit: { customerId: string | null; orderId: number; amount: number; session: FulfilmentSession },
): Promise<string | null> {
  if (!debit.customerId) return `store credit: ${debit.amount} applied but the checkout has no customer`;
  const { uncovered } = await debitCreditForOrder(tx, {
    customerId: debit.customerId,
    orderId: debit.orderId,
    amount: debit.amount,
    currency: debit.session.currency ?? 'usd',
    now: await now(),
  });
  return uncovered > 0 ? `store credit: ${debit.amount} applied, ${uncovered} more than the customer's balance` : null;
}

async function verifiedEmailOf(tx: Db, customerId: string | null): Promise<string | null> {
  if (!customerId) return null;
  const [customer] = await tx
    .select({ email: users.email, verified: users.emailVerified })
    .from(users)
    .where(eq(users.id, customerId));
  return customer?.verified ? customer.email : null;
}

async function flagOrder(tx: Db, orderId: number, reasons: ReadonlyArray<string>): Promise<void> {
  await tx
    .update(orders)
    .set({ recordMismatch: true, mismatchReason: reasons.join('; ') })
    .where(eq(orders.id, orderId));
}

async function orderExists(tx: Db, sessionId: string): Promise<boolean> {
  const [row] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.stripeSessionId, sessionId));
  return row !== undefined;
}

/**
 * Records the order for a paid Checkout Session exactly once, however often and concurrently it is called (webhook
 * deliveries, duplicates, the return page, the reconcile cron): the calls for one session are serialised by a
 * transaction-scoped advisory lock, the one that finds no order inserts it (and so alone takes an order number), and
 * only it writes lines, sold counters, discount redemptions, the checkout's status, its holds and the cart. The
 * unique session id stays the last line of defence (`ON CONFLICT DO NOTHING`).
 *
 * The order is Stripe's FINAL session — what the shopper paid: its lines and amounts, the shipping rate Stripe had
 * selected, the discount rules its coupons stand for (redemptions come from those, never from our record). When that
 * differs from our checkout record the order is flagged (`record_mismatch`, `mismatch_reason`) and one line is logged
 * for the merchant. An unpaid session that Stripe says expired closes our record and releases its holds.
 */
export async function fulfillCheckout(input: {
  db: Db;
  stripe: Stripe;
  sessionId: string;
  discountRules?: ReadonlyArray<DiscountRule>;
  /** Told what Stripe said about the session as soon as it is read (before the order is written). */
  onSessionRead?: (session: Pick<FulfilmentSession, 'status' | 'payment_status'>) => void;
}): Promise<FulfilResult> {
  const { db, stripe, sessionId } = input;
  const existing = await findOrderBySession(db, sessionId);
  if (existing) return { state: 'fulfilled', order: existing, created: false };

  const session = await retrieveSession(stripe, sessionId);
  if (!session) return { state: 'not_found' };
  input.onSessionRead?.(session);
  const checkout = await findCheckout(db, sessionId);
  const shopperId = checkout?.shopperId ?? session.metadata?.shopper_id;
  if (!shopperId) return { state: 'not_found' };
  if (session.payment_status === 'unpaid') {
    if (session.status === 'expired') {
      await db.transaction(async (tx) => {
        await markCheckoutStatus(tx, sessionId, 'expired');
        await releaseCheckoutHolds(tx, sessionId);
      });
    } else if (session.status === 'complete') {
      await markCheckoutStatus(db, sessionId, 'complete');
    }
    return { state: 'unpaid', sessionStatus: session.status };
  }

  const quote = checkout?.quote ?? null;
  const lines = toOrderLines(session.line_items?.data ?? [], quote);
  const facts = finalSessionFacts(session, quote);
  const mismatches = recordMismatches(session, facts, quote);
  const email = session.customer_details?.email ?? session.customer_email ?? null;
  const customerId = checkout?.customerId ?? null;
  // Store credit rides on the coupon beside the promotions: Stripe's final session says how much the order took.
  const creditUsed = facts.appliedRules.find((rule) => rule.ruleId === STORE_CREDIT.ruleId)?.amount ?? 0;
  const promotions = facts.appliedRules.filter((rule) => rule.ruleId !== STORE_CREDIT.ruleId);
  // The store's rules as they are now (read before the transaction, which must not wait on another connection).
  const rules = input.discountRules ?? (promotions.length > 0 ? (await storeDataOf(db)).rules : []);
  const created = await db.transaction(async (tx) => {
    // Concurrent fulfilments of this session queue here; the first creates the order, the others find it. Only a
    // created order takes a number from the sequence (an insert that conflicted would burn one: #1, #3, #5…).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`order:${session.id}`}, 0))`);
    if (await orderExists(tx, session.id)) return null;
    // The checkout row (as an update's save takes it), then the scarce things (as an update's reservation takes
    // them), so an update counting stock or code uses sees the sale and the released hold together, never one
    // without the other.
    const locked = await lockCheckout(tx, session.id);
    await lockScarce(tx, [
      ...lines.flatMap((line) => (line.productId ? [{ kind: 'stock' as const, key: line.productId }] : [])),
      ...promotions.map((rule) => ({ kind: 'code' as const, key: rule.ruleId })),
      ...(customerId && creditUsed > 0 ? [creditLock(customerId)] : []),
    ]);
    const [order] = await tx
      .insert(orders)
      .values({
        stripeSessionId: session.id,
        shopperId,
        // As the checkout says now (a shopper who signed in during checkout brought it into the account).
        customerId: locked?.customerId ?? null,
        status: session.payment_status === 'paid' ? 'paid' : 'no_payment_required',
        currency: session.currency ?? quote?.currency ?? 'usd',
        amountSubtotal: session.amount_subtotal ?? 0,
        amountDiscount: facts.discountAmount,
        amountShipping: facts.shippingAmount,
        amountTax: session.total_details?.amount_tax ?? 0,
        taxBehavior: taxBehaviorOfSession(session),
        taxBreakdown: taxByJurisdictionOf(session),
        amountTotal: session.amount_total ?? 0,
        email,
        shippingAddress: shippingAddressOf(session),
        paymentIntentId:
          typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null),
        shippingMethodId: facts.shippingMethodId,
        shippingMethodName: facts.shippingMethodName,
        recordMismatch: mismatches.length > 0,
        mismatchReason: mismatches.length > 0 ? mismatches.join('; ') : null,
      })
      .onConflictDoNothing({ target: orders.stripeSessionId })
      .returning({ id: orders.id });
    if (!order) return null;
    if (lines.length > 0) {
      await tx.insert(orderLines).values(lines.map((line, position) => ({ ...line, orderId: order.id, position })));
    }
    const purchased = lines.flatMap((line) =>
      line.productId ? [{ productId: line.productId, quantity: line.quantity }] : [],
    );
    await recordSales(tx, purchased);
    if (facts.discountAmount > 0 && promotions.length > 0) {
      await recordRedemptions(tx, {
        orderId: order.id,
        sessionId: session.id,
        email,
        customerEmail: await verifiedEmailOf(tx, locked?.customerId ?? null),
        applied: promotions,
        rules,
      });
    }
    if (creditUsed > 0) {
      const problem = await debitStoreCredit(tx, { customerId, orderId: order.id, amount: creditUsed, session });
      if (problem) mismatches.push(problem);
      if (problem) await flagOrder(tx, order.id, mismatches);
    }
    await removePurchasedUnits(tx, shopperId, purchased);
    await markCheckoutStatus(tx, session.id, 'complete', session.payment_status);
    // The holds became the sales and redemptions above, in the same transaction.
    await releaseCheckoutHolds(tx, session.id);
    return order.id;
  });
  if (created !== null && mismatches.length > 0) {
    console.warn(
      `[orders] order ${created} (${session.id}) differs from its checkout record — ${mismatches.join('; ')}; fulfilled at what Stripe charged (${session.amount_total ?? 0} ${session.currency ?? ''}), flagged for review.`,
    );
  }
  const order = await findOrderBySession(db, sessionId);
  if (!order) throw new Error(`order for ${sessionId} missing right after fulfilment`);
  return { state: 'fulfilled', order, created: created !== null };
}
