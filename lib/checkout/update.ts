import type Stripe from 'stripe';
import { soldCounts } from '@/lib/cart/inventory';
import { lockCart } from '@/lib/cart/service';
import type { Catalog } from '@/lib/catalog/schema';
import { syncCartQuantity } from '@/lib/checkout/cart-sync';
import { applyIntent, type CheckoutIntent } from '@/lib/checkout/intents';
import { type CheckoutRow, lockCheckout, saveCheckoutUpdate } from '@/lib/checkout/repository';
import type { CheckoutSettings } from '@/lib/checkout/settings';
import { type StoredQuote, shippingRatesOfSession, toStoredQuote } from '@/lib/checkout/stored-quote';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/http/app-error';
import { buildQuote } from '@/lib/pricing/quote';
import type { CheckoutSelections, Quote } from '@/lib/pricing/types';
import { callStripe } from '@/lib/stripe/errors';
import { toSessionUpdateParams } from '@/lib/stripe/session-params';

export type CheckoutDeps = {
  db: Db;
  stripe: Stripe;
  catalog: Catalog;
  settings: CheckoutSettings;
  now: Date;
  /** The request's origin (scheme://host), used when no APP_URL is configured. */
  origin: string;
};

export type CheckoutUpdateResult = {
  sessionId: string;
  /** Stripe's amount_total after the update (equal to the server's quote). */
  total: number;
  currency: string;
  version: number;
  selections: CheckoutSelections;
  /** The saved quote, with the `shr_` ids Stripe gave its shipping options. */
  quote: StoredQuote;
};

/** Stripe returns the new `shr_` ids of the shipping options only when their rates are expanded. */
const UPDATE_EXPAND = ['line_items', 'shipping_options.shipping_rate'];

export function publicOrigin(deps: Pick<CheckoutDeps, 'settings' | 'origin'>): string {
  return deps.settings.appUrl ?? deps.origin;
}

export function checkoutNotFound(): AppError {
  return new AppError(404, 'checkout_not_found', 'This checkout does not exist or belongs to someone else.');
}

/** Throws unless the row is the shopper's own, open and unexpired checkout. */
export function assertUpdatable(row: CheckoutRow | null, shopperId: string, now: Date): asserts row is CheckoutRow {
  if (!row || row.shopperId !== shopperId) throw checkoutNotFound();
  if (row.status !== 'open' || row.expiresAt.getTime() <= now.getTime()) {
    throw new AppError(409, 'checkout_closed', 'This checkout has already been completed or has expired.');
  }
}

/**
 * Applies `intent` to a checkout whose row the caller holds locked: recompute the whole quote, send the full desired
 * state to Stripe in ONE update, verify Stripe's total, save. Any failure throws, so the caller's transaction rolls back.
 */
export async function syncLockedCheckout(
  tx: Db,
  deps: Omit<CheckoutDeps, 'db'>,
  row: CheckoutRow,
  intent: CheckoutIntent,
  soldUnits: ReadonlyMap<string, number> = new Map(),
): Promise<CheckoutUpdateResult> {
  const selections = applyIntent(row.selections, intent, {
    catalog: deps.catalog,
    allowedCountries: deps.settings.allowedCountries,
    soldUnits,
  });
  const quote = buildQuote(selections, deps.catalog, deps.now);
  const { params, apiVersion } = toSessionUpdateParams(quote, selections, {
    includeDiscounts: deps.settings.serverSideDiscounts,
    assetOrigin: publicOrigin(deps),
  });
  const session = await callStripe(() =>
    deps.stripe.checkout.sessions.update(
      row.stripeSessionId,
      { ...params, expand: UPDATE_EXPAND },
      apiVersion ? { apiVersion } : undefined,
    ),
  );
  assertStripeTotal(row.stripeSessionId, session.amount_total, quote);
  const stored = toStoredQuote(quote, shippingRatesOfSession(session, quote));
  const version = await saveCheckoutUpdate(tx, row.stripeSessionId, { selections, quote: stored });
  return {
    sessionId: row.stripeSessionId,
    total: quote.total,
    currency: quote.currency,
    version,
    selections,
    quote: stored,
  };
}

/** Stripe's amount_total must be the server's quote; anything else is a bug worth a loud log and a 502. */
export function assertStripeTotal(sessionId: string, amountTotal: number | null, quote: Quote): void {
  if (amountTotal === quote.total) return;
  console.error(`[checkout] total mismatch on ${sessionId}: Stripe ${amountTotal}, quote ${quote.total}`);
  throw new AppError(502, 'total_mismatch', 'The payment provider computed a different total. Please try again.');
}

function productIdsOf(selections: CheckoutSelections, intent: CheckoutIntent): string[] {
  const ids = new Set(selections.items.map((item) => item.productId));
  if (intent.type === 'set-quantity') ids.add(intent.productId);
  return [...ids];
}

/**
 * The one service function for every dynamic checkout update (address, add-ons, quantities, shipping, discounts):
 * inside one transaction, lock the checkout row, check owner / open / unexpired, apply the intent, make ONE Stripe
 * update with the full state, check its total, save. A quantity change also updates the shopper's cart; it locks the
 * cart first, in the same order as starting a checkout does, so the two cannot deadlock.
 * Also answers the units sold of the order's products (read under the lock), for availability in the state view.
 */
export async function updateCheckout(
  input: CheckoutDeps & { sessionId: string; shopperId: string; intent: CheckoutIntent },
): Promise<CheckoutUpdateResult & { soldUnits: ReadonlyMap<string, number> }> {
  const { db, sessionId, shopperId, intent, ...deps } = input;
  return db.transaction(async (tx) => {
    if (intent.type === 'set-quantity') await lockCart(tx, shopperId);
    const row = await lockCheckout(tx, sessionId);
    assertUpdatable(row, shopperId, deps.now);
    const soldUnits = await soldCounts(tx, productIdsOf(row.selections, intent));
    const result = await syncLockedCheckout(tx, deps, row, intent, soldUnits);
    if (intent.type === 'set-quantity') {
      const quantity = result.selections.items.find((item) => item.productId === intent.productId)?.quantity ?? 0;
      await syncCartQuantity(tx, { shopperId, productId: intent.productId, quantity });
    }
    return { ...result, soldUnits };
  });
}
