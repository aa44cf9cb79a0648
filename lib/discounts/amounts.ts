/**
 * Money arithmetic of the engine, integer minor units only.
 * - A rule's own amount: percent-off is a share of its eligible subtotal (rounded half up), amount-off is fixed;
 *   then capped by the rule's `maxAmount` and by its eligible subtotal.
 * - `allocate` applies a stack of rules in order, line by line, so that no line is discounted below zero and the
 *   combined discount never exceeds the stacking cap; rules later in the stack absorb any trimming.
 */
import type { DiscountRule } from '@/lib/discounts/schema';
import { shareOf } from '@/lib/money';
import type { DiscountLine } from '@/lib/pricing/discount-evaluator';

export function ruleAmount(rule: DiscountRule, eligibleSubtotal: number): number {
  const { effect } = rule;
  // Free shipping takes nothing off the items: it is priced into the shipping options.
  if (effect.type === 'free_shipping') return 0;
  const raw = effect.type === 'percent_off' ? shareOf(eligibleSubtotal, effect.basisPoints) : effect.amount;
  return Math.min(raw, rule.maxAmount?.amount ?? raw, eligibleSubtotal);
}

/** The cap on a whole order's discount: `maxShareBasisPoints` of the subtotal, rounded down. */
export function stackingCap(subtotal: number, maxShareBasisPoints: number): number {
  return Math.floor((subtotal * maxShareBasisPoints) / 10_000);
}

export type StackEntry = { rule: DiscountRule; amount: number; eligibleLineKeys: ReadonlyArray<string> };

export function allocate(
  stack: ReadonlyArray<StackEntry>,
  lines: ReadonlyArray<DiscountLine>,
  cap: number,
): Array<{ rule: DiscountRule; amount: number }> {
  const remaining = new Map(lines.map((line) => [line.key, Math.max(0, line.amount)]));
  let room = Math.max(0, cap);
  return stack.map(({ rule, amount: wanted, eligibleLineKeys }) => {
    const available = eligibleLineKeys.reduce((sum, key) => sum + (remaining.get(key) ?? 0), 0);
    const amount = Math.max(0, Math.min(wanted, available, room));
    room -= amount;
    let left = amount;
    for (const key of eligibleLineKeys) {
      const onLine = Math.min(left, remaining.get(key) ?? 0);
      remaining.set(key, (remaining.get(key) ?? 0) - onLine);
      left -= onLine;
    }
    return { rule, amount };
  });
}
