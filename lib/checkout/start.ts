import { z } from 'zod';
import { unavailableUnits } from '@/lib/cart/inventory';
import { assertQuantityAvailable } from '@/lib/cart/rules';
import { type CartLine, readCartLines } from '@/lib/cart/service';
import { cartEmpty, checkoutClosed, effectiveStatus } from '@/lib/checkout/access';
import { holdsOf, setCheckoutHolds } from '@/lib/checkout/checkout-holds';
import { type CheckoutDeps, publicOrigin } from '@/lib/checkout/deps';
import { loadDiscountRules } from '@/lib/checkout/discount-context';
import { withDiscountPreview } from '@/lib/checkout/discount-preview';
import { emptySelections, sameItems } from '@/lib/checkout/intents';
import { priceCheckout, shippingRatesOfSession, taxOfSession, toStoredQuote } from '@/lib/checkout/price';
import {
  type CheckoutRow,
  findCheckout,
  findResumableCheckout,
  insertCheckout,
  lockCheckout,
  markCheckoutStatus,
} from '@/lib/checkout/repository';
import { syncCheckout, verifyStripeTotal, withCheckoutLease } from '@/lib/checkout/update';
import type { Db } from '@/lib/db/client';
import { demoRules } from '@/lib/discounts';
import { lockScarce, releaseShopperHolds } from '@/lib/holds';
import { isAppError } from '@/lib/http/app-error';
import { withLease } from '@/lib/leases';
import { callStripe } from '@/lib/stripe/errors';
import { SERVER_UPDATE_API_VERSION, toSessionCreateParams } from '@/lib/stripe/session-params';
import { taxBehaviorFor } from '@/lib/tax/behavior';

export type StartedCheckout = { sessionId: string; clientSecret: string };

/** A checkout closer to its expiry than this is not resumed; a fresh one is created instead. */
const RESUME_MARGIN_MS = 10 * 60 * 1000;

const createdSessionSchema = z.object({
  id: z.string().min(1),
  client_secret: z.string().min(1),
  amount_total: z.number().int().nullable(),
  expires_at: z.number().int(),
});

const sessionStatusSchema = z.object({ status: z.enum(['open', 'complete', 'expired']).nullable() });

/** Takes the cart's products (serialised with every checkout taking them) and refuses what is sold or held. */
async function assertCartAvailable(
  tx: Db,
  lines: ReadonlyArray<CartLine>,
  deps: CheckoutDeps,
  shopperId: string,
): Promise<void> {
  const productIds = lines.map((line) => line.productId);
  await lockScarce(
    tx,
    productIds.map((key) => ({ kind: 'stock', key })),
  );
  const unavailable = await unavailableUnits(tx, productIds, deps.now, shopperId);
  for (const line of lines) {
    const product = deps.catalog.products.find((p) => p.id === line.productId);
    if (product) assertQuantityAvailable(product, line.quantity, unavailable.get(product.id) ?? 0);
  }
}

/**
 * Brings a resumable checkout up to date with the cart, under its lease; null when it closed meanwhile (Stripe says
 * it has expired, or it lapsed while this request waited).
 */
function resume(
  deps: CheckoutDeps,
  sessionId: string,
  lines: ReadonlyArray<CartLine>,
): Promise<StartedCheckout | null> {
  const { db } = deps;
  return withCheckoutLease(db, sessionId, async (lease) => {
    const row = await findCheckout(db, sessionId);
    if (!row || effectiveStatus(row, deps.now) !== 'open') return null;
    const started = { sessionId: row.stripeSessionId, clientSecret: row.clientSecret };
    const itemsChanged = !sameItems(row.selections.items, lines);
    if (!itemsChanged && !(await promotionsChanged(db, deps, row))) return started;
    try {
      const intent = itemsChanged ? ({ type: 'replace-items', items: lines } as const) : ({ type: 'refresh' } as const);
      await syncCheckout(db, deps, row, intent, { lease });
      return started;
    } catch (error) {
      if (!isAppError(error) || error.code !== 'checkout_closed') throw error;
      const session = await callStripe(() => deps.stripe.checkout.sessions.retrieve(row.stripeSessionId));
      const { status } = sessionStatusSchema.parse(session);
      if (status === 'complete') {
        await markCheckoutStatus(db, row.stripeSessionId, 'complete');
        throw checkoutClosed('Your previous checkout was just completed. Refresh to see your order.');
      }
      await markCheckoutStatus(db, row.stripeSessionId, 'expired');
      return null;
    }
  });
}

/** Whether re-pricing now (automatic promotions, the clock, redemption limits) changes the saved total. */
async function promotionsChanged(db: Db, deps: CheckoutDeps, row: CheckoutRow): Promise<boolean> {
  const discounts = await loadDiscountRules(db, deps, {
    sessionId: row.stripeSessionId,
    takesDiscounts: row.serverDiscounts,
    email: row.email,
  });
  if (!discounts) return false;
  return priceCheckout(row.selections, deps.catalog, deps.now, discounts).quote.total !== row.quote.total;
}

