/** Reads the shopper's checkout as a `CheckoutStateView` from the server's record alone (no Stripe call). */
import { soldCounts } from '@/lib/cart/inventory';
import type { Catalog } from '@/lib/catalog/schema';
import type { CheckoutStateView, CheckoutStatus } from '@/lib/checkout/contract';
import { type CheckoutRow, findCheckout } from '@/lib/checkout/repository';
import { toCheckoutStateView } from '@/lib/checkout/state-view';
import { storedShippingRates } from '@/lib/checkout/stored-quote';
import { type CheckoutUpdateResult, checkoutNotFound } from '@/lib/checkout/update';
import type { Db } from '@/lib/db/client';

/** The row's status, counting an open checkout past its expiry as expired. */
export function effectiveStatus(row: Pick<CheckoutRow, 'status' | 'expiresAt'>, now: Date): CheckoutStatus {
  return row.status === 'open' && row.expiresAt.getTime() <= now.getTime() ? 'expired' : row.status;
}

export async function getCheckoutState(input: {
  db: Db;
  catalog: Catalog;
  now: Date;
  sessionId: string;
  shopperId: string | null;
}): Promise<CheckoutStateView> {
  const row = await findCheckout(input.db, input.sessionId);
  if (!row || !input.shopperId || row.shopperId !== input.shopperId) throw checkoutNotFound();
  const sold = await soldCounts(
    input.db,
    row.selections.items.map((item) => item.productId),
  );
  return toCheckoutStateView(
    {
      sessionId: row.stripeSessionId,
      status: effectiveStatus(row, input.now),
      version: row.version,
      selections: row.selections,
      quote: row.quote,
      shippingRates: storedShippingRates(row.quote),
      serverDiscounts: row.serverDiscounts,
    },
    input.catalog,
    sold,
  );
}

/** The view right after a successful update (the checkout is open: the update just went through). */
export function stateAfterUpdate(
  result: CheckoutUpdateResult & { soldUnits: ReadonlyMap<string, number> },
  catalog: Catalog,
): CheckoutStateView {
  return toCheckoutStateView(
    {
      sessionId: result.sessionId,
      status: 'open',
      version: result.version,
      selections: result.selections,
      quote: result.quote,
      shippingRates: result.quote.stripeShippingRates,
      serverDiscounts: result.serverDiscounts,
    },
    catalog,
    result.soldUnits,
  );
}
