/**
 * One dynamic update, as a straight line: parse → authorise → take what is scarce → apply the intent → price → send to
 * Stripe → verify Stripe's answer → save → view. Every checkout update route is `checkoutUpdateRoute(schema, toIntent)`; every change to an open
 * checkout (the routes, and `startCheckout` resuming one) goes through `syncCheckout`.
 */
import type { NextRequest } from 'next/server';
import type Stripe from 'stripe';
import type { z } from 'zod';
import { unavailableUnits } from '@/lib/cart/inventory';
import { lockCart, writeQuantity } from '@/lib/cart/service';
import { assertUpdatable, checkoutClosed, discountsUnavailable } from '@/lib/checkout/access';
import type { CheckoutStateView, UpdateNotice } from '@/lib/checkout/contract';
import { type CheckoutDeps, checkoutDepsFor, publicOrigin } from '@/lib/checkout/deps';
import { loadDiscountRules, perEmailHoldKey } from '@/lib/checkout/discount-context';
import { isDiscountPreviewRefusal, withDiscountPreview } from '@/lib/checkout/discount-preview';
import { applyIntent, type CheckoutIntent } from '@/lib/checkout/intents';
import { priceCheckout, shippingRatesOfSession, toStoredQuote, withStripeSelectedShipping } from '@/lib/checkout/price';
import { type CheckoutRow, lockCheckout, saveCheckout } from '@/lib/checkout/repository';
import { toCheckoutStateView } from '@/lib/checkout/view';
import type { Db } from '@/lib/db/client';
import { type DiscountRule, demoRules, normalizeCode, normalizeEmail } from '@/lib/discounts';
import { lockScarce, setHolds } from '@/lib/holds';
import { AppError } from '@/lib/http/app-error';
import { readJsonBody } from '@/lib/http/json-body';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import type { CheckoutSelections, Quote } from '@/lib/pricing/types';
import { readShopperId } from '@/lib/shopper';
import { callStripe, isOutcomeUnknown, isRequestRefused } from '@/lib/stripe/errors';
import { selectedMethodIdOfSession, sessionMatchesQuote, toSessionUpdateParams } from '@/lib/stripe/session-params';

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
  const { row, unavailable, discountsRefused, notices } = await db.transaction(async (tx) => {
    if (intent.type === 'set-quantity' && shopperId) await lockCart(tx, shopperId);
    const locked = await lockCheckout(tx, sessionId);
    assertUpdatable(locked, shopperId, deps.now);
    const synced = await syncCheckout(tx, deps, locked, intent);
    if (intent.type === 'set-quantity') {
      const quantity = synced.row.selections.items.find((item) => item.productId === intent.productId)?.quantity ?? 0;
      // The cart follows the checkout, so the store shows the same quantities.
      await writeQuantity(tx, locked.shopperId, intent.productId, quantity);
    }
    return synced;
  });
  // Committed without discounts (so later updates skip them), but the shopper's code could not be applied.
  if (discountsRefused && isCodeIntent(intent)) throw discountsUnavailable();
  return toCheckoutStateView(row, deps.catalog, unavailable, deps.now, notices);
}

/**
 * Applies `intent` to a checkout whose row the caller holds locked: take what it needs of scarce stock and limited
 * codes (serialised with every other checkout taking them), re-price the whole order (automatic promotions and codes
 * re-evaluated against the order, the shopper and the clock as they are now), send the full desired state to Stripe
 * in ONE update, verify Stripe's total, save the checkout and its holds. Any failure throws, so the transaction rolls
 * back: the saved state never runs ahead of Stripe, and nothing stays held.
 */
