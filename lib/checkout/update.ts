/**
 * One dynamic update, as a straight line: parse → authorise → take what is scarce → apply the intent → price → send to
 * Stripe → verify Stripe's answer → save → view. Every checkout update route is `checkoutUpdateRoute(schema, toIntent)`; every change to an open
 * checkout (the routes, and `startCheckout` resuming one) goes through `syncCheckout`.
 */
import type { NextRequest } from 'next/server';
import type Stripe from 'stripe';
import type { z } from 'zod';
import { readSignedInCustomer } from '@/lib/accounts/current-customer';
import { unavailableUnits } from '@/lib/cart/inventory';
import { lockCart, writeQuantity } from '@/lib/cart/service';
import { assertCreditOwner, assertUpdatable, checkoutClosed, discountsUnavailable } from '@/lib/checkout/access';
import {
  changesHolds,
  holdsOf,
  limitedRulesOf,
  mostOf,
  restoreHolds,
  setCheckoutHolds,
} from '@/lib/checkout/checkout-holds';
import type { CheckoutStateView, UpdateNotice } from '@/lib/checkout/contract';
import { type CheckoutDeps, checkoutDepsFor, publicOrigin } from '@/lib/checkout/deps';
import { loadDiscountRules } from '@/lib/checkout/discount-context';
import { isDiscountPreviewRefusal, withDiscountPreview } from '@/lib/checkout/discount-preview';
import { applyIntent, type CheckoutIntent } from '@/lib/checkout/intents';
import {
  type DiscountRules,
  priceCheckout,
  shippingRatesOfSession,
  taxOfSession,
  toStoredQuote,
  withStripeSelectedShipping,
} from '@/lib/checkout/price';
import { type CheckoutRow, type CheckoutUpdate, findCheckout, saveCheckout } from '@/lib/checkout/repository';
import { toCheckoutStateView } from '@/lib/checkout/view';
import { creditLock } from '@/lib/customers/store-credit';
import type { Db } from '@/lib/db/client';
import { type DiscountRule, demoRules, normalizeCode, normalizeEmail } from '@/lib/discounts';
import { type HeldThing, lockScarce } from '@/lib/holds';
import { AppError } from '@/lib/http/app-error';
import { readJsonBody } from '@/lib/http/json-body';
import { jsonResponse, withErrorHandling } from '@/lib/http/responses';
import { type Lease, leaseLapsed, leaseRelease, releaseLeaseOnCommit, withLease } from '@/lib/leases';
import type { CheckoutSelections, Quote } from '@/lib/pricing/types';
import { readShopperId } from '@/lib/shopper';
import { callStripe, isOutcomeUnknown, isRequestRefused } from '@/lib/stripe/errors';
import {
  selectedMethodIdOfSession,
  sessionMatchesQuote,
  toSessionUpdateParams,
  totalBeforeTax,
} from '@/lib/stripe/session-params';
import { type TaxBehavior, taxBehaviorFor } from '@/lib/tax/behavior';

type UpdateRequest = { sessionId: string };

type RouteOptions<B> = {
  /** Runs after parsing, before the update; a Response answers instead (e.g. 429 from a rate limit). */
  guard?: (input: { request: NextRequest; body: B; deps: CheckoutDeps }) => Promise<Response | null>;
  /** The update is the signed-in customer's own (store credit): read who is signed in. */
  asCustomer?: boolean;
};

/** A checkout update route handler: parse the body with `schema`, turn it into an intent, update, answer the view. */
export function checkoutUpdateRoute<S extends z.core.$ZodType<UpdateRequest>>(
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
    const customerId = options.asCustomer ? ((await readSignedInCustomer(request.headers))?.id ?? null) : null;
    return jsonResponse(
      await updateCheckout({ ...deps, sessionId: body.sessionId, shopperId, customerId, intent: toIntent(body) }),
    );
  });
}

/**
 * The service behind every update route. Updates of one checkout (two clicks, two tabs) are serialised by its lease,
 * held across the Stripe call without holding a database connection; the work itself is `syncCheckout`.
 */