/**
 * Creates the session at catalog prices (a new session takes only a coupon or promotion-code id, not the server's
 * computed amount), saves it with its holds — checking again that the units are still there, since nothing was held
 * while Stripe worked — then, when automatic promotions apply, sends the discounted full state in one update.
 */
async function create(deps: CheckoutDeps, shopperId: string, lines: ReadonlyArray<CartLine>): Promise<StartedCheckout> {
  const { db } = deps;
  const selections = emptySelections(lines.map((line) => ({ ...line })));
  const priced = priceCheckout(selections, deps.catalog, deps.now, null);
  const origin = publicOrigin(deps);
  // expires_at comes from the app's clock (shared with the emulator in tests), so Stripe's 30 min – 24 h check holds.
  const options = {
    returnUrl: `${origin}/checkout/complete?session_id={CHECKOUT_SESSION_ID}`,
    allowedCountries: deps.settings.allowedCountries,
    metadata: { shopper_id: shopperId },
    expiresAt: new Date(deps.now.getTime() + deps.settings.sessionTtlSeconds * 1000),
    assetOrigin: origin,
  };
  // Before the address is known, prices are shown as the store's home market shows them (tax added at the address).
  const tax = deps.settings.stripeTax ? taxBehaviorFor(null) : null;
  // Asking for server-only discounts is part of the preview: it goes with the beta Stripe-Version.
  const created = await withDiscountPreview(deps.settings.serverSideDiscounts, null, (preview) =>
    deps.stripe.checkout.sessions.create(
      toSessionCreateParams(priced.quote, { ...options, serverOnlyDiscounts: preview, tax }),
      preview ? { apiVersion: SERVER_UPDATE_API_VERSION } : undefined,
    ),
  );
  const session = createdSessionSchema.parse(created.result);
  verifyStripeTotal(created.result, priced.quote, tax);
  const rules = deps.discountRules ?? demoRules;
  const row = await db
    .transaction(async (tx) => {
      await assertCartAvailable(tx, lines, deps, shopperId);
      await insertCheckout(tx, {
        stripeSessionId: session.id,
        shopperId,
        expiresAt: new Date(session.expires_at * 1000),
        selections,
        quote: toStoredQuote(
          priced,
          shippingRatesOfSession(created.result, priced.quote),
          tax ? taxOfSession(created.result, tax) : null,
        ),
        clientSecret: session.client_secret,
        serverDiscounts: created.preview,
        automaticTax: tax !== null,
      });
      const row = await lockCheckout(tx, session.id);
      if (!row) throw new Error(`checkout ${session.id} missing right after its insert`);
      await setCheckoutHolds(tx, row, holdsOf(row, rules));
      // The shopper's older checkouts (about to expire) stop holding what this one now holds.
      await releaseShopperHolds(tx, shopperId, session.id);
      return row;
    })
    .catch(async (error: unknown) => {
      // Someone took the last units while Stripe created the session: nobody may pay it.
      await deps.stripe.checkout.sessions.expire(session.id).catch(() => undefined);
      throw error;
    });
  const discounts = await loadDiscountRules(db, deps, {
    sessionId: session.id,
    takesDiscounts: created.preview,
    email: null,
  });
  if (discounts && priceCheckout(selections, deps.catalog, deps.now, discounts).quote.discountAmount > 0) {
    await withCheckoutLease(db, session.id, (lease) => syncCheckout(db, deps, row, { type: 'refresh' }, { lease }));
  }
  return { sessionId: session.id, clientSecret: session.client_secret };
}

/**
 * Opens checkout for the shopper's cart: resumes their open checkout (one full-state update if the cart changed since)
 * or creates a Checkout Session priced from the catalog. Serialised per shopper by a lease, so a double click cannot
 * create two sessions; no database connection is held while Stripe works.
 */
export async function startCheckout(input: CheckoutDeps & { shopperId: string | null }): Promise<StartedCheckout> {
  const { shopperId, ...deps } = input;
  if (!shopperId) throw cartEmpty();
  return withLease(deps.db, `start:${shopperId}`, async () => {
    const lines = await readCartLines(deps.db, shopperId, deps.catalog);
    if (lines.length === 0) throw cartEmpty();
    await deps.db.transaction((tx) => assertCartAvailable(tx, lines, input, shopperId));
    const existing = await findResumableCheckout(deps.db, shopperId, deps.now, RESUME_MARGIN_MS);
    const resumed = existing ? await resume(input, existing.stripeSessionId, lines) : null;
    return resumed ?? create(input, shopperId, lines);
  });
}
