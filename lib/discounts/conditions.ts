/**
 * Whether one rule applies to an order on its own (stacking comes later), and if not, the first reason why.
 * Checks run in a fixed order, so a shopper always hears the most fundamental problem first:
 * customer-specific → members only (tier, segment) → currency → not yet valid / expired / outside the weekly window → fully redeemed → every use held → identity needed → already used →
 * first order only → address → items → minimum → (amount rounds to nothing).
 */
import { ruleAmount } from '@/lib/discounts/amounts';
import { normalizeEmail } from '@/lib/discounts/code';
import { currenciesOf, type DiscountRule, WEEKDAYS, type WeeklyWindow } from '@/lib/discounts/schema';
import type { DiscountContext, RejectionReason } from '@/lib/discounts/types';
import type { DiscountInput, DiscountLine } from '@/lib/pricing/discount-evaluator';

export type Assessment =
  | { ok: true; rule: DiscountRule; amount: number; eligibleLineKeys: string[]; eligibleSubtotal: number }
  | {
      ok: false;
      rule: DiscountRule;
      reason: Exclude<RejectionReason, 'does_not_combine'>;
      amountNeeded: number | null;
    };

export function assessRule(rule: DiscountRule, input: DiscountInput, context: DiscountContext): Assessment {
  const reject = (reason: Exclude<RejectionReason, 'does_not_combine'>, amountNeeded: number | null = null) =>
    ({ ok: false, rule, reason, amountNeeded }) as const;
  const { conditions, limits } = rule;
  const email = context.email === null ? null : normalizeEmail(context.email);
  const now = input.now.getTime();

  const customer = context.customer ?? null;
  // To anyone not on the list, a customer-specific code does not exist: answering otherwise would reveal it. Only a
  // signed-in customer's verified email counts: an email typed into the checkout proves nothing.
  const verifiedEmail = customer?.verifiedEmail ?? null;
  if (conditions.customerEmails && (verifiedEmail === null || !conditions.customerEmails.includes(verifiedEmail)))
    return reject('unknown');
  if (conditions.tiers || conditions.segments) {
    if (customer === null) return reject('sign_in_required');
    const inTier = !conditions.tiers || (customer.tier !== null && conditions.tiers.includes(customer.tier));
    const inSegment = !conditions.segments || conditions.segments.some((s) => customer.segments.includes(s));
    if (!inTier || !inSegment) return reject('not_for_this_customer');
  }
  if (currenciesOf(rule).some((currency) => currency !== input.currency.toLowerCase()))
    return reject('currency_mismatch');
  if (conditions.startsAt && now < conditions.startsAt.getTime()) return reject('not_yet_valid');
  if (conditions.endsAt && now >= conditions.endsAt.getTime()) return reject('expired');
  if (conditions.weekly && !inWeeklyWindow(conditions.weekly, input.now)) return reject('outside_weekly_window');
  if (limits.totalRedemptions !== undefined) {
    const redeemed = context.redemptions.total(rule.id);
    if (redeemed >= limits.totalRedemptions) return reject('fully_redeemed');
    if (redeemed + (context.redemptions.held?.(rule.id) ?? 0) >= limits.totalRedemptions)
      return reject('all_uses_held');
  }
  if ((limits.perEmail !== undefined && email === null) || (conditions.firstOrderOnly && context.isFirstOrder === null))
    return reject('identity_required');
  if (
    limits.perEmail !== undefined &&
    email !== null &&
    context.redemptions.byEmail(rule.id, email) + (context.redemptions.heldByEmail?.(rule.id, email) ?? 0) >=
      limits.perEmail
  )
    return reject('already_used');
  if (conditions.firstOrderOnly && context.isFirstOrder === false) return reject('first_order_only');

  const location = locationMatch(rule, input);
  if (location !== 'match') return reject(location);

  const eligible = input.lines.filter((line) => line.amount > 0 && isEligibleLine(rule, line));
  const eligibleSubtotal = eligible.reduce((sum, line) => sum + line.amount, 0);
  if (eligibleSubtotal === 0) return reject('not_valid_for_items');
  const minimum = conditions.minSubtotal?.amount ?? 0;
  if (eligibleSubtotal < minimum) return reject('minimum_not_met', minimum - eligibleSubtotal);

  const amount = ruleAmount(rule, eligibleSubtotal);
  if (amount === 0 && rule.effect.type !== 'free_shipping') return reject('not_valid_for_items');
  return { ok: true, rule, amount, eligibleLineKeys: eligible.map((line) => line.key), eligibleSubtotal };
}

/**
 * Unrestricted rules discount every line (products and add-ons). Rules restricted to products or categories discount
 * only the matching product lines: add-ons such as a warranty are services, not the product itself.
 */
export function isEligibleLine(rule: DiscountRule, line: DiscountLine): boolean {
  const { productIds, categoryIds } = rule.conditions;
  if (!productIds && !categoryIds) return true;
  if (line.kind !== 'product') return false;
  return (
    (line.productId !== null && (productIds?.includes(line.productId) ?? false)) ||
    (line.categoryId !== null && (categoryIds?.includes(line.categoryId) ?? false))
  );
}

function locationMatch(
  rule: DiscountRule,
  input: DiscountInput,
): 'match' | 'address_required' | 'not_valid_for_address' {
  const { countries, regions } = rule.conditions;
  if (!countries && !regions) return 'match';
  if (input.shippingCountry === null) return 'address_required';
  const country = input.shippingCountry.trim().toUpperCase();
  const region = regionOf(country, input.shippingState);
  const matches = (countries?.includes(country) ?? false) || (region !== null && (regions?.includes(region) ?? false));
  return matches ? 'match' : 'not_valid_for_address';
}

/** ISO 3166-2 code of the address's subdivision: state 'ca' in 'US' → 'US-CA' (an already prefixed code is kept). */
export function regionOf(country: string, state: string | null): string | null {
  const code = state?.trim().toUpperCase();
  if (!code) return null;
  return code.startsWith(`${country}-`) ? code : `${country}-${code}`;
}

/** Whether `at` falls in the weekly window (UTC day of week, minutes since UTC midnight). */
export function inWeeklyWindow(window: WeeklyWindow, at: Date): boolean {
  const day = WEEKDAYS[at.getUTCDay()];
  const minute = at.getUTCHours() * 60 + at.getUTCMinutes();
  return day !== undefined && window.days.includes(day) && minute >= window.from && minute < window.until;
}
