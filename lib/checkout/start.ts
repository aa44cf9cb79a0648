import { z } from 'zod';
import type { SignedInCustomer } from '@/lib/accounts/current-customer';
import { latestSavedAddress } from '@/lib/accounts/saved-addresses';
import { stripeCustomerFor } from '@/lib/accounts/stripe-customer';
import { type CartLine, readCartLines } from '@/lib/cart/service';
import { cartEmpty, checkoutClosed, effectiveStatus } from '@/lib/checkout/access';
import { holdsOf, setCheckoutHolds } from '@/lib/checkout/checkout-holds';
import { type CheckoutDeps, publicOrigin } from '@/lib/checkout/deps';
import { loadDiscountRules } from '@/lib/checkout/discount-context';
import { withDiscountPreview } from '@/lib/checkout/discount-preview';
import {
  assertCartAvailable,
  checkoutToCarryOver,
  type FreshCheckout,
  freshCheckout,
  statusAtStripe,
} from '@/lib/checkout/fresh-checkout';
import { sameItems } from '@/lib/checkout/intents';
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
import { releaseShopperHolds } from '@/lib/holds';
import { isAppError } from '@/lib/http/app-error';
import { withLease } from '@/lib/leases';
import { SERVER_UPDATE_API_VERSION, toSessionCreateParams } from '@/lib/stripe/session-params';
import { taxBehaviorFor } from '@/lib/tax/behavior';

/**
 * `carriedOver`: a fresh checkout kept the choices of the shopper's last one, which ended unpaid; `notices`: what it
 * could not keep (lib/checkout/fresh-checkout.ts).
 */
export type StartedCheckout = { sessionId: string; clientSecret: string; carriedOver: boolean; notices: string[] };

/** A checkout closer to its expiry than this is not resumed; a fresh one is created instead. */
const RESUME_MARGIN_MS = 10 * 60 * 1000;

const createdSessionSchema = z.object({
  id: z.string().min(1),
  client_secret: z.string().min(1),
  amount_total: z.number().int().nullable(),
  expires_at: z.number().int(),
});

/**
 * Brings a resumable checkout up to date with the cart, under its lease; null when it closed meanwhile (Stripe says it
 * has expired, or it lapsed while this request waited). `seenClosed`: the browser saw this session close, so it is
 * written to Stripe (and Stripe's refusal found) even when unchanged.
 */
function resume(
  deps: CheckoutDeps,
  sessionId: string,
  lines: ReadonlyArray<CartLine>,
  seenClosed: boolean,
): Promise<StartedCheckout | null> {
  const { db } = deps;
  return withCheckoutLease(db, sessionId, async (lease) => {
    const row = await findCheckout(db, sessionId);
    if (!row || effectiveStatus(row, deps.now) !== 'open') return null;
    const started = { sessionId: row.stripeSessionId, clientSecret: row.clientSecret, carriedOver: false, notices: [] };
    const itemsChanged = !sameItems(row.selections.items, lines);
    if (!itemsChanged && !seenClosed && !(await promotionsChanged(db, deps, row))) return started;
    try {
      const intent = itemsChanged ? ({ type: 'replace-items', items: lines } as const) : ({ type: 'refresh' } as const);
      await syncCheckout(db, deps, row, intent, { lease });
      return started;
    } catch (error) {
      if (!isAppError(error) || error.code !== 'checkout_closed') throw error;
      const status = await statusAtStripe(deps.stripe, row.stripeSessionId);
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
    customerId: row.customerId,
  });
  if (!discounts) return false;
  return priceCheckout(row.selections, deps.catalog, deps.now, discounts, deps.offer).quote.total !== row.quote.total;
}

/**
 * Creates the session at catalog prices (a new session takes only a coupon or promotion-code id, not the server's
 * computed amount) with the email prefilled, saves it with its holds — checking again that the units are still there,
 * since nothing was held while Stripe worked — then, when there is an address to set (Stripe takes it only on an
 * update) or discounts apply, sends the full state in one update.
 */
async function create(
  deps: CheckoutDeps,
  shopperId: string,
  customer: SignedInCustomer | null,
  fresh: FreshCheckout,
): Promise<StartedCheckout> {
  const { db } = deps;
  const { selections } = fresh;
  const stripeCustomer = customer ? await stripeCustomerOrNone(deps, customer) : null;
  const priced = priceCheckout(selections, deps.catalog, deps.now, null, deps.offer);
  const origin = publicOrigin(deps);
  // expires_at comes from the app's clock (shared with the emulator in tests), so Stripe's 30 min – 24 h check holds.
  const options = {
    returnUrl: `${origin}/checkout/complete?session_id={CHECKOUT_SESSION_ID}`,
    allowedCountries: deps.settings.allowedCountries,
    metadata: { shopper_id: shopperId },
    expiresAt: new Date(deps.now.getTime() + deps.settings.sessionTtlSeconds * 1000),
    assetOrigin: origin,
    ...(stripeCustomer ? { customer: stripeCustomer } : fresh.email ? { customerEmail: fresh.email } : {}),
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
      await assertCartAvailable(tx, selections.items, deps, shopperId);
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
        customerId: customer?.id ?? null,
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
    email: fresh.email,
    customerId: row.customerId,
  });
  const discounted =
    discounts && priceCheckout(selections, deps.catalog, deps.now, discounts, deps.offer).quote.discountAmount > 0;
  if (selections.shippingAddress || discounted) {
    await withCheckoutLease(db, session.id, (lease) => syncCheckout(db, deps, row, { type: 'refresh' }, { lease }));
  }
  const { carriedOver, notices } = fresh;
  return { sessionId: session.id, clientSecret: session.client_secret, carriedOver, notices };
}