export async function syncCheckout(
  tx: Db,
  deps: Omit<CheckoutDeps, 'db'>,
  row: CheckoutRow,
  intent: CheckoutIntent,
): Promise<{ row: CheckoutRow; unavailable: Map<string, number>; discountsRefused: boolean; notices: UpdateNotice[] }> {
  const rules = deps.discountRules ?? demoRules;
  const email = needsCollectedEmail(intent, rules) ? await collectedEmail(deps.stripe, row.stripeSessionId) : row.email;
  const productIds = productIdsOf(row.selections, intent);
  await lockScarce(tx, [
    ...(changesItems(intent) ? productIds.map((key) => ({ kind: 'stock' as const, key })) : []),
    ...limitedRulesOf(rules, codesOf(row.selections, intent)).map((rule) => ({ kind: 'code' as const, key: rule.id })),
  ]);
  const unavailable = await unavailableUnits(tx, productIds, deps.now, row.shopperId);
  const discounts = await loadDiscountRules(tx, deps, {
    sessionId: row.stripeSessionId,
    takesDiscounts: row.serverDiscounts,
    email,
  });
  if (isCodeIntent(intent) && !discounts) throw discountsUnavailable();

  const { selections, notices } = applyIntent(row.selections, intent, {
    catalog: deps.catalog,
    allowedCountries: deps.settings.allowedCountries,
    unavailableUnits: unavailable,
    discounts,
    now: deps.now,
  });

  const sent = await withDiscountPreview(discounts !== null, row.stripeSessionId, async (preview) => {
    const priced = priceCheckout(selections, deps.catalog, deps.now, preview ? discounts : null);
    const session = await sendToStripe(deps, row.stripeSessionId, priced.quote, selections, preview);
    return { priced, session };
  });
  const { session } = sent.result;

  const quote = verifiedQuote(session, sent.result.priced.quote);
  const priced = { ...sent.result.priced, quote };

  const discountsRefused = discounts !== null && !sent.preview;
  const saved = await saveCheckout(tx, row.stripeSessionId, {
    selections: {
      ...selections,
      // A browser selection Stripe took becomes the checkout's choice.
      shippingMethodId:
        quote === sent.result.priced.quote ? selections.shippingMethodId : quote.selectedShippingMethodId,
      discountCodes: discountsRefused ? [] : selections.discountCodes,
    },
    quote: toStoredQuote(priced, shippingRatesOfSession(session, quote)),
    email: emailOfSession(session) ?? email,
    serverDiscounts: row.serverDiscounts && !discountsRefused,
  });
  await holdWhatTheCheckoutTakes(tx, saved, rules);
  return { row: saved, unavailable, discountsRefused, notices };
}

/** The checkout's holds: every unit of its items, and one use of each limited code it applied (per rule / email). */
export async function holdWhatTheCheckoutTakes(
  tx: Db,
  row: CheckoutRow,
  rules: ReadonlyArray<DiscountRule>,
): Promise<void> {
  await setHolds(
    tx,
    row,
    'stock',
    row.selections.items.map((item) => ({ key: item.productId, quantity: item.quantity })),
  );
  const applied = row.quote.discount?.applied ?? [];
  const codeHolds = limitedRulesOf(rules, row.selections.discountCodes)
    .filter((rule) => applied.some((a) => a.ruleId === rule.id && a.amount > 0))
    .flatMap((rule) => [
      ...(rule.limits.totalRedemptions !== undefined ? [{ key: rule.id, quantity: 1 }] : []),
      ...(rule.limits.perEmail !== undefined && row.email
        ? [{ key: perEmailHoldKey(rule.id, row.email), quantity: 1 }]
        : []),
    ]);
  await setHolds(tx, row, 'code', codeHolds);
}

/**
 * Expanded on every answer: the new `shr_` ids of the shipping options, the rate Stripe selected, the lines (to tell
 * whether an update whose answer was lost was applied).
 */
const SESSION_EXPAND = ['line_items', 'shipping_options.shipping_rate', 'shipping_cost.shipping_rate'];

/** The one Stripe call of an update: the full desired state (and `discounts` with the beta Stripe-Version). */
async function sendToStripe(
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
  try {
    return await deps.stripe.checkout.sessions.update(
      sessionId,
      { ...params, expand: SESSION_EXPAND },
      apiVersion ? { apiVersion } : undefined,
    );
  } catch (error) {
    return reconcileFailedUpdate(deps.stripe, sessionId, quote, error);
  }
}

/**
 * Reads Stripe's answer instead of guessing it — one extra call, only on the error path. An update whose outcome is
 * unknown (timeout, lost connection, 5xx, a retry meeting the original in flight) counts as done when the session is
 * now exactly the state sent; a refused update of a session that is no longer open is `checkout_closed`. Otherwise
 * the original failure stands (and the transaction rolls back).
 */
