import { describe, expect, it } from 'vitest';
import { allocate, ruleAmount, stackingCap } from '@/lib/discounts/amounts';
import { type DiscountRule, discountRuleSchema } from '@/lib/discounts/schema';
import type { DiscountLine } from '@/lib/pricing/discount-evaluator';

const percent = (bp: number, id = 'p', extra = {}): DiscountRule =>
  discountRuleSchema.parse({
    id,
    kind: 'automatic',
    label: id,
    effect: { type: 'percent_off', basisPoints: bp },
    combinable: true,
    ...extra,
  });

const line = (key: string, amount: number): DiscountLine => ({
  key,
  kind: 'product',
  productId: key,
  addOnId: null,
  taxCode: 'txcd_99999999',
  name: key,
  description: null,
  image: null,
  unitAmount: amount,
  quantity: 1,
  amount,
  categoryId: null,
});

describe('ruleAmount', () => {
  it('rounds a percentage half up to whole cents', () => {
    expect(ruleAmount(percent(1_500), 1_999)).toBe(300);
  });

  it('respects the rule maximum and never exceeds what it applies to', () => {
    expect(ruleAmount(percent(5_000, 'p', { maxAmount: { amount: 10_000, currency: 'usd' } }), 50_000)).toBe(10_000);
    const flat = discountRuleSchema.parse({
      id: 'flat',
      kind: 'automatic',
      label: 'flat',
      effect: { type: 'amount_off', amount: 5_000, currency: 'usd' },
      combinable: true,
    });
    expect(ruleAmount(flat, 1_200)).toBe(1_200);
  });
});

describe('allocate', () => {
  const lines = [line('a', 1_000), line('b', 500)];

  it('never takes a line below zero when stacked rules share it', () => {
    const entries = allocate(
      [
        { rule: percent(8_000, 'first'), amount: 800, eligibleLineKeys: ['a'] },
        { rule: percent(8_000, 'second'), amount: 800, eligibleLineKeys: ['a'] },
      ],
      lines,
      10_000,
    );
    expect(entries.map((e) => e.amount)).toEqual([800, 200]);
  });

  it('trims the later rules to the cap', () => {
    const entries = allocate(
      [
        { rule: percent(4_000, 'first'), amount: 600, eligibleLineKeys: ['a', 'b'] },
        { rule: percent(3_000, 'second'), amount: 450, eligibleLineKeys: ['a', 'b'] },
      ],
      lines,
      stackingCap(1_500, 5_000),
    );
    expect(entries.map((e) => e.amount)).toEqual([600, 150]);
  });

  it('rounds the cap down', () => {
    expect(stackingCap(1_001, 5_000)).toBe(500);
  });
});
