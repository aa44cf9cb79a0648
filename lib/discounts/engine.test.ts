import { describe, expect, it } from 'vitest';
import { getCatalog } from '@/lib/catalog';
import { checkCode, discountEvaluator, evaluateDiscounts } from '@/lib/discounts/engine';
import { demoRules } from '@/lib/discounts/rules';
import { type DiscountRuleInput, parseDiscountRules } from '@/lib/discounts/schema';
import type { DiscountContext } from '@/lib/discounts/types';
import type { DiscountInput } from '@/lib/pricing/discount-evaluator';
import { buildQuote } from '@/lib/pricing/quote';
import { address } from '@/test/fixtures/addresses';
import { selectionsOf } from '@/test/fixtures/selections';
import { contextOf, customerOf, NOW, orderInput, redemptionsOf } from '@/test/support/discount-order';

// Prices (usd cents) from lib/catalog/data.ts.
const headphones = { productId: 'aurora-headphones', quantity: 1 }; // 19 900, electronics
const speaker = { productId: 'pulse-speaker', quantity: 1 }; // 7 900, electronics
const linenThrow = { productId: 'linen-throw', quantity: 1 }; // 8 900, home
const pourOver = { productId: 'ceramic-pour-over', quantity: 1 }; // 4 800, home
const planter = { productId: 'terracotta-planter', quantity: 1 }; // 2 400, home
const candle = { productId: 'soy-candle', quantity: 1 }; // 2 800, gifts

function evaluate(input: DiscountInput, context: DiscountContext = contextOf()) {
  return evaluateDiscounts(demoRules, input, context);
}

function applied(input: DiscountInput, context?: DiscountContext) {
  return evaluate(input, context).applied.map(({ ruleId, amount }) => [ruleId, amount]);
}

function rejection(code: string, input: DiscountInput, context?: DiscountContext) {
  return evaluate({ ...input, codes: [code] }, context).rejected.find((r) => r.code === code);
}

