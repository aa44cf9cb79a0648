/**
 * One dynamic update, as a straight line: parse → authorise → apply the intent → price → send to Stripe → verify →
 * save → view. Every checkout update route is `checkoutUpdateRoute(schema, toIntent)`; every change to an open
 * checkout (the routes, and `startCheckout` resuming one) goes through `syncCheckout`.
 */
import type { NextRequest } from 'next/server';
import type Stripe from 'stripe';
import type { z } from 'zod';
import { soldCounts } from '@/lib/cart/inventory';
import { lockCart, writeQuantity } from '@/lib/cart/service';
import { assertUpdatable, discountsUnavailable } from '@/lib/checkout/access';
import type { CheckoutStateView } from '@/lib/checkout/contract';
import { type CheckoutDeps, checkoutDepsFor, publicOrigin } from '@/lib/checkout/deps';
import { loadDiscountRules } from '@/lib/checkout/discount-context';
import { withDiscountPreview } from '@/lib/checkout/discount-preview';
import { applyIntent, type CheckoutIntent } from '@/lib/checkout/intents';
import { priceCheckout, shippingRatesOfSession, toStoredQuote } from '@/lib/checkout/price';
import { type CheckoutRow, lockCheckout, saveCheckout } from '@/lib/checkout/repository';
import { toCheckoutStateView } from '@/lib/checkout/view';
import type { Db } from '@/lib/db/client';
import { normalizeEmail } from '@/lib/discounts';
import { AppError } from '@/lib/http/app-error';
import { readJsonBody } from '@/lib/http/json-body';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import type { CheckoutSelections, Quote } from '@/lib/pricing/types';
import { readShopperId } from '@/lib/shopper';
import { toSessionUpdateParams } from '@/lib/stripe/session-params';

type UpdateRequest = { sessionId: string };

type RouteOptions<B> = {
  /** Runs after parsing, before the update; a Response answers instead (e.g. 429 from a rate limit). */
  guard?: (input: { request: NextRequest; body: B; deps: CheckoutDeps }) => Promise<Response | null>;
};

/** A checkout update route handler: parse the body with `schema`, turn it into an intent, update, answer the view. */
export function checkoutUpdateRoute<S extends z.ZodType<UpdateRequest>>(
  schema: S,
  toIntent: (body: z.output<S>) => CheckoutIntent,
  options: RouteOptions<z.output<S>> = {},
) {
  return withErrorHandling(async (request: NextRequest) => {
    const body = await readJsonBody(request, schema);
    const deps = await checkoutDepsFor(request);
    const refused = await options.guard?.({ request, body, deps });
    if (refused) return refused;
    const shopperId = readShopperId(request.cookies);
    return jsonResponse(
      await updateCheckout({ ...deps, sessionId: body.sessionId, shopperId, intent: toIntent(body) }),
    );
  });
}

/**
 * The service behind every update route, in one transaction: lock the checkout row (two clicks or two tabs are
 * serialised), check owner / open / unexpired, then `syncCheckout`. A quantity change also updates the shopper's cart;
 * it locks the cart first, in the same order as starting a checkout does, so the two cannot deadlock.
 */
export async function updateCheckout(
  input: CheckoutDeps & { sessionId: string; shopperId: string | null; intent: CheckoutIntent },
): Promise<CheckoutStateView> {
  const { db, sessionId, shopperId, intent, ...deps } = input;
  const { row, soldUnits, discountsRefused } = await db.transaction(async (tx) => {
    if (intent.type === 'set-quantity' && shopperId) await lockCart(tx, shopperId);
    const locked = await lockCheckout(tx, sessionId);
    assertUpdatable(locked, shopperId, deps.now);
    const sold = await soldCounts(tx, productIdsOf(locked.selections, intent));
    const synced = await syncCheckout(tx, deps, locked, intent, sold);
    if (intent.type === 'set-quantity') {
      const quantity = synced.row.selections.items.find((item) => item.productId === intent.productId)?.quantity ?? 0;
      // The cart follows the checkout, so the store shows the same quantities.
      await writeQuantity(tx, locked.shopperId, intent.productId, quantity);
    }
    return { ...synced, soldUnits: sold };
  });
  // Committed without discounts (so later updates skip them), but the shopper's code could not be applied.
  if (discountsRefused && isCodeIntent(intent)) throw discountsUnavailable();
  return toCheckoutStateView(row, deps.catalog, soldUnits, deps.now);
}

/**
 * Applies `intent` to a checkout whose row the caller holds locked: re-price the whole order (automatic promotions and
 * codes re-evaluated against the order, the shopper and the clock as they are now), send the full desired state to
 * Stripe in ONE update, verify Stripe's total, save. Any failure throws, so the transaction rolls back and the saved
 * state never runs ahead of Stripe.
 */
export async function syncCheckout(
  tx: Db,
  deps: Omit<CheckoutDeps, 'db'>,
  row: CheckoutRow,
  intent: CheckoutIntent,
  soldUnits: ReadonlyMap<string, number> = new Map(),
): Promise<{ row: CheckoutRow; discountsRefused: boolean }> {
  const email = intent.type === 'apply-code' && intent.email ? normalizeEmail(intent.email) : row.email;
  const discounts = await loadDiscountRules(tx, deps, row.serverDiscounts, email);
  if (isCodeIntent(intent) && !discounts) throw discountsUnavailable();

  const selections = applyIntent(row.selections, intent, {
    catalog: deps.catalog,
    allowedCountries: deps.settings.allowedCountries,
    soldUnits,
    discounts,
    now: deps.now,
  });

  const sent = await withDiscountPreview(discounts !== null, row.stripeSessionId, async (preview) => {
    const priced = priceCheckout(selections, deps.catalog, deps.now, preview ? discounts : null);
    const session = await sendToStripe(deps, row.stripeSessionId, priced.quote, selections, preview);
    return { priced, session };
  });
  const { priced, session } = sent.result;

  verifyStripeTotal(row.stripeSessionId, session.amount_total, priced.quote);

  const discountsRefused = discounts !== null && !sent.preview;
  const saved = await saveCheckout(tx, row.stripeSessionId, {
    selections: discountsRefused ? { ...selections, discountCodes: [] } : selections,
    quote: toStoredQuote(priced, shippingRatesOfSession(session, priced.quote)),
    email,
    serverDiscounts: row.serverDiscounts && !discountsRefused,
  });
  return { row: saved, discountsRefused };
}

/** Stripe returns the new `shr_` ids of the shipping options only when their rates are expanded. */
const UPDATE_EXPAND = ['line_items', 'shipping_options.shipping_rate'];

/** The one Stripe call of an update: the full desired state (and `discounts` with the beta Stripe-Version). */
function sendToStripe(
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
export function verifyStripeTotal(sessionId: string, amountTotal: number | null, quote: Quote): void {
  if (amountTotal === quote.total) return;
  console.error(`[checkout] total mismatch on ${sessionId}: Stripe ${amountTotal}, quote ${quote.total}`);
  throw new AppError(502, 'total_mismatch', 'The payment provider computed a different total. Please try again.');
}

function isCodeIntent(intent: CheckoutIntent): boolean {
  return intent.type === 'apply-code' || intent.type === 'remove-code';
}

function productIdsOf(selections: CheckoutSelections, intent: CheckoutIntent): string[] {
  const ids = new Set(selections.items.map((item) => item.productId));
  if (intent.type === 'set-quantity') ids.add(intent.productId);
  return [...ids];
}
