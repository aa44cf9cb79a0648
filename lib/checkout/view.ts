/**
 * `CheckoutStateView` (lib/checkout/contract.ts): what every checkout update route and `GET /api/checkout/state`
 * answer, built by one function from the checkout row. The UI renders its add-on toggles, quantity steppers and
 * shipping picker from it; `total` is Stripe's amount_total after the last update, checked against the quote.
 */
import { unavailableUnits } from '@/lib/cart/inventory';
import { maxQuantityFor } from '@/lib/cart/rules';
import { addOnUnitAmount, checkAddOnEligibility, isWarrantyEligible } from '@/lib/catalog/add-ons';
import { SEED_OFFER, type StoreOffer } from '@/lib/catalog/offer';
import type { Catalog, Product } from '@/lib/catalog/schema';
import { assertOwned, effectiveStatus } from '@/lib/checkout/access';
import type { CheckoutStateView, DiscountsView, UpdateNotice } from '@/lib/checkout/contract';
import { type CheckoutRow, findCheckout } from '@/lib/checkout/repository';
import type { Db } from '@/lib/db/client';
import { resolveCartItems } from '@/lib/pricing/cart';
import type { CheckoutSelections } from '@/lib/pricing/types';

/** The parts of a checkout row the view is built from. */
export type ViewedCheckout = Pick<
  CheckoutRow,
  'stripeSessionId' | 'status' | 'expiresAt' | 'version' | 'selections' | 'quote' | 'serverDiscounts'
>;

function toDiscountsView(row: ViewedCheckout): DiscountsView {
  const explanation = row.quote.discountExplanation;
  return {
    available: row.serverDiscounts,
    codes: explanation.codes.map((code) => ({ ...code })),
    automatic: explanation.automatic.map(({ label, amount }) => ({ label, amount })),
    total: row.quote.discountAmount,
    hints: explanation.hints.map(({ message }) => ({ message })),
  };
}

/** Shown while the customer has credit to use, or this order takes some. */
function toStoreCreditView(row: ViewedCheckout): CheckoutStateView['storeCredit'] {
  const credit = row.quote.discountExplanation.storeCredit;
  if (!credit || (credit.available === 0 && credit.applied === 0)) return null;
  return { available: credit.available, using: row.selections.useStoreCredit === true, applied: credit.applied };
}

type AddOnEntry = CheckoutStateView['addOns'][number];

function addOnEntries(selections: CheckoutSelections, catalog: Catalog, offer: StoreOffer): AddOnEntry[] {
  const cart = resolveCartItems(selections.items, catalog);
  const entry = (addOnId: string, name: string, product: Product | null, amount: number): AddOnEntry => {
    const productId = product?.id ?? null;
    const eligibility = checkAddOnEligibility(addOnId, productId, selections, catalog, offer.addOns);
    const selected = selections.addOns.some((a) => a.addOnId === addOnId && a.productId === productId);
    return eligibility.ok
      ? { addOnId, productId, name, amount, selected, eligible: true }
      : { addOnId, productId, name, amount, selected, eligible: false, reason: eligibility.message };
  };
  return offer.addOns.addOns.flatMap((addOn) =>
    addOn.scope === 'order'
      ? [entry(addOn.id, addOn.name, null, addOnUnitAmount(addOn, null))]
      : cart
          .filter(({ product }) => isWarrantyEligible(product, catalog))
          .map(({ product, quantity }) =>
            entry(addOn.id, `${addOn.name} — ${product.name}`, product, addOnUnitAmount(addOn, product) * quantity),
          ),
  );
}

function methodOrder(methodId: string, offer: StoreOffer): number {
  const index = offer.shipping.methods.findIndex((m) => m.id === methodId);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

export function toCheckoutStateView(
  row: ViewedCheckout,
  catalog: Catalog,
  /** Units per product sold or held by other shoppers, for the most each item may have now. */
  unavailable: ReadonlyMap<string, number>,
  now: Date,
  /** What the update this view answers changed on its own. */
  notices: ReadonlyArray<UpdateNotice> = [],
  offer: StoreOffer = SEED_OFFER,
): CheckoutStateView {
  const { selections, quote } = row;
  const rateIdOf = (methodId: string) =>
    quote.stripeShippingRates.find((rate) => rate.methodId === methodId)?.shippingRateId ?? null;
  const amountOf = (productId: string) => quote.lines.find((line) => line.key === `product:${productId}`)?.amount ?? 0;
  return {
    sessionId: row.stripeSessionId,
    status: effectiveStatus(row, now),
    expiresAt: row.expiresAt.toISOString(),
    expiresInSeconds: Math.max(0, Math.floor((row.expiresAt.getTime() - now.getTime()) / 1000)),
    version: row.version,
    currency: quote.currency,
    total: quote.total + (quote.tax?.behavior === 'exclusive' ? quote.tax.amount : 0),
    tax: quote.tax ? { ...quote.tax } : null,
    items: resolveCartItems(selections.items, catalog).map(({ product, quantity }) => ({
      productId: product.id,
      name: product.name,
      quantity,
      maxQuantity: maxQuantityFor(product, unavailable.get(product.id) ?? 0),
      amount: amountOf(product.id),
    })),
    lines: quote.lines.map(({ key, name, quantity, unitAmount, amount }) => ({
      key,
      name,
      quantity,
      unitAmount,
      amount,
    })),
    addOns: addOnEntries(selections, catalog, offer),
    giftMessage: selections.giftMessage,
    shippingAddress: selections.shippingAddress,
    shippingMethods: [...quote.shippingOptions]
      .sort((a, b) => methodOrder(a.methodId, offer) - methodOrder(b.methodId, offer))
      .map((option) => ({
        methodId: option.methodId,
        displayName: option.displayName,
        amount: option.amount,
        shippingRateId: rateIdOf(option.methodId),
        selected: option.methodId === quote.selectedShippingMethodId,
      })),
    selectedShippingMethodId: quote.selectedShippingMethodId,
    discounts: toDiscountsView(row),
    storeCredit: toStoreCreditView(row),
    notices: notices.map((notice) => ({ ...notice })),
  };
}

/** The shopper's checkout as the server recorded it (no Stripe call); 404 for anyone else's. */
export async function getCheckoutState(input: {
  db: Db;
  catalog: Catalog;
  offer?: StoreOffer;
  now: Date;
  sessionId: string;
  shopperId: string | null;
}): Promise<CheckoutStateView> {
  const row = await findCheckout(input.db, input.sessionId);
  assertOwned(row, input.shopperId);
  const productIds = row.selections.items.map((item) => item.productId);
  const unavailable = await unavailableUnits(input.db, productIds, input.now, row.shopperId);
  return toCheckoutStateView(row, input.catalog, unavailable, input.now, [], input.offer);
}
