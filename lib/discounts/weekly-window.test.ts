import { describe, expect, it } from 'vitest';
import { inWeeklyWindow } from '@/lib/discounts/conditions';
import { evaluateDiscounts } from '@/lib/discounts/engine';
import { demoRules } from '@/lib/discounts/rules';
import { parseDiscountRules, weeklyWindowSchema } from '@/lib/discounts/schema';
import { contextOf, orderInput } from '@/test/support/discount-order';

const linenThrow = { productId: 'linen-throw', quantity: 1 }; // 8 900, weekend sale
const pourOver = { productId: 'ceramic-pour-over', quantity: 1 }; // 4 800, not in the sale

const FRIDAY_LATE = new Date('2026-11-20T23:59:59Z');
const SATURDAY_START = new Date('2026-11-21T00:00:00Z');
const SUNDAY_LATE = new Date('2026-11-22T23:59:00Z');
const MONDAY_START = new Date('2026-11-23T00:00:00Z');

function weekendSaleAt(now: Date, items = [linenThrow]) {
  return evaluateDiscounts(demoRules, orderInput({ items, now }), contextOf()).applied.find(
    (a) => a.ruleId === 'weekend-home-sale',
  );
}

describe('weekly window condition (UTC)', () => {
  it('applies the weekend sale from Saturday 00:00 until Monday 00:00 UTC, on its products only', () => {
    expect(weekendSaleAt(FRIDAY_LATE)).toBeUndefined();
    expect(weekendSaleAt(SATURDAY_START)).toMatchObject({
      amount: 1_780,
      label: 'Weekend sale: 20% off throws & planters',
    });
    expect(weekendSaleAt(SUNDAY_LATE)?.amount).toBe(1_780);
    expect(weekendSaleAt(MONDAY_START)).toBeUndefined();
    expect(weekendSaleAt(SATURDAY_START, [pourOver])).toBeUndefined();
  });

  it('honours a time-of-day range and explains a code used outside it', () => {
    const [happyHour] = parseDiscountRules(
      [
        {
          id: 'happy-hour',
          kind: 'code',
          code: 'HAPPY',
          label: 'Happy hour',
          effect: { type: 'percent_off', basisPoints: 1_000 },
          conditions: { weekly: { days: ['fri'], from: '17:00', until: '19:00' } },
          combinable: true,
        },
      ],
      'test',
    );
    if (!happyHour?.conditions.weekly) throw new Error('rule not parsed');
    const window = happyHour.conditions.weekly;
    expect(inWeeklyWindow(window, new Date('2026-11-20T16:59:00Z'))).toBe(false);
    expect(inWeeklyWindow(window, new Date('2026-11-20T17:00:00Z'))).toBe(true);
    expect(inWeeklyWindow(window, new Date('2026-11-20T19:00:00Z'))).toBe(false);
    const result = evaluateDiscounts(
      [happyHour],
      orderInput({ items: [pourOver], codes: ['happy'], now: new Date('2026-11-21T18:00:00Z') }),
      contextOf(),
    );
    expect(result.rejected).toEqual([
      { code: 'HAPPY', reason: 'outside_weekly_window', message: "The code HAPPY isn't active right now." },
    ]);
  });

  it('refuses malformed windows', () => {
    expect(weeklyWindowSchema.safeParse({ days: [] }).success).toBe(false);
    expect(weeklyWindowSchema.safeParse({ days: ['saturday'] }).success).toBe(false);
    expect(weeklyWindowSchema.safeParse({ days: ['sat'], from: '25:00' }).success).toBe(false);
    expect(weeklyWindowSchema.safeParse({ days: ['sat'], from: '18:00', until: '09:00' }).success).toBe(false);
    expect(weeklyWindowSchema.parse({ days: ['sat'], until: '24:00' })).toEqual({
      days: ['sat'],
      from: 0,
      until: 1440,
    });
  });
});
