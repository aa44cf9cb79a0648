/**
 * What a new checkout starts from. Normally the cart alone; after the shopper's last checkout ended unpaid (expired,
 * or about to), the choices it held too — email, shipping address and method, add-ons with the gift message, codes —
 * read from its record on the server, re-applied through the intents (`carryOver`), with quantities lowered to the
 * stock left. The notices say what could not be kept.
 */
import type Stripe from 'stripe';
import { z } from 'zod';
import { unavailableUnits } from '@/lib/cart/inventory';
import { assertQuantityAvailable } from '@/lib/cart/rules';
import { type CartLine, lockCart, writeQuantity } from '@/lib/cart/service';
import { checkoutClosed } from '@/lib/checkout/access';
import { carryOver, clampToStock } from '@/lib/checkout/carry-over';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { loadDiscountRules } from '@/lib/checkout/discount-context';
import { emptySelections } from '@/lib/checkout/intents';
import { type CheckoutRow, findLatestCheckout, markCheckoutStatus } from '@/lib/checkout/repository';
import type { Db } from '@/lib/db/client';
import { lockScarce } from '@/lib/holds';
import type { CheckoutSelections } from '@/lib/pricing/types';
import { callStripe } from '@/lib/stripe/errors';

export type FreshCheckout = {
  selections: CheckoutSelections;
  /** To prefill the new session's email (Stripe's `customer_email`). */
  email: string | null;
  /** Whether the choices of an ended checkout were carried over. */
  carriedOver: boolean;
  notices: string[];
};

const sessionStatusSchema = z.object({ status: z.enum(['open', 'complete', 'expired']).nullable() });

/** What Stripe says of a session's status now (one retrieve), for a record that may lag behind its webhooks. */
export async function statusAtStripe(
  stripe: Stripe,
  sessionId: string,
): Promise<z.infer<typeof sessionStatusSchema>['status']> {
  const session = await callStripe(() => stripe.checkout.sessions.retrieve(sessionId));
  return sessionStatusSchema.parse(session).status;
}

/** Takes the cart's products (serialised with every checkout taking them): the units others sold or hold. */
async function lockStock(
  tx: Db,
  lines: ReadonlyArray<CartLine>,
  deps: Pick<CheckoutDeps, 'now'>,
  shopperId: string,
): Promise<Map<string, number>> {
  const productIds = lines.map((line) => line.productId);
  await lockScarce(
    tx,
    productIds.map((key) => ({ kind: 'stock', key })),
  );
  return unavailableUnits(tx, productIds, deps.now, shopperId);
}

/** Takes the cart's products and refuses (409 `quantity_unavailable`) what is sold or held. */
export async function assertCartAvailable(
  tx: Db,
  lines: ReadonlyArray<CartLine>,
  deps: Pick<CheckoutDeps, 'now' | 'catalog'>,
  shopperId: string,
): Promise<void> {
  const unavailable = await lockStock(tx, lines, deps, shopperId);
  for (const line of lines) {
    const product = deps.catalog.products.find((p) => p.id === line.productId);
    if (product) assertQuantityAvailable(product, line.quantity, unavailable.get(product.id) ?? 0);
  }
}

/**
 * The shopper's newest checkout when it ended (or is ending) unpaid, else null. One the store still records as open is
 * asked about at Stripe: paid meanwhile (in another tab) → 409 `checkout_closed`, so the cart is never checked out
 * twice (fulfilment records the order and empties the cart).
 */
export async function checkoutToCarryOver(db: Db, stripe: Stripe, shopperId: string): Promise<CheckoutRow | null> {
  const previous = await findLatestCheckout(db, shopperId);
  if (!previous || previous.status === 'complete') return null;
  if (previous.status === 'expired') return previous;
  const status = await statusAtStripe(stripe, previous.stripeSessionId);
  if (status === 'complete') throw checkoutClosed('Your previous checkout was just paid. Refresh to see your order.');
  if (status === 'expired') await markCheckoutStatus(db, previous.stripeSessionId, 'expired');
  return previous;
}

/**
 * The selections, email and notices a new checkout of `lines` starts from (see the module comment), carrying over
 * `previous` (from `checkoutToCarryOver`, read before this transaction: it may ask Stripe).
 */
export async function freshCheckout(
  tx: Db,
  deps: Omit<CheckoutDeps, 'db'>,
  shopperId: string,
  lines: ReadonlyArray<CartLine>,
  previous: CheckoutRow | null,
): Promise<FreshCheckout> {
  if (!previous) {
    await assertCartAvailable(tx, lines, deps, shopperId);
    const selections = emptySelections(lines.map((line) => ({ ...line })));
    return { selections, email: null, carriedOver: false, notices: [] };
  }
  const unavailable = await lockStock(tx, lines, deps, shopperId);
  const clamped = clampToStock(lines, deps.catalog, unavailable);
  // Nothing left to buy: the refusal of a plain start.
  if (clamped.items.length === 0) await assertCartAvailable(tx, lines, deps, shopperId);
  await lockCart(tx, shopperId);
  for (const line of lines) {
    const kept = clamped.items.find((item) => item.productId === line.productId)?.quantity ?? 0;
    // The cart follows the checkout, so the store shows the same quantities.
    if (kept !== line.quantity) await writeQuantity(tx, shopperId, line.productId, kept);
  }
  const discounts = await loadDiscountRules(tx, deps, {
    sessionId: null,
    takesDiscounts: true,
    email: previous.email,
    customerId: previous.customerId,
  });
  const carried = carryOver(previous.selections, clamped.items, {
    catalog: deps.catalog,
    allowedCountries: deps.settings.allowedCountries,
    unavailableUnits: unavailable,
    discounts,
    now: deps.now,
    offer: deps.offer,
  });
  return {
    selections: carried.selections,
    email: previous.email,
    carriedOver: true,
    notices: [...clamped.notices, ...carried.notices],
  };
}
