import { describe, expect, it } from 'vitest';
import { formValuesOf, readPromotionForm } from '@/lib/admin/promotion-form';
import { demoRuleData } from '@/lib/discounts/rules';
import { discountRuleSchema } from '@/lib/discounts/schema';

/** A form as the browser sends it: a checkbox group repeats its name, an unticked box is absent. */
function formOf(values: Record<string, string | boolean | string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (Array.isArray(value)) for (const item of value) form.append(name, item);
    else if (value === true) form.set(name, 'on');
    else if (value !== false) form.set(name, value);
  }
  return form;
}

describe('the promotion form', () => {
  it.each(demoRuleData.map((rule) => [rule.id, rule] as const))(
    'sends %s back unchanged when the merchant saves it as shown',
    (_id, rule) => {
      const read = readPromotionForm(formOf({ ...formValuesOf(rule), intent: 'edit' }), 'usd');
      if (!read.ok) throw new Error(JSON.stringify(read.state));
      expect(discountRuleSchema.parse(read.rule)).toEqual(discountRuleSchema.parse(rule));
    },
  );

  it('reads an empty optional field as no condition, and a lying checkbox group as an error at it', () => {
    const base = {
      intent: 'create',
      ruleId: 'x-1',
      kind: 'code',
      code: 'XONE',
      label: 'X',
      effect: 'percent_off',
      percent: '5',
    };
    const read = readPromotionForm(formOf({ ...base, minSubtotal: '', countries: ' ', endsAt: '' }), 'usd');
    expect(read).toEqual({
      ok: true,
      creating: true,
      rule: {
        id: 'x-1',
        kind: 'code',
        code: 'XONE',
        label: 'X',
        effect: { type: 'percent_off', basisPoints: 500 },
        conditions: { firstOrderOnly: false },
        limits: {},
        combinable: false,
      },
    });
    const forged = readPromotionForm(formOf({ ...base, weeklyDays: ['fri', 'caturday'], tiers: ['platinum'] }), 'usd');
    expect(forged.ok ? null : forged.state).toMatchObject({
      status: 'error',
      fields: { weeklyDays: expect.any(String), tiers: expect.any(String) },
    });
  });
});
