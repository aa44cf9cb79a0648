/**
 * The pure quote engine: selections + catalog (+ clock, + discount rules) → the complete desired checkout.
 * No I/O, integer minor units only, deterministic.
 *
 * - Lines: products in cart order, then add-ons (see `addOnLinesOf`). Items whose product is unknown, and add-ons that
 *   are no longer eligible, are dropped silently here — the routes validate and refuse bad input before this point.
 * - Shipping: the options offered for the address (none until an address is known), the selected one first; a selected
 *   method that is not offered for the address falls back to the cheapest offered one. A free-shipping perk prices its
 *   methods at zero.
 * - Discount: `null` unless a `DiscountEvaluator` is given; its amount is capped at the subtotal.
 * - total = max(0, subtotal + shippingAmount − discountAmount), which equals the plain sum because of the cap.
 */
import { SEED_OFFER, type StoreOffer } from '@/lib/catalog/offer';
import type { Catalog } from '@/lib/catalog/schema';
import { shippingOptionsFor, withSelectedFirst } from '@/lib/catalog/shipping';
import { assertMinorUnits } from '@/lib/money';
import { addOnLinesOf } from '@/lib/pricing/add-on-lines';
import { resolveCartItems } from '@/lib/pricing/cart';
import type { DiscountEvaluator } from '@/lib/pricing/discount-evaluator';
import type { CheckoutSelections, Quote, QuoteDiscount, QuoteLine } from '@/lib/pricing/types';

export type { DiscountEvaluator, DiscountInput, DiscountLine } from '@/lib/pricing/discount-evaluator';

/** Shipping methods a perk makes free (e.g. express for Gold members), with the words shown beside the method. */
export type FreeShippingPerk = { methodIds: ReadonlyArray<string>; label: string };

export function buildQuote(
  selections: CheckoutSelections,
  catalog: Catalog,
  now: Date,
  discounts?: DiscountEvaluator,
  freeShipping: ReadonlyArray<FreeShippingPerk> = [],
  offer: StoreOffer = SEED_OFFER,
): Quote {
  const cart = resolveCartItems(selections.items, catalog);
  const productLines: QuoteLine[] = cart.map(({ product, quantity }) => ({
    key: `product:${product.id}`,
    kind: 'product',
    productId: product.id,
    addOnId: null,
    name: product.name,
    description: product.description,
    image: product.image,
    taxCode: product.taxCode,
    unitAmount: product.unitAmount,
    quantity,
    amount: product.unitAmount * quantity,
  }));
  const lines = [...productLines, ...addOnLinesOf(selections, cart, catalog, offer.addOns)];
  const subtotal = sumOf(lines.map((line) => line.amount));
  const categoryOf = (productId: string | null) =>
    cart.find(({ product }) => product.id === productId)?.product.categoryId ?? null;

  const offered = shippingOptionsFor(selections.shippingAddress, productLines, catalog, offer.shipping).map(
    (option) => {
      const perk = freeShipping.find((p) => p.methodIds.includes(option.methodId));
      return perk && option.amount > 0
        ? { ...option, amount: 0, displayName: `${option.displayName} — ${perk.label}` }
        : option;
    },
  );
  const { options, selectedMethodId } = withSelectedFirst(offered, selections.shippingMethodId);
  const shippingAmount = options[0]?.amount ?? 0;

  const evaluated =
    discounts?.({
      codes: selections.discountCodes,
      currency: catalog.currency,
      lines: lines.map((line) => ({ ...line, categoryId: categoryOf(line.productId) })),
      subtotal,
      shippingAmount,
      selectedShippingMethodId: selectedMethodId,
      shippingCountry: selections.shippingAddress?.country ?? null,
      shippingState: selections.shippingAddress?.state ?? null,
      now,
    }) ?? null;
  const discount = capDiscount(evaluated, subtotal);
  const discountAmount = discount?.amount ?? 0;

  return {
    currency: catalog.currency,
    lines,
    shippingOptions: options,
    selectedShippingMethodId: selectedMethodId,
    discount,
    subtotal,
    shippingAmount,
    discountAmount,
    total: Math.max(0, subtotal + shippingAmount - discountAmount),
  };
}

function capDiscount(discount: QuoteDiscount | null, subtotal: number): QuoteDiscount | null {
  if (!discount) return null;
  assertMinorUnits(discount.amount);
  const amount = Math.min(Math.max(0, discount.amount), subtotal);
  return amount === discount.amount ? discount : { ...discount, amount };
}

function sumOf(amounts: ReadonlyArray<number>): number {
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  assertMinorUnits(total);
  return total;
}
