/**
 * What shoppers read. Messages talk only about the shopper's own order and the rule itself — never about other
 * shoppers (a customer-specific code is "unknown" to everyone else; "fully redeemed" reveals only that a limit exists).
 */

import type { CodeChoice } from '@/lib/discounts/code-choice';
import type { DiscountEffect } from '@/lib/discounts/schema';
import type { RejectionReason } from '@/lib/discounts/types';
import { type Currency, decimalsOf, formatMoney } from '@/lib/money';

/** "$10" for whole amounts, "$12.50" otherwise. */
export function formatMoneyCompact(amount: number, currency: Currency): string {
  if (amount % 10 ** decimalsOf(currency) !== 0) return formatMoney(amount, currency);
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(amount / 10 ** decimalsOf(currency));
}

/** "10% off", "12.5% off", "$10 off". */
export function describeEffect(effect: DiscountEffect): string {
  if (effect.type === 'percent_off') return `${effect.basisPoints / 100}% off`;
  if (effect.type === 'free_shipping') return 'free shipping';
  return `${formatMoneyCompact(effect.amount, effect.currency)} off`;
}

export function hintMessage(effect: DiscountEffect, amountNeeded: number, currency: Currency): string {
  return `${formatMoney(amountNeeded, currency)} more for ${describeEffect(effect)}`;
}

type MessageDetails = { code: string; amountNeeded: number | null; currency: Currency; combinedWith: string | null };

export function rejectionMessage(reason: RejectionReason, details: MessageDetails): string {
  // Echo the shopper's code only when it looks like a code (it is their own input, but keep messages short and sane).
  const shown = /^[A-Z0-9_-]{1,32}$/.test(details.code) ? details.code : null;
  const subject = shown === null ? 'that code' : `the code ${shown}`;
  const Subject = shown === null ? 'That code' : `The code ${shown}`;
  switch (reason) {
    case 'unknown':
      // One wording for every unknown code, whatever was typed (the field still shows it).
      return "We don't recognise that code. Check the spelling and try again.";
    case 'expired':
      return `${Subject} has expired.`;
    case 'not_yet_valid':
      return `${Subject} isn't active yet.`;
    case 'outside_weekly_window':
      return `${Subject} isn't active right now.`;
    case 'minimum_not_met':
      return details.amountNeeded === null
        ? `Your order doesn't reach the minimum for ${subject} yet.`
        : `Add ${formatMoney(details.amountNeeded, details.currency)} more of eligible items to use ${subject}.`;
    case 'not_valid_for_items':
      return `${Subject} doesn't apply to the items in your cart.`;
    case 'not_valid_for_address':
      return `${Subject} isn't valid for your shipping address.`;
    case 'address_required':
      return `Enter your shipping address to use ${subject}.`;
    case 'already_used':
      return `You've already used ${subject}.`;
    case 'fully_redeemed':
      return `${Subject} has reached its usage limit.`;
    case 'all_uses_held':
      return `Every remaining use of ${subject} is reserved by another checkout right now. Try again in a little while.`;
    case 'does_not_combine':
      return details.combinedWith === null
        ? `${Subject} can't be combined with other offers.`
        : `${Subject} can't be combined with ${details.combinedWith}. We applied whichever saves you more.`;
    case 'first_order_only':
      return `${Subject} is only for a first order.`;
    case 'sign_in_required':
      return `Sign in to your account to use ${subject}.`;
    case 'not_for_this_customer':
      return `${Subject} isn't available for your account.`;
    case 'identity_required':
      return `Enter your email address to use ${subject}.`;
    case 'currency_mismatch':
      return `${Subject} can't be used for an order in ${details.currency.toUpperCase()}.`;
  }
}

/** "GIFTS20 saves less than WELCOME10 (−$36.30), so WELCOME10 stays applied." / "FIRST15 replaced VIP20: it saves more (−$12.00)." */
export function codeChoiceMessage(choice: CodeChoice, currency: Currency): string {
  const saved = `−${formatMoney(choice.keptAmount, currency)}`;
  if (choice.replaced) return `${choice.kept} replaced ${choice.dropped}: it saves more (${saved}).`;
  const compared = choice.tie ? 'saves no more than' : 'saves less than';
  return `${choice.dropped} ${compared} ${choice.kept} (${saved}), so ${choice.kept} stays applied.`;
}