/**
 * A signed-in customer's new checkout starts at the address of their latest order (their saved addresses, /account)
 * when it has none of its own: the server sets it like any address, so Stripe's Address Element shows it and shipping
 * is priced for it.
 */
async function withSavedAddress(
  deps: CheckoutDeps,
  customer: SignedInCustomer,
  fresh: FreshCheckout,
): Promise<FreshCheckout> {
  if (fresh.selections.shippingAddress) return fresh;
  const saved = await latestSavedAddress(deps.db, customer.id);
  if (!saved || !deps.settings.allowedCountries.includes(saved.country)) return fresh;
  return { ...fresh, selections: { ...fresh.selections, shippingAddress: saved } };
}

/** The customer's Stripe Customer; when Stripe cannot make one now, the session goes without (logged). */
async function stripeCustomerOrNone(deps: CheckoutDeps, customer: SignedInCustomer): Promise<string | null> {
  try {
    return await stripeCustomerFor(deps.db, deps.stripe, customer);
  } catch (error) {
    console.error(`[checkout] no Stripe Customer for ${customer.id} yet; this session goes without`, error);
    return null;
  }
}

/**
 * Opens checkout for the shopper's cart: resumes their open checkout (one full-state update if the cart changed since)
 * or creates a Checkout Session priced from the catalog, keeping the choices of the shopper's last checkout when it
 * ended unpaid (lib/checkout/fresh-checkout.ts). `replacing`: the session the browser saw close. `customer`: the
 * signed-in customer, recorded on a new checkout (`customer_id`) and given to Stripe as its Customer. Serialised per
 * shopper by a lease, so a double click cannot create two sessions; no database connection is held while Stripe works.
 */
export async function startCheckout(
  input: CheckoutDeps & { shopperId: string | null; replacing?: string; customer?: SignedInCustomer | null },
): Promise<StartedCheckout> {
  const { shopperId, replacing, customer = null, ...deps } = input;
  if (!shopperId) throw cartEmpty();
  const { db } = deps;
  return withLease(db, `start:${shopperId}`, async () => {
    const lines = await readCartLines(db, shopperId, deps.catalog);
    if (lines.length === 0) throw cartEmpty();
    const existing = await findResumableCheckout(db, shopperId, deps.now, RESUME_MARGIN_MS);
    if (existing) {
      await db.transaction((tx) => assertCartAvailable(tx, lines, deps, shopperId));
      const resumed = await resume(input, existing.stripeSessionId, lines, existing.stripeSessionId === replacing);
      if (resumed) return resumed;
    }
    const previous = await checkoutToCarryOver(db, deps.stripe, shopperId);
    const fresh = await db.transaction((tx) => freshCheckout(tx, deps, shopperId, lines, previous));
    return create(input, shopperId, customer, customer ? await withSavedAddress(deps, customer, fresh) : fresh);
  });
}