async function reconcileFailedUpdate(
  stripe: Stripe,
  sessionId: string,
  quote: Quote,
  error: unknown,
): Promise<Stripe.Checkout.Session> {
  const unknownOutcome = isOutcomeUnknown(error);
  if (!unknownOutcome && (!isRequestRefused(error) || isDiscountPreviewRefusal(error))) throw error;
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.retrieve(sessionId, { expand: SESSION_EXPAND });
  } catch {
    throw error;
  }
  if (session.status !== 'open') throw checkoutClosed();
  if (unknownOutcome && sessionMatchesQuote(session, quote)) {
    console.warn(`[checkout] update of ${sessionId} failed in transit but Stripe applied it; reconciled`);
    return session;
  }
  throw error;
}

/**
 * Stripe's answer, checked: the quote for the shipping option Stripe reports as selected (it normally keeps the first
 * one sent, the server's choice; a browser selection among the server's own options is accepted and re-priced on the
 * next update), whose total must be Stripe's `amount_total` — anything else is a loud 502.
 */
function verifiedQuote(session: Stripe.Checkout.Session, quote: Quote): Quote {
  const selected = selectedMethodIdOfSession(session);
  const followed = selected ? withStripeSelectedShipping(quote, selected) : quote;
  if (followed === null) {
    console.error(`[checkout] Stripe selected shipping ${selected} on ${session.id}, which the quote does not offer`);
    throw totalMismatch();
  }
  verifyStripeTotal(session.id, session.amount_total, followed);
  return followed;
}

/** Stripe's amount_total must be the server's quote; anything else is a bug worth a loud log and a 502. */
export function verifyStripeTotal(sessionId: string, amountTotal: number | null, quote: Quote): void {
  if (amountTotal === quote.total) return;
  console.error(`[checkout] total mismatch on ${sessionId}: Stripe ${amountTotal}, quote ${quote.total}`);
  throw totalMismatch();
}

function totalMismatch(): AppError {
  return new AppError(502, 'total_mismatch', 'The payment provider computed a different total. Please try again.');
}

function isCodeIntent(intent: CheckoutIntent): boolean {
  return intent.type === 'apply-code' || intent.type === 'remove-code';
}

/**
 * Whose checkout this is, as far as codes go: the email Stripe collected (a request's claim grants nothing). Read from
 * Stripe before pricing when the shopper changed it, or applies a code bound to an email, a first order or a
 * per-email limit; after every update the answer's email is saved.
 */
function needsCollectedEmail(intent: CheckoutIntent, rules: ReadonlyArray<DiscountRule>): boolean {
  if (intent.type === 'email-changed') return true;
  if (intent.type !== 'apply-code') return false;
  const code = normalizeCode(intent.code);
  return rules.some(
    (rule) =>
      rule.code === code &&
      (rule.conditions.customerEmails !== undefined ||
        rule.conditions.firstOrderOnly === true ||
        rule.limits.perEmail !== undefined),
  );
}

async function collectedEmail(stripe: Stripe, sessionId: string): Promise<string | null> {
  return emailOfSession(await callStripe(() => stripe.checkout.sessions.retrieve(sessionId)));
}

function emailOfSession(session: Pick<Stripe.Checkout.Session, 'customer_details' | 'customer_email'>): string | null {
  const email = session.customer_details?.email ?? session.customer_email;
  return email ? normalizeEmail(email) : null;
}

function changesItems(intent: CheckoutIntent): boolean {
  return intent.type === 'set-quantity' || intent.type === 'replace-items';
}

function codesOf(selections: CheckoutSelections, intent: CheckoutIntent): string[] {
  return intent.type === 'apply-code'
    ? [...selections.discountCodes, normalizeCode(intent.code)]
    : [...selections.discountCodes];
}

/** The rules behind these codes that limit their uses (in total or per email). */
function limitedRulesOf(rules: ReadonlyArray<DiscountRule>, codes: ReadonlyArray<string>): DiscountRule[] {
  return rules.filter(
    (rule) =>
      rule.code !== undefined &&
      codes.includes(rule.code) &&
      (rule.limits.totalRedemptions !== undefined || rule.limits.perEmail !== undefined),
  );
}

function productIdsOf(selections: CheckoutSelections, intent: CheckoutIntent): string[] {
  const ids = new Set(selections.items.map((item) => item.productId));
  if (intent.type === 'set-quantity') ids.add(intent.productId);
  if (intent.type === 'replace-items') for (const item of intent.items) ids.add(item.productId);
  return [...ids];
}
