/**
 * `CheckoutStateView`: what every checkout update route (and `GET /api/checkout/state`) answers. The UI renders its
 * add-on toggles, quantity steppers and shipping picker from it; totals it shows come from Stripe's session (`total`
 * here is Stripe's amount_total after the last update, which the server checked against its quote). Pure.
 */
import { maxQuantityFor } from '@/lib/cart/rules';
import { addOnConfig, addOnUnitAmount, checkAddOnEligibility, isWarrantyEligible } from '@/lib/catalog/add-ons';
import type { Catalog, Product } from '@/lib/catalog/schema';
import { shippingConfig } from '@/lib/catalog/shipping';
import type { CheckoutStateView, CheckoutStatus, DiscountsView } from '@/lib/checkout/contract';
import { type StripeShippingRate, storedDiscountExplanation } from '@/lib/checkout/stored-quote';
import { resolveCartItems } from '@/lib/pricing/cart';
import type { CheckoutSelections, Quote } from '@/lib/pricing/types';

export type CheckoutRecord = {
  sessionId: string;
  status: CheckoutStatus;
  version: number;
  selections: CheckoutSelections;
  quote: Quote;
  shippingRates: ReadonlyArray<StripeShippingRate>;
  /** Whether the checkout takes discounts (the row's `server_discounts`); absent = no. */
  serverDiscounts?: boolean;
};

export function toDiscountsView(record: Pick<CheckoutRecord, 'quote' | 'serverDiscounts'>): DiscountsView {
  const explanation = storedDiscountExplanation(record.quote);
  return {
    available: record.serverDiscounts ?? false,
    codes: explanation.codes.map((code) => ({ ...code })),
    automatic: explanation.automatic.map(({ label, amount }) => ({ label, amount })),
    total: record.quote.discountAmount,
    hints: explanation.hints.map(({ message }) => ({ message })),
  };
}

type AddOnEntry = CheckoutStateView['addOns'][number];

function addOnEntries(selections: CheckoutSelections, catalog: Catalog): AddOnEntry[] {
  const cart = resolveCartItems(selections.items, catalog);
  const entry = (addOnId: string, name: string, product: Product | null, amount: number): AddOnEntry => {
    const productId = product?.id ?? null;
    const eligibility = checkAddOnEligibility(addOnId, productId, selections, catalog);
    const selected = selections.addOns.some((a) => a.addOnId === addOnId && a.productId === productId);
    return eligibility.ok
      ? { addOnId, productId, name, amount, selected, eligible: true }
      : { addOnId, productId, name, amount, selected, eligible: false, reason: eligibility.message };
  };
  return addOnConfig.addOns.flatMap((addOn) =>
    addOn.scope === 'order'
      ? [entry(addOn.id, addOn.name, null, addOnUnitAmount(addOn, null))]
      : cart
          .filter(({ product }) => isWarrantyEligible(product, catalog))
          .map(({ product, quantity }) =>
            entry(addOn.id, `${addOn.name} — ${product.name}`, product, addOnUnitAmount(addOn, product) * quantity),
          ),
  );
}

function methodOrder(methodId: string): number {
  const index = shippingConfig.methods.findIndex((m) => m.id === methodId);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

export function toCheckoutStateView(
  record: CheckoutRecord,
  catalog: Catalog,
  soldUnits: ReadonlyMap<string, number>,
): CheckoutStateView {
  const { selections, quote } = record;
  const rateIdOf = (methodId: string) =>
    record.shippingRates.find((rate) => rate.methodId === methodId)?.shippingRateId ?? null;
  return {
    sessionId: record.sessionId,
    status: record.status,
    version: record.version,
    currency: quote.currency,
    total: quote.total,
    items: resolveCartItems(selections.items, catalog).map(({ product, quantity }) => ({
      productId: product.id,
      name: product.name,
      quantity,
      maxQuantity: maxQuantityFor(product, soldUnits.get(product.id) ?? 0),
    })),
    addOns: addOnEntries(selections, catalog),
    giftMessage: selections.giftMessage,
    shippingAddress: selections.shippingAddress,
    shippingMethods: [...quote.shippingOptions]
      .sort((a, b) => methodOrder(a.methodId) - methodOrder(b.methodId))
      .map((option) => ({
        methodId: option.methodId,
        displayName: option.displayName,
        amount: option.amount,
        shippingRateId: rateIdOf(option.methodId),
        selected: option.methodId === quote.selectedShippingMethodId,
      })),
    selectedShippingMethodId: quote.selectedShippingMethodId,
    discounts: toDiscountsView(record),
  };
}
