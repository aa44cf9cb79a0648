import { describe, expect, it } from 'vitest';
import { demoRuleData, demoRules } from '@/lib/discounts/rules';
import { type DiscountRuleInput, discountRuleSchema, parseDiscountRules } from '@/lib/discounts/schema';

const base: DiscountRuleInput = {
  id: 'welcome-10',
  kind: 'code',
  code: 'WELCOME10',
  label: '10% off',
  effect: { type: 'percent_off', basisPoints: 1_000 },
  combinable: true,
};

describe('discountRuleSchema', () => {
  it('stores codes normalised (trimmed, upper case) and fills in defaults', () => {
    const rule = discountRuleSchema.parse({ ...base, code: '  welcome10 ' });
    expect(rule.code).toBe('WELCOME10');
    expect(rule.conditions.firstOrderOnly).toBe(false);
    expect(rule.limits).toEqual({});
  });

  it('turns ISO instants into dates and lower-cases customer emails', () => {
    const rule = discountRuleSchema.parse({
      ...base,
      conditions: { startsAt: '2026-01-01T00:00:00+01:00', customerEmails: ['Ada@Example.COM'] },
    });
    expect(rule.conditions.startsAt?.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(rule.conditions.customerEmails).toEqual(['ada@example.com']);
  });

  it.each<[string, DiscountRuleInput]>([
    ['a code rule without a code', { ...base, code: undefined }],
    ['an automatic rule with a code', { ...base, kind: 'automatic' }],
    [
      'an end before the start',
      { ...base, conditions: { startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' } },
    ],
    [
      'amounts in two currencies',
      {
        ...base,
        effect: { type: 'amount_off', amount: 500, currency: 'usd' },
        maxAmount: { amount: 1, currency: 'eur' },
      },
    ],
    ['more than 100 % off', { ...base, effect: { type: 'percent_off', basisPoints: 10_001 } }],
    ['a fractional amount', { ...base, effect: { type: 'amount_off', amount: 9.5, currency: 'usd' } }],
    ['a region without its country', { ...base, conditions: { regions: ['CA'] } }],
    ['a label Stripe would truncate', { ...base, label: 'x'.repeat(41) }],
    ['a code with spaces inside', { ...base, code: 'WELCOME 10' }],
  ])('refuses %s', (_, input) => {
    expect(discountRuleSchema.safeParse(input).success).toBe(false);
  });

  it('refuses unknown fields, so a typo in a condition cannot silently widen a rule', () => {
    const typo = { ...base, conditions: { minSubtotl: { amount: 100, currency: 'usd' } } };
    expect(discountRuleSchema.safeParse(typo).success).toBe(false);
  });
});

describe('parseDiscountRules', () => {
  it('refuses duplicate ids and duplicate codes, naming them', () => {
    expect(() => parseDiscountRules([base, { ...base, code: 'OTHER' }], 'test')).toThrow(/duplicate id welcome-10/);
    expect(() => parseDiscountRules([base, { ...base, id: 'other', code: 'welcome10' }], 'test')).toThrow(
      /duplicate code WELCOME10/,
    );
  });
});

describe('demo rules', () => {
  it('are all valid and cover every kind of rule the store demonstrates', () => {
    expect(demoRules).toHaveLength(demoRuleData.length);
    const codes = demoRules.flatMap((r) => (r.code ? [r.code] : []));
    expect(codes).toEqual(
      expect.arrayContaining(['WELCOME10', 'SAVE15', 'GIFTS20', 'SUMMER25', 'EARLYBIRD', 'LAUNCH50', 'FIRST15']),
    );
    expect(demoRules.filter((r) => r.kind === 'automatic').map((r) => r.id)).toEqual([
      'cart-10-off-100',
      'flash-sale-electronics',
      'weekend-home-sale',
      'silver-member-5',
      'gold-member-10',
      'gold-member-free-express',
      'welcome-back-15',
      'canada-5',
    ]);
  });
});
