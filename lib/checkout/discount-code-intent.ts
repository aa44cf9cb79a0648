/**
 * `apply-code` / `remove-code`: the shopper's discount code. One code per order (the engine's stacking policy), so
 * applying a code replaces the one applied before. A code is checked against the order as it is now; refusals carry
 * the engine's reason (as `discount_<reason>`) and its shopper-facing message, which speaks only of this order.
 */
import { discountsUnavailable } from '@/lib/checkout/access';
import type { IntentContext } from '@/lib/checkout/intents';
import { discountInputOf } from '@/lib/checkout/price';
import { checkCode, normalizeCode, type RejectionReason } from '@/lib/discounts';
import { AppError } from '@/lib/http/app-error';
import type { CheckoutSelections } from '@/lib/pricing/types';

export type ApplyCodeIntent = { type: 'apply-code'; code: string; email?: string };
export type RemoveCodeIntent = { type: 'remove-code'; code: string };
export type DiscountCodeIntent = ApplyCodeIntent | RemoveCodeIntent;

/** Refusals that depend on who is asking are answered alike, so a typed email reveals as little as possible. */
const IDENTITY_REASONS: ReadonlySet<RejectionReason> = new Set(['already_used', 'first_order_only']);

export function codeRefused(reason: RejectionReason, message: string, code: string): AppError {
  if (IDENTITY_REASONS.has(reason)) {
    return new AppError(422, 'discount_not_available_for_email', `The code ${code} can't be used with this email.`);
  }
  return new AppError(422, `discount_${reason}`, message);
}

export function applyDiscountCode(
  selections: CheckoutSelections,
  intent: DiscountCodeIntent,
  context: Pick<IntentContext, 'catalog' | 'now' | 'discounts'>,
): CheckoutSelections {
  const code = normalizeCode(intent.code);
  if (intent.type === 'remove-code') {
    return { ...selections, discountCodes: selections.discountCodes.filter((c) => c !== code) };
  }
  if (!context.discounts) throw discountsUnavailable();
  const input = discountInputOf(selections, context.catalog, context.now);
  const check = checkCode(code, context.discounts.rules, input, context.discounts.context);
  if (!check.ok) throw codeRefused(check.reason, check.message, code);
  return { ...selections, discountCodes: [code] };
}
