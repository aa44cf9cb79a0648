/**
 * Checkout totals in integer minor units (pure). Coupons apply to the item subtotal, never to shipping; the
 * discount never exceeds the subtotal and is spread over the lines in proportion to their subtotals (largest
 * remainder, so the per-line discounts add up exactly). No tax is emulated.
 */
export interface CouponTerms {
  percentOff: number | null;
  amountOff: number | null;
}

export interface TotalsInput {
  lines: ReadonlyArray<{ unitAmount: number; quantity: number }>;
  coupon: CouponTerms | null;
  shippingAmount: number | null;
}

export interface LineTotals {
  subtotal: number;
  discount: number;
  total: number;
}

export interface Totals {
  lines: LineTotals[];
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
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

export function computeTotals(input: TotalsInput): Totals {
  const lineSubtotals = input.lines.map((line) => line.unitAmount * line.quantity);
  const subtotal = lineSubtotals.reduce((sum, amount) => sum + amount, 0);
  const discount = discountFor(subtotal, input.coupon);
  const lineDiscounts = allocate(discount, lineSubtotals);
  const shipping = input.shippingAmount ?? 0;
  return {
    lines: lineSubtotals.map((lineSubtotal, index) => {
      const lineDiscount = lineDiscounts[index] ?? 0;
      return { subtotal: lineSubtotal, discount: lineDiscount, total: lineSubtotal - lineDiscount };
    }),
    subtotal,
    discount,
    shipping,
    tax: 0,
    total: Math.max(0, subtotal - discount + shipping),
  };
}
