import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCatalog } from '@/lib/catalog';
import { isEligibleLine } from '@/lib/discounts/conditions';
import { COUPON_NAME_MAX_LENGTH } from '@/lib/discounts/coupon-name';
import { discountEvaluator, evaluateDiscounts, STACKING_POLICY } from '@/lib/discounts/engine';
import { demoRules } from '@/lib/discounts/rules';
import { type DiscountRule, type DiscountRuleInput, parseDiscountRules } from '@/lib/discounts/schema';
import type { DiscountContext } from '@/lib/discounts/types';
import type { DiscountInput } from '@/lib/pricing/discount-evaluator';
import { buildQuote } from '@/lib/pricing/quote';
import { address } from '@/test/fixtures/addresses';
import { selectionsOf } from '@/test/fixtures/selections';
import { NOW, orderInput, redemptionsOf } from '@/test/support/discount-order';

const catalog = getCatalog();
const productIds = catalog.products.map((p) => p.id);
const categoryIds = catalog.categories.map((c) => c.id);
const HOUR = 3_600_000;

const instantArb = fc
  .integer({ min: -48, max: 48 })
  .map((hours) => new Date(NOW.getTime() + hours * HOUR).toISOString());

const ruleShapeArb = fc.record(
  {
    kind: fc.constantFrom('code', 'automatic'),
    effect: fc.oneof(
      fc.record({ type: fc.constant('percent_off'), basisPoints: fc.integer({ min: 1, max: 10_000 }) }),
      fc.record({
        type: fc.constant('amount_off'),
        amount: fc.integer({ min: 1, max: 60_000 }),
        currency: fc.constant('usd'),
      }),
    ),
    conditions: fc.record(
      {
        minSubtotal: fc.record({ amount: fc.integer({ min: 0, max: 40_000 }), currency: fc.constant('usd') }),
        startsAt: instantArb,
        countries: fc.subarray(['US', 'CA', 'DE'], { minLength: 1 }),
        regions: fc.subarray(['US-CA', 'US-NY'], { minLength: 1 }),
        productIds: fc.subarray(productIds, { minLength: 1, maxLength: 3 }),
        categoryIds: fc.subarray(categoryIds, { minLength: 1 }),
        firstOrderOnly: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    limits: fc.record(
      { totalRedemptions: fc.integer({ min: 1, max: 2 }), perEmail: fc.integer({ min: 1, max: 2 }) },
      { requiredKeys: [] },
    ),
    combinable: fc.boolean(),
    maxAmount: fc.option(fc.record({ amount: fc.integer({ min: 0, max: 30_000 }), currency: fc.constant('usd') }), {
      nil: undefined,
    }),
  },
  { requiredKeys: ['kind', 'effect', 'combinable'] },
);

/** Valid rule sets with unique ids and codes (CODE0, CODE1, …). */
const rulesArb: fc.Arbitrary<DiscountRule[]> = fc.array(ruleShapeArb, { maxLength: 8 }).map((shapes) =>
  parseDiscountRules(
    shapes.map(
      (shape, i): DiscountRuleInput => ({
        ...shape,
        id: `rule-${i}`,
        label: `Rule ${i}`,
        ...(shape.kind === 'code' ? { code: `code${i}` } : {}),
      }),
    ),
    'arbitrary',
  ),
);

const inputArb: fc.Arbitrary<DiscountInput> = fc
  .record({
    items: fc.array(
      fc.record({ productId: fc.constantFrom(...productIds), quantity: fc.integer({ min: 1, max: 3 }) }),
      { maxLength: 5 },
    ),
    codes: fc.array(fc.constantFrom('code0', 'CODE1', ' code2 ', 'CODE3', 'CODE5', 'BOGUS'), { maxLength: 3 }),
    place: fc.option(fc.constantFrom(['US', 'CA'], ['US', 'NY'], ['CA', 'ON'], ['DE', null]), { nil: undefined }),
    giftWrap: fc.boolean(),
  })
  .map(({ items, codes, place, giftWrap }) =>
    orderInput({
      items,
      codes,
      country: place?.[0],
      state: place?.[1] ?? undefined,
      addOns: giftWrap ? [{ addOnId: 'gift-wrap', productId: null }] : [],
    }),
  );

const contextArb: fc.Arbitrary<DiscountContext> = fc
  .record({
    email: fc.option(fc.constantFrom('ada@example.com', 'vip@example.com'), { nil: null }),
    isFirstOrder: fc.option(fc.boolean(), { nil: null }),
    used: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ email, isFirstOrder, used }) => ({
    email,
    isFirstOrder,
    redemptions: { total: () => used, byEmail: () => used },
  }));

const eligibleSubtotal = (rule: DiscountRule, input: DiscountInput) =>
  input.lines.filter((line) => isEligibleLine(rule, line)).reduce((sum, line) => sum + line.amount, 0);

describe('evaluateDiscounts properties', () => {
  it('never discounts more than the eligible lines, so the total is never negative and shipping is untouched', () => {
    fc.assert(
      fc.property(rulesArb, inputArb, contextArb, (rules, input, context) => {
        const result = evaluateDiscounts(rules, input, context);
        const amount = result.discount?.amount ?? 0;
        expect(amount).toBe(result.applied.reduce((sum, a) => sum + a.amount, 0));
        const appliedRules = result.applied.map((a) => rules.find((r) => r.id === a.ruleId));
        for (const [i, rule] of appliedRules.entries()) {
          if (!rule) throw new Error('applied an unknown rule');
          expect(result.applied[i]?.amount).toBeGreaterThan(0);
          expect(result.applied[i]?.amount).toBeLessThanOrEqual(eligibleSubtotal(rule, input));
        }
        const eligibleKeys = new Set(
          input.lines.filter((l) => appliedRules.some((r) => r && isEligibleLine(r, l))).map((l) => l.key),
        );
        const unionEligible = input.lines.filter((l) => eligibleKeys.has(l.key)).reduce((s, l) => s + l.amount, 0);
        expect(amount).toBeLessThanOrEqual(unionEligible);
        expect(input.subtotal - amount).toBeGreaterThanOrEqual(0);
        expect(input.subtotal + input.shippingAmount - amount).toBeGreaterThanOrEqual(input.shippingAmount);
      }),
    );
  });

  it('respects the stacking cap and applies at most one code', () => {
    fc.assert(
      fc.property(rulesArb, inputArb, contextArb, fc.integer({ min: 0, max: 10_000 }), (rules, input, context, cap) => {
        const result = evaluateDiscounts(rules, input, context, { ...STACKING_POLICY, maxShareBasisPoints: cap });
        expect((result.discount?.amount ?? 0) * 10_000).toBeLessThanOrEqual(input.subtotal * cap);
        expect(result.applied.filter((a) => a.kind === 'code').length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('does not depend on the order of the rules', () => {
    fc.assert(
      fc.property(
        rulesArb.chain((rules) =>
          fc.tuple(fc.constant(rules), fc.shuffledSubarray(rules, { minLength: rules.length })),
        ),
        inputArb,
        contextArb,
        ([rules, shuffled], input, context) => {
          expect(evaluateDiscounts(shuffled, input, context)).toEqual(evaluateDiscounts(rules, input, context));
        },
      ),
    );
  });

  it('is deterministic for a fixed clock', () => {
    fc.assert(
      fc.property(rulesArb, inputArb, contextArb, (rules, input, context) => {
        const again = evaluateDiscounts(structuredClone(rules), structuredClone(input), context);
        expect(again).toEqual(evaluateDiscounts(rules, input, context));
      }),
    );
  });

  it('answers every entered code exactly once, and keeps the coupon name within Stripe’s limit', () => {
    fc.assert(
      fc.property(rulesArb, inputArb, contextArb, (rules, input, context) => {
        const result = evaluateDiscounts(rules, input, context);
        const entered = [...new Set(input.codes.map((c) => c.trim().toUpperCase()))];
        const answered = [
          ...result.applied.flatMap((a) => (a.code ? [a.code] : [])),
          ...result.rejected.map((r) => r.code),
        ];
        expect(answered.sort()).toEqual(entered.sort());
        expect(result.discount?.name.length ?? 0).toBeLessThanOrEqual(COUPON_NAME_MAX_LENGTH);
        for (const rejected of result.rejected) expect(rejected.message.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('demo rules in a quote', () => {
  it('always give a non-negative total that still pays for shipping', () => {
    const selectionsArb = fc.record({
      items: fc.array(
        fc.record({ productId: fc.constantFrom(...productIds), quantity: fc.integer({ min: 1, max: 3 }) }),
        { maxLength: 5 },
      ),
      codes: fc.subarray(['WELCOME10', 'SAVE15', 'GIFTS20', 'LAUNCH50', 'FIRST15', 'CALI10', 'VIP20', 'NOPE']),
      country: fc.constantFrom('US', 'CA', 'DE'),
      email: fc.option(fc.constantFrom('vip@example.com', 'ada@example.com'), { nil: null }),
    });
    fc.assert(
      fc.property(selectionsArb, ({ items, codes, country, email }) => {
        const selections = selectionsOf({ items, discountCodes: codes, shippingAddress: address(country) });
        const context = { email, isFirstOrder: email === null ? null : true, redemptions: redemptionsOf({}) };
        const quote = buildQuote(selections, catalog, NOW, discountEvaluator(demoRules, context));
        expect(quote.total).toBeGreaterThanOrEqual(quote.shippingAmount);
        expect(quote.discountAmount * 2).toBeLessThanOrEqual(quote.subtotal);
      }),
    );
  });
});
