import { describe, expect, it } from 'vitest';
import { chooseCode } from '@/lib/discounts/code-choice';
import { codeChoiceMessage } from '@/lib/discounts/messages';
import { demoRules } from '@/lib/discounts/rules';
import { parseDiscountRules } from '@/lib/discounts/schema';
import { contextOf, orderInput } from '@/test/support/discount-order';

const pourOver = { productId: 'ceramic-pour-over', quantity: 1 }; // 4 800, home
const candle = { productId: 'soy-candle', quantity: 1 }; // 2 800, gifts

describe('chooseCode: one code per order, the one that saves more stays', () => {
  it('compares what each saves on the order as it is now', () => {
    const gifts = orderInput({ items: [{ ...candle, quantity: 2 }] });
    expect(chooseCode('WELCOME10', 'GIFTS20', demoRules, gifts, contextOf())).toEqual({
      kept: 'GIFTS20',
      dropped: 'WELCOME10',
      replaced: true,
      tie: false,
      keptAmount: 1_120,
    });
    const mixed = orderInput({ items: [pourOver, candle] });
    expect(chooseCode('WELCOME10', 'GIFTS20', demoRules, mixed, contextOf())).toMatchObject({
      kept: 'WELCOME10',
      replaced: false,
      keptAmount: 760,
    });
  });

  it('counts the automatic promotions each code combines with, not only the code', () => {
    const rules = parseDiscountRules(
      [
        {
          id: 'alone-15',
          kind: 'code',
          code: 'ALONE15',
          label: '$15 off, on its own',
          effect: { type: 'amount_off', amount: 1_500, currency: 'usd' },
          combinable: false,
        },
        {
          id: 'with-10',
          kind: 'code',
          code: 'WITH10',
          label: '$10 off',
          effect: { type: 'amount_off', amount: 1_000, currency: 'usd' },
          combinable: true,
        },
        {
          id: 'auto-10',
          kind: 'automatic',
          label: '$10 off everything',
          effect: { type: 'amount_off', amount: 1_000, currency: 'usd' },
          combinable: true,
        },
      ],
      'test',
    );
    const order = orderInput({ items: [{ ...pourOver, quantity: 2 }] });
    // WITH10 + the automatic $10 = $20 beats ALONE15's $15.
    expect(chooseCode('WITH10', 'ALONE15', rules, order, contextOf())).toMatchObject({
      kept: 'WITH10',
      replaced: false,
    });
    expect(chooseCode('ALONE15', 'WITH10', rules, order, contextOf())).toMatchObject({
      kept: 'WITH10',
      replaced: true,
    });
  });

  it('says which code stays and why', () => {
    const base = { kept: 'WELCOME10', dropped: 'GIFTS20', replaced: false, tie: false, keptAmount: 3_630 };
    expect(codeChoiceMessage(base, 'usd')).toBe(
      'GIFTS20 saves less than WELCOME10 (−$36.30), so WELCOME10 stays applied.',
    );
    expect(codeChoiceMessage({ ...base, tie: true }, 'usd')).toBe(
      'GIFTS20 saves no more than WELCOME10 (−$36.30), so WELCOME10 stays applied.',
    );
    expect(
      codeChoiceMessage({ kept: 'FIRST15', dropped: 'VIP20', replaced: true, tie: false, keptAmount: 1_200 }, 'usd'),
    ).toBe('FIRST15 replaced VIP20: it saves more (−$12.00).');
  });
});