export async function updateCheckout(
  input: CheckoutDeps & {
    sessionId: string;
    shopperId: string | null;
    intent: CheckoutIntent;
    /** The signed-in customer making the request (only store credit asks). */
    customerId?: string | null;
  },
): Promise<CheckoutStateView> {
  const { db, sessionId, shopperId, intent, customerId = null, ...deps } = input;
  const { row, unavailable, discountsRefused, notices } = await withCheckoutLease(db, sessionId, async (lease) => {
    const current = await findCheckout(db, sessionId);
    assertUpdatable(current, shopperId, deps.now);
    if (intent.type === 'set-store-credit') assertCreditOwner(current, customerId);
    return syncCheckout(db, deps, current, intent, {
      lease,
      // The cart follows the checkout, so the store shows the same quantities.
      alsoSave:
        intent.type === 'set-quantity'
          ? {
              lockFirst: (tx) => lockCart(tx, current.shopperId),
              write: async (tx, saved) => {
                const quantity = saved.selections.items.find((item) => item.productId === intent.productId)?.quantity;
                await writeQuantity(tx, current.shopperId, intent.productId, quantity ?? 0);
              },
            }
          : undefined,
    });
  });
  // Committed without discounts (so later updates skip them), but the shopper's code could not be applied.
  if (discountsRefused && isCodeIntent(intent)) throw discountsUnavailable();
  return toCheckoutStateView(row, deps.catalog, unavailable, deps.now, notices, deps.offer);
}

/** Serialises every change to one open checkout (the update routes, and starting checkout resuming it). */
export function withCheckoutLease<T>(db: Db, sessionId: string, work: (lease: Lease) => Promise<T>): Promise<T> {
  return withLease(db, `checkout:${sessionId}`, work);
}

type SyncOptions = {
  /** The caller's lease on this checkout, checked when the result is saved. */
  lease: Lease;
  /** More to write in the transaction that saves the checkout; `lockFirst` runs before the checkout row is locked. */
  alsoSave?: { lockFirst: (tx: Db) => Promise<void>; write: (tx: Db, saved: CheckoutRow) => Promise<void> };
};

/**
 * Applies `intent` to a checkout whose lease the caller holds, in three steps none of which holds a connection while
 * Stripe works:
 * 1. a short transaction takes what the change needs of scarce stock and limited codes (serialised with every other
 *    checkout taking them), applies the intent, re-prices the whole order (automatic promotions and codes re-evaluated
 *    against the order, the shopper and the clock as they are now) and holds what the old AND the new state take;
 * 2. the full desired state goes to Stripe in ONE update, and Stripe's total is verified;
 * 3. a short transaction saves the checkout and makes its holds exactly the new state's — unless it was paid or
 *    closed meanwhile. Any failure puts the holds back to the saved state's: the saved state never runs ahead of
 *    Stripe, and nothing stays held that the checkout does not take.
 */
