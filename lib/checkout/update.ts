import type Stripe from 'stripe';
import { soldCounts } from '@/lib/cart/inventory';
import { lockCart, writeQuantity } from '@/lib/cart/service';
import type { Catalog } from '@/lib/catalog/schema';
import { discountsUnavailable } from '@/lib/checkout/discount-code-intent';
import { loadDiscountContext } from '@/lib/checkout/discount-context';
import { type DiscountRules, pricedCheckout } from '@/lib/checkout/discount-pricing';
import { applyIntent, type CheckoutIntent } from '@/lib/checkout/intents';
import { isDiscountPreviewRefusal, logPreviewRefused } from '@/lib/checkout/preview-refusal';
import { type CheckoutRow, lockCheckout, saveCheckoutUpdate } from '@/lib/checkout/repository';
import type { CheckoutSettings } from '@/lib/checkout/settings';
import { type StoredQuote, shippingRatesOfSession, toStoredQuote } from '@/lib/checkout/stored-quote';
import type { Db } from '@/lib/db/client';
import { type DiscountRule, demoRules, normalizeEmail } from '@/lib/discounts';
import { AppError } from '@/lib/http/app-error';
import type { CheckoutSelections, Quote } from '@/lib/pricing/types';
import { toAppError } from '@/lib/stripe/errors';
import { toSessionUpdateParams } from '@/lib/stripe/session-params';

export type CheckoutDeps = {
  db: Db;
  stripe: Stripe;
  catalog: Catalog;
  settings: CheckoutSettings;
  now: Date;
  /** The request's origin (scheme://host), used when no APP_URL is configured. */
  origin: string;
  /** The store's discount rules (default: the demo rules in lib/discounts/rules.ts). */
  discountRules?: ReadonlyArray<DiscountRule>;
};

export type CheckoutUpdateResult = {
  sessionId: string;
  /** Stripe's amount_total after the update (equal to the server's quote). */
  total: number;
  currency: string;
  version: number;
  selections: CheckoutSelections;
  /** The saved quote, with the `shr_` ids Stripe gave its shipping options and the discount explanation. */
  quote: StoredQuote;
  /** Whether this checkout takes discounts (false: Stripe refused the preview; codes answer 409). */
  serverDiscounts: boolean;
  /** Stripe refused `discounts` during this very update (the update went through without them). */
  discountsRefused: boolean;
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

/** The rules and the shopper's context when the checkout takes discounts, else null. */
export async function discountRulesFor(
  tx: Db,
  deps: Pick<CheckoutDeps, 'settings' | 'discountRules'>,
  serverDiscounts: boolean,
  email: string | null,
): Promise<DiscountRules | null> {
  if (!deps.settings.serverSideDiscounts || !serverDiscounts) return null;
  return { rules: deps.discountRules ?? demoRules, context: await loadDiscountContext(tx, email) };
}

function isCodeIntent(intent: CheckoutIntent): boolean {
  return intent.type === 'apply-code' || intent.type === 'remove-code';
}

/** The email an apply-code request brings (normalised), else the one saved before. */
function emailFor(row: CheckoutRow, intent: CheckoutIntent): string | null {
  return intent.type === 'apply-code' && intent.email ? normalizeEmail(intent.email) : row.email;
}

/**
 * Applies `intent` to a checkout whose row the caller holds locked: recompute the whole quote — automatic promotions
 * and applied codes re-evaluated against the order, the shopper and the clock as they are now — send the full desired
 * state to Stripe in ONE update (with `discounts` and the beta Stripe-Version when the checkout takes discounts),
 * verify Stripe's total, save. If Stripe refuses `discounts` (no preview access), the update is sent once more without
 * them and the checkout is marked as not taking discounts. Any other failure throws, so the transaction rolls back.
 */
export async function syncLockedCheckout(
  tx: Db,
  deps: Omit<CheckoutDeps, 'db'>,
  row: CheckoutRow,
  intent: CheckoutIntent,
  soldUnits: ReadonlyMap<string, number> = new Map(),
): Promise<CheckoutUpdateResult> {
  const email = emailFor(row, intent);
  const discounts = await discountRulesFor(tx, deps, row.serverDiscounts, email);
  if (isCodeIntent(intent) && !discounts) throw discountsUnavailable();
  const selections = applyIntent(row.selections, intent, {
    catalog: deps.catalog,
    allowedCountries: deps.settings.allowedCountries,
    soldUnits,
    discounts,
    now: deps.now,
  });
  let priced = pricedCheckout(selections, deps.catalog, deps.now, discounts);
  let session: Stripe.Checkout.Session;
  let discountsRefused = false;
  try {
    session = await sendUpdate(deps, row.stripeSessionId, priced.quote, selections, discounts !== null);
  } catch (error) {
    if (!discounts || !isDiscountPreviewRefusal(error)) throw toAppError(error);
    logPreviewRefused(row.stripeSessionId, error);
    discountsRefused = true;
    priced = pricedCheckout(selections, deps.catalog, deps.now, null);
    try {
      session = await sendUpdate(deps, row.stripeSessionId, priced.quote, selections, false);
    } catch (retryError) {
      throw toAppError(retryError);
    }
  }
  const { quote, explanation } = priced;
  assertStripeTotal(row.stripeSessionId, session.amount_total, quote);
  const stored = toStoredQuote(quote, shippingRatesOfSession(session, quote), explanation);
  const serverDiscounts = row.serverDiscounts && !discountsRefused;
  const saved = discountsRefused ? { ...selections, discountCodes: [] } : selections;
  const version = await saveCheckoutUpdate(tx, row.stripeSessionId, {
    selections: saved,
    quote: stored,
    email,
    serverDiscounts,
  });
  return {
    sessionId: row.stripeSessionId,
    total: quote.total,
    currency: quote.currency,
    version,
    selections: saved,
    quote: stored,
    serverDiscounts,
    discountsRefused,
  };
}

/** The one Stripe call of an update: the full desired state (and `discounts` with the beta Stripe-Version). */
function sendUpdate(
  deps: Omit<CheckoutDeps, 'db'>,
  sessionId: string,
  quote: Quote,
  selections: CheckoutSelections,
  includeDiscounts: boolean,
): Promise<Stripe.Checkout.Session> {
  const { params, apiVersion } = toSessionUpdateParams(quote, selections, {
    includeDiscounts,
    assetOrigin: publicOrigin(deps),
  });
  return deps.stripe.checkout.sessions.update(
    sessionId,
    { ...params, expand: UPDATE_EXPAND },
    apiVersion ? { apiVersion } : undefined,
  );
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
  const result = await db.transaction(async (tx) => {
    if (intent.type === 'set-quantity') await lockCart(tx, shopperId);
    const row = await lockCheckout(tx, sessionId);
    assertUpdatable(row, shopperId, deps.now);
    const soldUnits = await soldCounts(tx, productIdsOf(row.selections, intent));
    const result = await syncLockedCheckout(tx, deps, row, intent, soldUnits);
    if (intent.type === 'set-quantity') {
      const quantity = result.selections.items.find((item) => item.productId === intent.productId)?.quantity ?? 0;
      // Keep the shopper's cart equal to the checkout's items, so the store shows the same quantities.
      await writeQuantity(tx, shopperId, intent.productId, quantity);
    }
    return { ...result, soldUnits };
  });
  // Committed without discounts (so later updates skip them); the shopper's code could not be applied.
  if (result.discountsRefused && isCodeIntent(intent)) throw discountsUnavailable();
  return result;
}