describe('codes', () => {
  it('takes a percentage off the whole order and compares codes trimmed and case-insensitively', () => {
    const input = orderInput({ items: [pourOver], codes: ['  welcome10 ', 'WELCOME10'] });
    const result = evaluate(input);
    expect(result.applied).toEqual([
      { ruleId: 'welcome-10', label: '10% off your order', amount: 480, kind: 'code', code: 'WELCOME10' },
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.discount).toMatchObject({ name: 'WELCOME10', amount: 480 });
  });

  it('takes a fixed amount off once the minimum is reached, and says how much is missing otherwise', () => {
    expect(applied(orderInput({ items: [linenThrow], codes: ['SAVE15'] }))).toEqual([['save-15-over-75', 1_500]]);
    expect(rejection('SAVE15', orderInput({ items: [pourOver] }))).toEqual({
      code: 'SAVE15',
      reason: 'minimum_not_met',
      message: 'Add $27.00 more of eligible items to use the code SAVE15.',
    });
  });

  it('discounts only the lines of its category, not other items or add-ons', () => {
    const input = orderInput({
      items: [pourOver, candle],
      addOns: [{ addOnId: 'gift-wrap', productId: null }],
      codes: ['GIFTS20'],
    });
    expect(applied(input)).toEqual([['gifts-20', 560]]);
    expect(rejection('GIFTS20', orderInput({ items: [pourOver] }))?.reason).toBe('not_valid_for_items');
  });

  it('honours start and end times against the injected clock', () => {
    expect(rejection('SUMMER25', orderInput({ items: [pourOver] }))?.reason).toBe('expired');
    const inSummer = orderInput({ items: [pourOver], codes: ['SUMMER25'], now: new Date('2025-07-01T00:00:00Z') });
    expect(applied(inSummer)).toEqual([['summer-25-2025', 1_200]]);
    const atTheEnd = orderInput({ items: [pourOver], now: new Date('2025-09-01T00:00:00Z') });
    expect(rejection('SUMMER25', atTheEnd)?.reason).toBe('expired');
    expect(rejection('EARLYBIRD', orderInput({ items: [pourOver] }))).toMatchObject({
      reason: 'not_yet_valid',
      message: "The code EARLYBIRD isn't active yet.",
    });
  });

  it('stops a limited code once its total redemptions are used up, and caps it at its maximum', () => {
    const big = orderInput({ items: [{ ...headphones, quantity: 2 }], codes: ['LAUNCH50'] });
    expect(applied(big)).toEqual([['launch-50', 10_000]]);
    const usedUp = contextOf({ redemptions: redemptionsOf({ total: { 'launch-50': 1 } }) });
    expect(rejection('LAUNCH50', big, usedUp)).toMatchObject({
      reason: 'fully_redeemed',
      message: 'The code LAUNCH50 has reached its usage limit.',
    });
  });

  it('refuses a limited code while other checkouts hold every remaining use, and says so', () => {
    const big = orderInput({ items: [{ ...headphones, quantity: 2 }], codes: ['LAUNCH50'] });
    const held = contextOf({
      redemptions: { ...redemptionsOf({}), held: (ruleId) => (ruleId === 'launch-50' ? 1 : 0) },
    });
    expect(rejection('LAUNCH50', big, held)).toMatchObject({
      reason: 'all_uses_held',
      message: expect.stringContaining('reserved by another checkout'),
    });
    const heldElsewhere = contextOf({ redemptions: { ...redemptionsOf({}), held: () => 0 } });
    expect(applied(big, heldElsewhere)).toEqual([['launch-50', 10_000]]);
  });

  it('counts a per-email use another checkout holds for the same email as used', () => {
    const input = orderInput({ items: [pourOver], codes: ['FIRST15'] });
    const redemptions = {
      ...redemptionsOf({}),
      heldByEmail: (ruleId: string, email: string) =>
        ruleId === 'first-order-15' && email === 'ada@example.com' ? 1 : 0,
    };
    const ada = contextOf({ email: 'ada@example.com', isFirstOrder: true, redemptions });
    expect(rejection('FIRST15', input, ada)?.reason).toBe('already_used');
    const grace = contextOf({ email: 'grace@example.com', isFirstOrder: true, redemptions });
    expect(applied(input, grace)).toEqual([['first-order-15', 720]]);
  });

  describe('first-order code', () => {
    const input = orderInput({ items: [pourOver], codes: ['FIRST15'] });
    const shopper = (overrides: Partial<DiscountContext>) => contextOf({ email: 'ada@example.com', ...overrides });

    it('applies to a first order of a known shopper', () => {
      expect(applied(input, shopper({ isFirstOrder: true }))).toEqual([['first-order-15', 720]]);
    });

    it('needs the shopper’s identity first', () => {
      expect(rejection('FIRST15', input, contextOf({ isFirstOrder: true }))?.reason).toBe('identity_required');
      expect(rejection('FIRST15', input, shopper({ isFirstOrder: null }))).toMatchObject({
        reason: 'identity_required',
        message: 'Enter your email address to use the code FIRST15.',
      });
    });

    it('refuses a returning shopper and one who already used it (emails compared case-insensitively)', () => {
      expect(rejection('FIRST15', input, shopper({ isFirstOrder: false }))?.reason).toBe('first_order_only');
      const used = redemptionsOf({ byEmail: { 'first-order-15:ada@example.com': 1 } });
      const context = shopper({ email: ' Ada@Example.com', isFirstOrder: true, redemptions: used });
      expect(rejection('FIRST15', input, context)).toMatchObject({
        reason: 'already_used',
        message: "You've already used the code FIRST15.",
      });
    });
  });

  it('applies a region code by the address’s state — and Canada is not California', () => {
    const items = [pourOver];
    expect(applied(orderInput({ items, codes: ['CALI10'], country: 'US', state: 'ca' }))).toEqual([
      ['california-10', 480],
    ]);
    expect(rejection('CALI10', orderInput({ items, country: 'US', state: 'NY' }))?.reason).toBe(
      'not_valid_for_address',
    );
    expect(rejection('CALI10', orderInput({ items, country: 'CA', state: 'ON' }))?.reason).toBe(
      'not_valid_for_address',
    );
    expect(rejection('CALI10', orderInput({ items }))).toMatchObject({
      reason: 'address_required',
      message: 'Enter your shipping address to use the code CALI10.',
    });
  });

  it('keeps a customer-specific code invisible to everyone but the signed-in, verified customer on its list', () => {
    const input = orderInput({ items: [pourOver], codes: ['VIP20'] });
    const vip = customerOf({ verifiedEmail: 'vip@example.com' });
    expect(applied(input, contextOf({ customer: vip }))).toEqual([['vip-20', 960]]);
    const stranger = rejection(
      'VIP20',
      input,
      contextOf({ customer: customerOf({ verifiedEmail: 'eve@example.com' }) }),
    );
    const bogus = rejection('NOPE20', input, contextOf({ email: 'eve@example.com' }));
    expect(stranger?.reason).toBe('unknown');
    expect(stranger?.message).toBe(bogus?.message.replace('NOPE20', 'VIP20'));
    expect(rejection('VIP20', input)?.reason).toBe('unknown');
    // A guest whose checkout email (what Stripe collected, unverified) is the listed one gets nothing.
    expect(rejection('VIP20', input, contextOf({ email: 'vip@example.com' }))?.reason).toBe('unknown');
    // Nor does the listed customer before they have verified their email.
    expect(rejection('VIP20', input, contextOf({ customer: customerOf({ verifiedEmail: null }) }))?.reason).toBe(
      'unknown',
    );
  });

  it('gives loyalty perks by tier to signed-in members only, and a lapsed customer the welcome back offer', () => {
    const input = orderInput({ items: [pourOver] }); // $48.00
    expect(applied(input, contextOf({ customer: customerOf({ tier: 'gold', segments: ['returning'] }) }))).toEqual([
      ['gold-member-10', 480],
    ]);
    expect(applied(input, contextOf({ customer: customerOf({ tier: 'silver', segments: ['returning'] }) }))).toEqual([
      ['silver-member-5', 240],
    ]);
    expect(applied(input, contextOf({ customer: customerOf() }))).toEqual([]);
    expect(applied(input, contextOf())).toEqual([]);
    // Lapsed and Silver: the welcome back offer does not combine, and saves more on its own.
    const lapsed = customerOf({ tier: 'silver', segments: ['returning', 'lapsed'] });
    expect(applied(input, contextOf({ customer: lapsed }))).toEqual([['welcome-back-15', 720]]);
  });

  it('a members-only code asks a guest to sign in, and tells a member outside its tier it is not for them', () => {
    const rules = parseDiscountRules(
      [
        {
          id: 'gold-code',
          kind: 'code',
          code: 'GOLDEN',
          label: 'Gold: $5 off',
          effect: { type: 'amount_off', amount: 500, currency: 'usd' },
          conditions: { tiers: ['gold'] },
          combinable: true,
        },
      ],
      'test',
    );
    const input = orderInput({ items: [pourOver], codes: ['GOLDEN'] });
    const reasonFor = (context: DiscountContext) =>
      evaluateDiscounts(rules, input, context).rejected.map(({ reason, message }) => ({ reason, message }));
    expect(reasonFor(contextOf())).toEqual([
      { reason: 'sign_in_required', message: 'Sign in to your account to use the code GOLDEN.' },
    ]);
    expect(reasonFor(contextOf({ customer: customerOf({ tier: 'silver' }) }))).toEqual([
      { reason: 'not_for_this_customer', message: "The code GOLDEN isn't available for your account." },
    ]);
    expect(evaluateDiscounts(rules, input, contextOf({ customer: customerOf({ tier: 'gold' }) })).applied).toHaveLength(
      1,
    );
  });

  it('refuses a rule priced in another currency', () => {
    const rules = parseDiscountRules(
      [
        {
          id: 'euro-5',
          kind: 'code',
          code: 'EURO5',
          label: '€5 off',
          effect: { type: 'amount_off', amount: 500, currency: 'eur' },
          combinable: true,
        },
      ],
      'test',
    );
    const result = evaluateDiscounts(rules, orderInput({ items: [pourOver], codes: ['EURO5'] }), contextOf());
    expect(result.rejected[0]?.reason).toBe('currency_mismatch');
    expect(result.discount).toBeNull();
  });

  it('reports every unknown code in one wording, without echoing what was typed', () => {
    const message = "We don't recognise that code. Check the spelling and try again.";
    expect(rejection('NOPE', orderInput({ items: [pourOver] }))).toMatchObject({ reason: 'unknown', message });
    expect(rejection('<SCRIPT>'.repeat(10), orderInput({ items: [pourOver] }))).toMatchObject({
      reason: 'unknown',
      message,
    });
  });
});

describe('automatic promotions', () => {
  it('takes $10 off orders of $100 or more', () => {
    expect(applied(orderInput({ items: [headphones] }))).toEqual([['cart-10-off-100', 1_000]]);
    expect(applied(orderInput({ items: [speaker] }))).toEqual([]);
  });

  it('takes 5 % off orders shipped to Canada, and nothing before the address is known', () => {
    expect(applied(orderInput({ items: [pourOver], country: 'CA' }))).toEqual([['canada-5', 240]]);
    expect(applied(orderInput({ items: [pourOver], country: 'US' }))).toEqual([]);
    expect(applied(orderInput({ items: [pourOver] }))).toEqual([]);
  });

  it('runs the flash sale only inside its window, on electronics only', () => {
    const during = new Date('2026-11-07T12:00:00Z');
    expect(applied(orderInput({ items: [speaker, pourOver], now: during }))).toEqual([
      ['flash-sale-electronics', 1_185],
    ]);
    expect(applied(orderInput({ items: [speaker, pourOver], now: new Date('2026-11-09T08:00:00Z') }))).toEqual([
      ['cart-10-off-100', 1_000],
    ]);
  });

  it('hints at a cart-value promotion within 25 % of its threshold', () => {
    expect(evaluate(orderInput({ items: [speaker] })).hints).toEqual([
      { ruleId: 'cart-10-off-100', message: '$21.00 more for $10 off', amountNeeded: 2_100 },
    ]);
    expect(evaluate(orderInput({ items: [pourOver, planter] })).hints).toEqual([]);
    expect(evaluate(orderInput({ items: [headphones] })).hints).toEqual([]);
  });
});

describe('stacking', () => {
  it('stacks automatic promotions with one code and names them all in the coupon', () => {
    const result = evaluate(orderInput({ items: [headphones], codes: ['WELCOME10'] }));
    expect(result.applied.map((a) => [a.ruleId, a.amount])).toEqual([
      ['welcome-10', 1_990],
      ['cart-10-off-100', 1_000],
    ]);
    expect(result.discount).toMatchObject({ name: 'WELCOME10 + $10 off $100+', amount: 2_990 });
  });

  it('keeps the coupon name within 40 characters', () => {
    const result = evaluate(orderInput({ items: [headphones], codes: ['WELCOME10'], country: 'CA' }));
    expect(result.applied).toHaveLength(3);
    expect(result.discount?.name).toBe('WELCOME10 + 2 more');
  });

  it('applies one code per order: the one that saves more, explaining the other', () => {
    const result = evaluate(orderInput({ items: [pourOver, candle], codes: ['WELCOME10', 'SAVE15'] }));
    expect(result.applied.map((a) => a.code)).toEqual(['SAVE15']);
    expect(result.rejected).toEqual([
      {
        code: 'WELCOME10',
        reason: 'does_not_combine',
        message: "The code WELCOME10 can't be combined with the code SAVE15. We applied whichever saves you more.",
      },
    ]);
  });

  it('applies a non-combinable code alone when it saves more than everything else', () => {
    const result = evaluate(orderInput({ items: [headphones], codes: ['LAUNCH50'], country: 'CA' }));
    expect(result.applied.map((a) => [a.ruleId, a.amount])).toEqual([['launch-50', 9_950]]);
  });

  it('prefers a non-combinable automatic sale that saves more, and says so', () => {
    const during = new Date('2026-11-07T12:00:00Z');
    const input = orderInput({ items: [{ ...headphones, quantity: 3 }], codes: ['SAVE15'], now: during });
    const result = evaluate(input);
    expect(result.applied.map((a) => [a.ruleId, a.amount])).toEqual([['flash-sale-electronics', 8_955]]);
    expect(result.rejected[0]).toMatchObject({
      reason: 'does_not_combine',
      message:
        "The code SAVE15 can't be combined with your offer “Flash sale: 15% off electronics”. We applied whichever saves you more.",
    });
  });

  it('never discounts an order by more than half its subtotal', () => {
    const rules = parseDiscountRules(
      [
        rule({ id: 'big-code', kind: 'code', code: 'BIG40', effect: { type: 'percent_off', basisPoints: 4_000 } }),
        rule({ id: 'big-auto', kind: 'automatic', effect: { type: 'percent_off', basisPoints: 3_000 } }),
      ],
      'test',
    );
    const result = evaluateDiscounts(rules, orderInput({ items: [pourOver], codes: ['BIG40'] }), contextOf());
    expect(result.applied.map((a) => [a.ruleId, a.amount])).toEqual([
      ['big-code', 1_920],
      ['big-auto', 480],
    ]);
    expect(result.discount?.amount).toBe(2_400);
  });
});

describe('checkCode', () => {
  const input = orderInput({ items: [headphones], codes: ['SAVE15'] });

  it('accepts a code that would apply in place of the current one', () => {
    const check = checkCode(' welcome10', demoRules, input, contextOf());
    expect(check).toMatchObject({ ok: true, rule: { id: 'welcome-10' }, amount: 1_990 });
  });

  it('gives the reason and message for one that would not', () => {
    expect(checkCode('summer25', demoRules, input, contextOf())).toEqual({
      ok: false,
      reason: 'expired',
      message: 'The code SUMMER25 has expired.',
    });
    expect(checkCode('   ', demoRules, input, contextOf())).toMatchObject({ ok: false, reason: 'unknown' });
  });
});

describe('discountEvaluator with buildQuote', () => {
  it('reduces the items, never shipping', () => {
    const selections = selectionsOf({
      items: [planter],
      shippingAddress: address('CA'),
      discountCodes: ['LAUNCH50'],
    });
    const quote = buildQuote(selections, getCatalog(), NOW, discountEvaluator(demoRules, contextOf()));
    expect(quote.discount).toMatchObject({ name: 'LAUNCH50', amount: 1_200 });
    expect(quote.shippingAmount).toBeGreaterThan(0);
    expect(quote.total).toBe(quote.subtotal - 1_200 + quote.shippingAmount);
  });

  it('gives no discount when nothing applies', () => {
    const quote = buildQuote(
      selectionsOf({ items: [planter] }),
      getCatalog(),
      NOW,
      discountEvaluator(demoRules, contextOf()),
    );
    expect(quote.discount).toBeNull();
  });
});

function rule(
  overrides: Partial<DiscountRuleInput> & Pick<DiscountRuleInput, 'id' | 'kind' | 'effect'>,
): DiscountRuleInput {
  return { label: overrides.id, combinable: true, ...overrides };
}
