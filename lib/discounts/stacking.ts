/**
 * The stacking policy (documented in README.md):
 * - At most ONE code per order. Automatic promotions stack with each other and with that code when all are
 *   `combinable`; a rule that is not combinable applies alone.
 * - Among the allowed combinations the engine picks the one that saves the shopper most; on a tie it prefers one with
 *   a code the shopper entered (earliest entered first), then the plain automatic stack, then a lone automatic rule.
 * - Inside a combination the code applies first, then automatic rules by id; each is limited by what is left of its
 *   eligible lines (no line goes below zero) and the whole by the cap (`maxShareBasisPoints` of the subtotal).
 * Everything is ordered by rule id or by entry order of codes, so the result does not depend on the rules' order.
 */
import { allocate, stackingCap } from '@/lib/discounts/amounts';
import type { Assessment } from '@/lib/discounts/conditions';
import type { DiscountRule } from '@/lib/discounts/schema';
import type { StackingPolicy } from '@/lib/discounts/types';
import type { DiscountInput } from '@/lib/pricing/discount-evaluator';

export type Eligible = Extract<Assessment, { ok: true }>;

export type Stack = { entries: Array<{ rule: DiscountRule; amount: number }>; total: number };

/**
 * @param codes eligible code rules, in the order the shopper entered them
 * @param automatic eligible automatic rules, sorted by id
 */
export function bestStack(
  codes: ReadonlyArray<Eligible>,
  automatic: ReadonlyArray<Eligible>,
  input: DiscountInput,
  policy: StackingPolicy,
): Stack {
  const combinableAutomatic = automatic.filter((a) => a.rule.combinable);
  const candidates: Eligible[][] = [
    ...codes.map((code) => (code.rule.combinable ? [code, ...combinableAutomatic] : [code])),
    combinableAutomatic,
    ...automatic.filter((a) => !a.rule.combinable).map((a) => [a]),
  ];
  const cap = stackingCap(input.subtotal, policy.maxShareBasisPoints);
  let best: Stack = { entries: [], total: 0 };
  for (const candidate of candidates) {
    const entries = allocate(candidate, input.lines, cap);
    const total = entries.reduce((sum, entry) => sum + entry.amount, 0);
    if (total > best.total) best = { entries, total };
  }
  return best;
}
