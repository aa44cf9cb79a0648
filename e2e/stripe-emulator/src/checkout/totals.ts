import { aggregateTaxes, type ItemTax, NO_TAX, type TaxLine, type TaxTerms, taxItem } from './tax';
import type { TaxLocation } from './tax-rates';

/**
 * Checkout totals in integer minor units (pure). Coupons apply to the item subtotal, never to shipping; the
 * discount never exceeds the subtotal and is spread over the lines in proportion to their subtotals (largest
 * remainder, so the per-line discounts add up exactly). With automatic tax, each line is taxed on its amount after
 * its share of the discount and the shipping on its amount (see ./tax.ts); exclusive taxes are added to the totals,
 * inclusive ones are already inside the prices.
 */
export interface CouponTerms {
  percentOff: number | null;
  amountOff: number | null;
}

/** Automatic tax: where the order is taxed and each line's (and the shipping's) tax terms. */
export interface TaxInput {
  location: TaxLocation;
  /** `null`: that line is not taxed. */
  lines: readonly (TaxTerms | null)[];
  shipping: TaxTerms | null;
}

export interface TotalsInput {
  lines: ReadonlyArray<{ unitAmount: number; quantity: number }>;
  coupon: CouponTerms | null;
  shippingAmount: number | null;
  /** `null`: automatic tax is off. */
  tax?: TaxInput | null;
}

export interface LineTotals {
  subtotal: number;
  discount: number;
  /** Exclusive and inclusive tax of the line. */
  tax: number;
  taxes: TaxLine[];
  total: number;
}

export interface Totals {
  lines: LineTotals[];
  subtotal: number;
  discount: number;
  shipping: number;
  shippingTax: number;
  shippingTaxes: TaxLine[];
  /** Shipping plus its exclusive tax (`shipping_cost.amount_total`). */
  shippingTotal: number;
  /** All tax, exclusive and inclusive (`total_details.amount_tax`). */
  tax: number;
  /** Tax by rate (`total_details.breakdown.taxes`). */
  taxes: TaxLine[];
  taxStatus: 'complete' | 'requires_location_inputs' | null;
  total: number;
}

export function discountFor(subtotal: number, coupon: CouponTerms | null): number {
  if (!coupon || subtotal <= 0) return 0;
  const raw = coupon.percentOff !== null ? Math.round((subtotal * coupon.percentOff) / 100) : (coupon.amountOff ?? 0);
  return Math.min(subtotal, Math.max(0, raw));
}

/** Splits `amount` over `weights` proportionally; the parts sum to `amount` exactly. */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  if (amount === 0 || totalWeight === 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (amount * weight) / totalWeight);
  const parts = exact.map(Math.floor);
  let remaining = amount - parts.reduce((sum, part) => sum + part, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (remaining <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    remaining -= 1;
  }
  return parts;
}

function taxer(tax: TaxInput | null | undefined): (amount: number, terms: TaxTerms | null | undefined) => ItemTax {
  const location = tax?.location;
  if (!location || location.kind === 'incomplete') return () => NO_TAX;
  return (amount, terms) => (terms ? taxItem(amount, terms, location) : NO_TAX);
}

export function computeTotals(input: TotalsInput): Totals {
  const lineSubtotals = input.lines.map((line) => line.unitAmount * line.quantity);
  const subtotal = lineSubtotals.reduce((sum, amount) => sum + amount, 0);
  const discount = discountFor(subtotal, input.coupon);
  const lineDiscounts = allocate(discount, lineSubtotals);
  const shipping = input.shippingAmount ?? 0;
  const taxOf = taxer(input.tax);
  const lineTaxes = lineSubtotals.map((amount, index) =>
    taxOf(amount - (lineDiscounts[index] ?? 0), input.tax?.lines[index]),
  );
  const shippingTax = input.shippingAmount === null ? NO_TAX : taxOf(shipping, input.tax?.shipping);
  const itemTaxes = [...lineTaxes, shippingTax];
  const exclusiveTax = itemTaxes.reduce((sum, tax) => sum + tax.exclusive, 0);
  return {
    lines: lineSubtotals.map((lineSubtotal, index) => {
      const lineDiscount = lineDiscounts[index] ?? 0;
      const tax = lineTaxes[index] ?? NO_TAX;
      return {
        subtotal: lineSubtotal,
        discount: lineDiscount,
        tax: tax.exclusive + tax.inclusive,
        taxes: tax.taxes,
        total: lineSubtotal - lineDiscount + tax.exclusive,
      };
    }),
    subtotal,
    discount,
    shipping,
    shippingTax: shippingTax.exclusive + shippingTax.inclusive,
    shippingTaxes: shippingTax.taxes,
    shippingTotal: shipping + shippingTax.exclusive,
    tax: itemTaxes.reduce((sum, tax) => sum + tax.exclusive + tax.inclusive, 0),
    taxes: aggregateTaxes(itemTaxes.map((tax) => tax.taxes)),
    taxStatus: !input.tax ? null : input.tax.location.kind === 'incomplete' ? 'requires_location_inputs' : 'complete',
    total: Math.max(0, subtotal - discount + shipping + exclusiveTax),
  };
}
