import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, computeTotals, discountFor } from '../src/checkout/totals';

describe('computeTotals', () => {
  it('adds line amounts, subtracts the discount from items only and adds shipping', () => {
    const totals = computeTotals({
      lines: [
        { unitAmount: 2000, quantity: 2 },
        { unitAmount: 550, quantity: 1 },
      ],
      coupon: { percentOff: 10, amountOff: null },
      shippingAmount: 500,
    });
    expect(totals).toMatchObject({ subtotal: 4550, discount: 455, shipping: 500, tax: 0, total: 4595 });
    expect(totals.lines.map((line) => line.discount)).toEqual([400, 55]);
  });

  it('never discounts more than the subtotal and never goes below zero', () => {
    const totals = computeTotals({
      lines: [{ unitAmount: 300, quantity: 1 }],
      coupon: { percentOff: null, amountOff: 1000 },
      shippingAmount: 0,
    });
    expect(totals).toMatchObject({ subtotal: 300, discount: 300, total: 0 });
  });

  it('rounds percent discounts half up', () => {
    expect(discountFor(1005, { percentOff: 10, amountOff: null })).toBe(101);
    expect(discountFor(999, { percentOff: 12.5, amountOff: null })).toBe(125);
  });

  it('spreads a discount so the line parts add up exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 1000000 }),
        (weights, wanted) => {
          const total = weights.reduce((sum, weight) => sum + weight, 0);
          const amount = Math.min(wanted, total);
          const parts = allocate(amount, weights);
          expect(parts.reduce((sum, part) => sum + part, 0)).toBe(total === 0 ? 0 : amount);
          parts.forEach((part, index) => {
            expect(part).toBeGreaterThanOrEqual(0);
            expect(part).toBeLessThanOrEqual(weights[index] ?? 0);
          });
        },
      ),
    );
  });
});
