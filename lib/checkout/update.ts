import type Stripe from 'stripe';
import type { Catalog } from '@/lib/catalog/schema';
import { applyIntent, type CheckoutIntent } from '@/lib/checkout/intents';
import { type CheckoutRow, lockCheckout, saveCheckoutUpdate } from '@/lib/checkout/repository';
import type { CheckoutSettings } from '@/lib/checkout/settings';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/http/app-error';
import { buildQuote } from '@/lib/pricing/quote';
import type { Quote } from '@/lib/pricing/types';
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
  quote: Quote;
};

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
): Promise<CheckoutUpdateResult> {
  const selections = applyIntent(row.selections, intent, {
    catalog: deps.catalog,
    allowedCountries: deps.settings.allowedCountries,
  });
  const quote = buildQuote(selections, deps.catalog, deps.now);
  const { params, apiVersion } = toSessionUpdateParams(quote, selections, {
    includeDiscounts: deps.settings.serverSideDiscounts,
    assetOrigin: publicOrigin(deps),
  });
  const session = await callStripe(() =>
    deps.stripe.checkout.sessions.update(row.stripeSessionId, params, apiVersion ? { apiVersion } : undefined),
  );
  assertStripeTotal(row.stripeSessionId, session.amount_total, quote);
  const version = await saveCheckoutUpdate(tx, row.stripeSessionId, { selections, quote });
  return { sessionId: row.stripeSessionId, total: quote.total, currency: quote.currency, version, quote };
}

/** Stripe's amount_total must be the server's quote; anything else is a bug worth a loud log and a 502. */
export function assertStripeTotal(sessionId: string, amountTotal: number | null, quote: Quote): void {
  if (amountTotal === quote.total) return;
  console.error(`[checkout] total mismatch on ${sessionId}: Stripe ${amountTotal}, quote ${quote.total}`);
  throw new AppError(502, 'total_mismatch', 'The payment provider computed a different total. Please try again.');
}

/** The one service function for every dynamic checkout update (address, add-ons, quantities, shipping, discounts). */
export async function updateCheckout(
  input: CheckoutDeps & { sessionId: string; shopperId: string; intent: CheckoutIntent },
): Promise<CheckoutUpdateResult> {
  const { db, sessionId, shopperId, intent, ...deps } = input;
  return db.transaction(async (tx) => {
    const row = await lockCheckout(tx, sessionId);
    assertUpdatable(row, shopperId, deps.now);
    return syncLockedCheckout(tx, deps, row, intent);
  });
}