export async function syncCheckout(
  db: Db,
  deps: Omit<CheckoutDeps, 'db'>,
  row: CheckoutRow,
  intent: CheckoutIntent,
  options: SyncOptions,
): Promise<{ row: CheckoutRow; unavailable: Map<string, number>; discountsRefused: boolean; notices: UpdateNotice[] }> {
  const rules = deps.discountRules ?? demoRules;
  const email = needsCollectedEmail(intent, rules) ? await collectedEmail(deps.stripe, row.stripeSessionId) : row.email;

  const productIds = productIdsOf(row.selections, intent);
  const scarce = [
    ...(changesItems(intent) ? productIds.map((key) => ({ kind: 'stock' as const, key })) : []),
    ...limitedRulesOf(rules, codesOf(row.selections, intent)).map((rule) => ({ kind: 'code' as const, key: rule.id })),
    ...(row.customerId && (row.selections.useStoreCredit || intent.type === 'set-store-credit')
      ? [creditLock(row.customerId)]
      : []),
  ];
  const { selections, notices, discounts, unavailable, reserved } = await withScarceLocks(db, scarce, async (conn) => {
    const [unavailable, discounts] = await Promise.all([
      unavailableUnits(conn, productIds, deps.now, row.shopperId),
      loadDiscountRules(conn, deps, {
        sessionId: row.stripeSessionId,
        takesDiscounts: row.serverDiscounts,
        email,
        customerId: row.customerId,
        codes: codesOf(row.selections, intent),
      }),
    ]);
    if (isCodeIntent(intent) && !discounts) throw discountsUnavailable();
    const { selections, notices } = applyIntent(row.selections, intent, {
      catalog: deps.catalog,
      allowedCountries: deps.settings.allowedCountries,
      unavailableUnits: unavailable,
      discounts,
      now: deps.now,
      quotedLines: row.quote.lines,
      offer: deps.offer,
    });
    const wanted = priceCheckout(selections, deps.catalog, deps.now, discounts, deps.offer).quote;
    const saved = holdsOf(row, rules);
    const reserved = mostOf(saved, holdsOf({ selections, quote: wanted, email, customerId: row.customerId }, rules));
    await setCheckoutHolds(conn, row, reserved, saved);
    return { selections, notices, discounts, unavailable, reserved };
  });

  const tax = taxBehaviorOf(row, selections);
  let sent: Awaited<ReturnType<typeof sendPriced>>;
  try {
    sent = await sendPriced(deps, row.stripeSessionId, selections, discounts, tax);
  } catch (error) {
    await restoreHolds(db, row.stripeSessionId, rules);
    throw error;
  }
  const { session, priced, preview } = sent;
  const quote = verifiedQuote(session, priced.quote, tax);
  const discountsRefused = discounts !== null && !preview;

  const update: CheckoutUpdate = {
    selections: {
      ...selections,
      // A browser selection Stripe took becomes the checkout's choice.
      shippingMethodId: quote === priced.quote ? selections.shippingMethodId : quote.selectedShippingMethodId,
      discountCodes: discountsRefused ? [] : selections.discountCodes,
    },
    quote: toStoredQuote(
      { ...priced, quote },
      shippingRatesOfSession(session, quote),
      tax ? taxOfSession(session, tax) : null,
    ),
    email: emailOfSession(session) ?? email,
    serverDiscounts: row.serverDiscounts && !discountsRefused,
  };
  // Holds within what step 1 reserved under the scarce locks (the same email: Stripe's may have changed meanwhile).
  const holdsChange = changesHolds(holdsOf({ ...update, email, customerId: row.customerId }, rules), reserved);
  const saved = await (options.alsoSave || holdsChange
    ? db.transaction(async (tx) => {
        await options.alsoSave?.lockFirst(tx);
        await releaseLeaseOnCommit(tx, options.lease);
        const saved = await saveCheckout(tx, row.stripeSessionId, update);
        // Paid (or expired) while Stripe answered: Stripe refuses updates of a closed session, but never count on it.
        if (!saved) throw checkoutClosed();
        await setCheckoutHolds(tx, saved, holdsOf({ ...saved, email }, rules), reserved);
        await options.alsoSave?.write(tx, saved);
        return saved;
      })
    : saveReleasingLease(db, row.stripeSessionId, update, options.lease)
  ).catch(async (error: unknown) => {
    await restoreHolds(db, row.stripeSessionId, rules);
    throw error;
  });
  options.lease.released = true;
  return { row: saved, unavailable, discountsRefused, notices };
}

/**
 * Nothing else to write: the save and the lease's release in one statement (one round trip instead of a transaction's
 * four), with the same refusals — a lapsed lease, or a checkout closed while Stripe answered.
 */
async function saveReleasingLease(
  db: Db,
  sessionId: string,
  update: CheckoutUpdate,
  lease: Lease,
): Promise<CheckoutRow> {
  const saved = await saveCheckout(db, sessionId, update, leaseRelease(db, lease));
  if (saved) return saved;
  const current = await findCheckout(db, sessionId);
  throw current?.status === 'open' ? leaseLapsed(lease) : checkoutClosed();
}

/**
 * Runs `work` in a transaction holding the advisory locks of `scarce` (released at its end); without scarce things,
 * on the pool directly, where its independent reads run side by side.
 */
function withScarceLocks<T>(db: Db, scarce: ReadonlyArray<HeldThing>, work: (conn: Db) => Promise<T>): Promise<T> {
  if (scarce.length === 0) return work(db);
  return db.transaction(async (tx) => {
    await lockScarce(tx, scarce);
    return work(tx);
  });
}

