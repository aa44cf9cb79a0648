/**
 * One code per order (the stacking policy): when the shopper enters a code while another is applied, the one that
 * saves more on the order as it is now stays — the whole discount with each, automatic promotions included, as the
 * engine computes it; on a tie the code applied first stays.
 */
import { evaluateDiscounts, STACKING_POLICY } from '@/lib/discounts/engine';
import type { DiscountRule } from '@/lib/discounts/schema';
import type { DiscountContext, StackingPolicy } from '@/lib/discounts/types';
import type { DiscountInput } from '@/lib/pricing/discount-evaluator';

export type CodeChoice = {
  kept: string;
  dropped: string;
  /** The entered code replaced the applied one. */
  replaced: boolean;
  /** Both save the same (the applied code stays). */
  tie: boolean;
  /** What the kept code itself takes off this order. */
  keptAmount: number;
};

export function chooseCode(
  applied: string,
  entered: string,
  rules: ReadonlyArray<DiscountRule>,
  input: DiscountInput,
  context: DiscountContext,
  policy: StackingPolicy = STACKING_POLICY,
): CodeChoice {
  const saving = (code: string) => {
    const result = evaluateDiscounts(rules, { ...input, codes: [code] }, context, policy);
    return { total: result.discount?.amount ?? 0, own: result.applied.find((a) => a.code === code)?.amount ?? 0 };
  };
  const now = saving(applied);
  const instead = saving(entered);
  if (instead.total > now.total) {
    return { kept: entered, dropped: applied, replaced: true, tie: false, keptAmount: instead.own };
  }
  return { kept: applied, dropped: entered, replaced: false, tie: instead.total === now.total, keptAmount: now.own };
}
