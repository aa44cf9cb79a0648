/**
 * The store's demo discount rules, as seeded into an empty database (lib/store-data/seed.ts; the running store reads
 * the database), as data, validated with `discountRulesSchema` when this module loads (a bad edit
 * fails loudly, naming the field). Documented in lib/discounts/README.md — keep the table there in step.
 * Dates are fixed instants, so tests with an injected clock are stable; the flash sale's window is in the past on
 * purpose (a live window would change every total in end-to-end tests the day it opens). The weekend sale recurs
 * (Saturdays and Sundays UTC) but only on two products no other test buys, so totals elsewhere never depend on the day;
 * its end-to-end test moves the emulator's clock (shared with the app through APP_CLOCK_URL) to see it come and go.
 */
import { type DiscountRule, type DiscountRuleInput, parseDiscountRules } from '@/lib/discounts/schema';

export const demoRuleData = [
  {
    id: 'welcome-10',
    kind: 'code',
    code: 'WELCOME10',
    label: '10% off your order',
    effect: { type: 'percent_off', basisPoints: 1_000 },
    combinable: true,
  },
  {
    id: 'save-15-over-75',
    kind: 'code',
    code: 'SAVE15',
    label: '$15 off orders of $75+',
    effect: { type: 'amount_off', amount: 1_500, currency: 'usd' },
    conditions: { minSubtotal: { amount: 7_500, currency: 'usd' } },
    combinable: true,
  },
  {
    id: 'gifts-20',
    kind: 'code',
    code: 'GIFTS20',
    label: '20% off gifts',
    effect: { type: 'percent_off', basisPoints: 2_000 },
    conditions: { categoryIds: ['gifts'] },
    combinable: true,
  },
  {
    id: 'summer-25-2025',
    kind: 'code',
    code: 'SUMMER25',
    label: 'Summer 2025: 25% off',
    effect: { type: 'percent_off', basisPoints: 2_500 },
    conditions: { startsAt: '2025-06-01T00:00:00Z', endsAt: '2025-09-01T00:00:00Z' },
    combinable: true,
  },
  {
    id: 'early-bird-2099',
    kind: 'code',
    code: 'EARLYBIRD',
    label: 'Early bird: 15% off',
    effect: { type: 'percent_off', basisPoints: 1_500 },
    conditions: { startsAt: '2099-01-01T00:00:00Z' },
    combinable: true,
  },
  {
    id: 'launch-50',
    kind: 'code',
    code: 'LAUNCH50',
    label: 'Launch: 50% off (up to $100)',
    effect: { type: 'percent_off', basisPoints: 5_000 },
    maxAmount: { amount: 10_000, currency: 'usd' },
    limits: { totalRedemptions: 1 },
    combinable: false,
  },
  {
    id: 'first-order-15',
    kind: 'code',
    code: 'FIRST15',
    label: '15% off your first order',
    effect: { type: 'percent_off', basisPoints: 1_500 },
    conditions: { firstOrderOnly: true },
    limits: { perEmail: 1 },
    combinable: true,
  },
  {
    id: 'california-10',
    kind: 'code',
    code: 'CALI10',
    label: '10% off orders to California',
    effect: { type: 'percent_off', basisPoints: 1_000 },
    conditions: { regions: ['US-CA'] },
    combinable: true,
  },
  {
    id: 'vip-20',
    kind: 'code',
    code: 'VIP20',
    label: 'VIP: 20% off',
    effect: { type: 'percent_off', basisPoints: 2_000 },
    conditions: { customerEmails: ['vip@example.com'] },
    combinable: true,
  },
  {
    id: 'cart-10-off-100',
    kind: 'automatic',
    label: '$10 off $100+',
    effect: { type: 'amount_off', amount: 1_000, currency: 'usd' },
    conditions: { minSubtotal: { amount: 10_000, currency: 'usd' } },
    combinable: true,
  },
  {
    id: 'flash-sale-electronics',
    kind: 'automatic',
    label: 'Flash sale: 15% off electronics',
    effect: { type: 'percent_off', basisPoints: 1_500 },
    conditions: {
      categoryIds: ['electronics'],
      startsAt: '2026-11-06T17:00:00Z',
      endsAt: '2026-11-09T08:00:00Z',
    },
    combinable: false,
  },
  {
    id: 'weekend-home-sale',
    kind: 'automatic',
    label: 'Weekend sale: 20% off throws & planters',
    effect: { type: 'percent_off', basisPoints: 2_000 },
    conditions: {
      productIds: ['linen-throw', 'terracotta-planter'],
      weekly: { days: ['sat', 'sun'] },
    },
    combinable: true,
  },
  {
    id: 'silver-member-5',
    kind: 'automatic',
    label: 'Silver member: 5% off',
    effect: { type: 'percent_off', basisPoints: 500 },
    conditions: { tiers: ['silver'] },
    combinable: true,
  },
  {
    id: 'gold-member-10',
    kind: 'automatic',
    label: 'Gold member: 10% off',
    effect: { type: 'percent_off', basisPoints: 1_000 },
    conditions: { tiers: ['gold'] },
    combinable: true,
  },
  {
    id: 'gold-member-free-express',
    kind: 'automatic',
    label: 'free for Gold members',
    effect: { type: 'free_shipping', methodIds: ['express'] },
    conditions: { tiers: ['gold'] },
    combinable: true,
  },
  {
    id: 'welcome-back-15',
    kind: 'automatic',
    label: 'Welcome back: 15% off',
    effect: { type: 'percent_off', basisPoints: 1_500 },
    conditions: { segments: ['lapsed'] },
    combinable: false,
  },
  {
    id: 'canada-5',
    kind: 'automatic',
    label: '5% off orders to Canada',
    effect: { type: 'percent_off', basisPoints: 500 },
    conditions: { countries: ['CA'] },
    combinable: true,
  },
] satisfies DiscountRuleInput[];

export const demoRules: ReadonlyArray<DiscountRule> = parseDiscountRules(demoRuleData, 'lib/discounts/rules.ts');