/** Prices `selections` and sends them, with discounts when the account takes the preview (else without). */
async function sendPriced(
  deps: Omit<CheckoutDeps, 'db'>,
  sessionId: string,
  selections: CheckoutSelections,
  discounts: DiscountRules | null,
  tax: TaxBehavior | null,
) {
  const sent = await withDiscountPreview(discounts !== null, sessionId, async (preview) => {
    const priced = priceCheckout(selections, deps.catalog, deps.now, preview ? discounts : null, deps.offer);
    const session = await sendToStripe(deps, sessionId, { quote: priced.quote, selections, preview, tax });
    return { priced, session };
  });
  return { ...sent.result, preview: sent.preview };
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
  sent: { quote: Quote; selections: CheckoutSelections; preview: boolean; tax: TaxBehavior | null },
): Promise<Stripe.Checkout.Session> {
  const { quote, selections, tax } = sent;
  const { params, apiVersion } = toSessionUpdateParams(quote, selections, {
    includeDiscounts: sent.preview,
    assetOrigin: publicOrigin(deps),
    tax,
  });
  try {
    return await deps.stripe.checkout.sessions.update(
      sessionId,
      { ...params, expand: SESSION_EXPAND },
      apiVersion ? { apiVersion } : undefined,
    );
  } catch (error) {
    return reconcileFailedUpdate(deps.stripe, sessionId, { quote, tax }, error);
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
  { quote, tax }: { quote: Quote; tax: TaxBehavior | null },
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
  if (unknownOutcome && sessionMatchesQuote(session, quote, tax)) {
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
function verifiedQuote(session: Stripe.Checkout.Session, quote: Quote, tax: TaxBehavior | null): Quote {
  const selected = selectedMethodIdOfSession(session);
  const followed = selected ? withStripeSelectedShipping(quote, selected) : quote;
  if (followed === null) {
    console.error(`[checkout] Stripe selected shipping ${selected} on ${session.id}, which the quote does not offer`);
    throw totalMismatch();
  }
  verifyStripeTotal(session, followed, tax);
  return followed;
}

/**
 * Stripe's total before tax must be the server's quote (the tax is Stripe's to compute, and is what the shopper sees
 * and pays); anything else is a bug worth a loud log and a 502.
 */
export function verifyStripeTotal(
  session: Pick<Stripe.Checkout.Session, 'id' | 'amount_total' | 'total_details'>,
  quote: Quote,
  tax: TaxBehavior | null,
): void {
  const beforeTax = totalBeforeTax(session, tax);
  if (beforeTax === quote.total) return;
  console.error(`[checkout] total mismatch on ${session.id}: Stripe ${beforeTax} before tax, quote ${quote.total}`);
  throw totalMismatch();
}

/** The tax behavior this checkout's prices are sent with: the market's, for a session created with Stripe Tax. */
export function taxBehaviorOf(
  row: Pick<CheckoutRow, 'automaticTax'>,
  selections: Pick<CheckoutSelections, 'shippingAddress'>,
): TaxBehavior | null {
  return row.automaticTax ? taxBehaviorFor(selections.shippingAddress?.country ?? null) : null;
}

function totalMismatch(): AppError {
  return new AppError(502, 'total_mismatch', 'The payment provider computed a different total. Please try again.');
}

function isCodeIntent(intent: CheckoutIntent): boolean {
  return intent.type === 'apply-code' || intent.type === 'remove-code';
}

/**
 * Whose checkout this is, as far as per-email limits and first orders go: the email Stripe collected (a request's
 * claim grants nothing; customer-specific codes need the signed-in customer's verified email instead). Read from
 * Stripe before pricing when the shopper changed it, or applies a code with a first-order or per-email condition;
 * after every update the answer's email is saved.
 */
function needsCollectedEmail(intent: CheckoutIntent, rules: ReadonlyArray<DiscountRule>): boolean {
  if (intent.type === 'email-changed') return true;
  if (intent.type !== 'apply-code') return false;
  const code = normalizeCode(intent.code);
  return rules.some(
    (rule) => rule.code === code && (rule.conditions.firstOrderOnly === true || rule.limits.perEmail !== undefined),
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

function productIdsOf(selections: CheckoutSelections, intent: CheckoutIntent): string[] {
  const ids = new Set(selections.items.map((item) => item.productId));
  if (intent.type === 'set-quantity') ids.add(intent.productId);
  if (intent.type === 'replace-items') for (const item of intent.items) ids.add(item.productId);
  return [...ids];
}
