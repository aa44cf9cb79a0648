import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQuote, type DiscountEvaluator } from '@/lib/pricing/quote';
import type { Quote } from '@/lib/pricing/types';
import { addOnSelectionArb, selectionsArb } from '@/test/fixtures/arbitraries';
import { testCatalog } from '@/test/fixtures/catalog';

const now = new Date('2026-11-20T12:00:00Z');

/** Evaluators shaped like real discount rules: a share of the subtotal, and one that overshoots. */
const evaluatorArb: fc.Arbitrary<DiscountEvaluator | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 10_000 }).map(
    (bp): DiscountEvaluator =>
      ({ subtotal, codes }) =>
        codes.includes('WELCOME10')
          ? { name: 'WELCOME10', amount: Math.floor((subtotal * bp) / 10_000), applied: [] }
          : null,
  ),
  fc.integer({ min: 0, max: 50_000_000 }).map(
    (amount): DiscountEvaluator =>
      () => ({ name: 'FLAT', amount, applied: [] }),
  ),
);

function amountsOf(quote: Quote): number[] {
  return [
    quote.subtotal,
    quote.shippingAmount,
    quote.discountAmount,
    quote.total,
    ...quote.lines.flatMap((l) => [l.unitAmount, l.quantity, l.amount]),
    ...quote.shippingOptions.map((o) => o.amount),
  ];
}

describe('buildQuote properties', () => {
  it('totals are never negative and every amount is a safe non-negative integer', () => {
    fc.assert(
      fc.property(selectionsArb, evaluatorArb, (selections, evaluator) => {
        const quote = buildQuote(selections, testCatalog, now, evaluator);
        for (const amount of amountsOf(quote)) {
          expect(Number.isSafeInteger(amount)).toBe(true);
          expect(amount).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('total === subtotal + shipping − discount, subtotal is the sum of lines, line amount = unit × quantity', () => {
    fc.assert(
      fc.property(selectionsArb, evaluatorArb, (selections, evaluator) => {
        const quote = buildQuote(selections, testCatalog, now, evaluator);
        expect(quote.total).toBe(quote.subtotal + quote.shippingAmount - quote.discountAmount);
        expect(quote.subtotal).toBe(quote.lines.reduce((sum, l) => sum + l.amount, 0));
        for (const line of quote.lines) expect(line.amount).toBe(line.unitAmount * line.quantity);
        expect(quote.discountAmount).toBe(quote.discount?.amount ?? 0);
      }),
    );
  });

  it('is deterministic: the same input gives a deep-equal quote', () => {
    fc.assert(
      fc.property(selectionsArb, (selections) => {
        const copy = structuredClone(selections);
        expect(buildQuote(copy, testCatalog, now)).toEqual(buildQuote(selections, testCatalog, now));
      }),
    );
  });

  it('adding an add-on never lowers the total', () => {
    fc.assert(
      fc.property(selectionsArb, addOnSelectionArb, evaluatorArb, (selections, addOn, evaluator) => {
        const before = buildQuote(selections, testCatalog, now, evaluator);
        const after = buildQuote({ ...selections, addOns: [...selections.addOns, addOn] }, testCatalog, now, evaluator);
        expect(after.total).toBeGreaterThanOrEqual(before.total);
      }),
    );
  });

  it('offers at most 5 shipping options, the selected one first and charged, with unique keys everywhere', () => {
    fc.assert(
      fc.property(selectionsArb, (selections) => {
        const quote = buildQuote(selections, testCatalog, now);
        expect(quote.shippingOptions.length).toBeLessThanOrEqual(5);
        expect(quote.selectedShippingMethodId).toBe(quote.shippingOptions[0]?.methodId ?? null);
        expect(quote.shippingAmount).toBe(quote.shippingOptions[0]?.amount ?? 0);
        const offered = quote.shippingOptions.map((o) => o.methodId);
        if (selections.shippingMethodId && offered.includes(selections.shippingMethodId)) {
          expect(quote.selectedShippingMethodId).toBe(selections.shippingMethodId);
        }
        expect(new Set(offered).size).toBe(offered.length);
        expect(new Set(quote.lines.map((l) => l.key)).size).toBe(quote.lines.length);
      }),
    );
  });

  it('lists products before add-ons, and no add-on without a product', () => {
    fc.assert(
      fc.property(selectionsArb, (selections) => {
        const kinds = buildQuote(selections, testCatalog, now).lines.map((l) => l.kind);
        const firstAddOn = kinds.indexOf('add-on');
        if (firstAddOn >= 0) {
          expect(firstAddOn).toBeGreaterThan(0);
          expect(kinds.slice(firstAddOn).every((k) => k === 'add-on')).toBe(true);
        }
      }),
    );
  });
});
