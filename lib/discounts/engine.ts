/**
 * The discount engine: rules (data) + the priced order + who is shopping → the discount, explained.
 * Pure and deterministic: no I/O (redemption counts come in through `context`), the clock is `input.now`, integer
 * minor units only. See README.md for the rule semantics and the stacking policy.
 */

import { normalizeCode } from '@/lib/discounts/code';
import { type Assessment, assessRule } from '@/lib/discounts/conditions';
import { couponNameOf } from '@/lib/discounts/coupon-name';
import { hintMessage, rejectionMessage } from '@/lib/discounts/messages';
import type { DiscountRule } from '@/lib/discounts/schema';
import { bestStack, type Eligible, type Stack } from '@/lib/discounts/stacking';
import type {
  AppliedRule,
  DiscountContext,
  DiscountHint,
  DiscountResult,
  RedemptionCounts,
  RejectedCode,
  RejectionReason,
  StackingPolicy,
} from '@/lib/discounts/types';
import type { DiscountEvaluator, DiscountInput } from '@/lib/pricing/discount-evaluator';

export const STACKING_POLICY: StackingPolicy = { maxShareBasisPoints: 5_000, hintWithinBasisPoints: 2_500 };

/** Redemption counts for a store where nothing has been redeemed yet (tests, previews). */
export const NO_REDEMPTIONS: RedemptionCounts = { total: () => 0, byEmail: () => 0 };

export function evaluateDiscounts(
  rules: ReadonlyArray<DiscountRule>,
  input: DiscountInput,
  context: DiscountContext,
  policy: StackingPolicy = STACKING_POLICY,
): DiscountResult {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const codes = [...new Set(input.codes.map(normalizeCode).filter((code) => code !== ''))];

  const codeAssessments = codes.map((code) => {
    const rule = sorted.find((r) => r.kind === 'code' && r.code === code);
    return { code, assessment: rule ? assessRule(rule, input, context) : null };
  });
  const automatic = sorted
    .filter((rule) => rule.kind === 'automatic' && rule.effect.type !== 'free_shipping')
    .map((rule) => assessRule(rule, input, context));

  const stack = bestStack(
    codeAssessments.map((c) => c.assessment).filter(isEligible),
    automatic.filter(isEligible),
    input,
    policy,
  );
  const applied: AppliedRule[] = stack.entries
    .filter((entry) => entry.amount > 0)
    .map(({ rule, amount }) => ({
      ruleId: rule.id,
      label: rule.label,
      amount,
      kind: rule.kind,
      code: rule.code ?? null,
    }));

  const rejected = codeAssessments.flatMap(({ code, assessment }): RejectedCode[] => {
    if (applied.some((a) => a.code === code)) return [];
    const reason: RejectionReason =
      assessment === null ? 'unknown' : assessment.ok ? notAppliedReason(stack, code) : assessment.reason;
    const amountNeeded = assessment && !assessment.ok ? assessment.amountNeeded : null;
    const combinedWith = reason === 'does_not_combine' ? describeWinner(stack, code) : null;
    return [
      {
        code,
        reason,
        message: rejectionMessage(reason, { code, amountNeeded, currency: input.currency, combinedWith }),
      },
    ];
  });

  const amount = applied.reduce((sum, a) => sum + a.amount, 0);
  return {
    discount: amount > 0 ? { name: couponNameOf(applied.map((a) => a.code ?? a.label)), amount, applied } : null,
    applied,
    rejected,
    hints: hintsOf(automatic, input, policy),
  };
}

/** The adapter for `buildQuote`: the same evaluation, keeping only the discount. */
export function discountEvaluator(
  rules: ReadonlyArray<DiscountRule>,
  context: DiscountContext,
  policy: StackingPolicy = STACKING_POLICY,
): DiscountEvaluator {
  return (input) => evaluateDiscounts(rules, input, context, policy).discount;
}

export type FreeShipping = { ruleId: string; label: string; methodIds: ReadonlyArray<string> };

/** The automatic free-shipping rules that hold for the order (priced into its shipping options, not the coupon). */
export function freeShippingOf(
  rules: ReadonlyArray<DiscountRule>,
  input: DiscountInput,
  context: DiscountContext,
): FreeShipping[] {
  return [...rules]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((rule) => {
      const { effect } = rule;
      if (rule.kind !== 'automatic' || effect.type !== 'free_shipping') return [];
      return assessRule(rule, input, context).ok
        ? [{ ruleId: rule.id, label: rule.label, methodIds: effect.methodIds }]
        : [];
    });
}

export type CodeCheck =
  | { ok: true; rule: DiscountRule; amount: number }
  | { ok: false; reason: RejectionReason; message: string };

/**
 * For the apply-code route: would this code apply to the order if it replaced any code applied now (one code per
 * order)? `ok` carries the rule and what it takes off; otherwise the reason and the shopper-facing message.
 */
export function checkCode(
  code: string,
  rules: ReadonlyArray<DiscountRule>,
  input: DiscountInput,
  context: DiscountContext,
  policy: StackingPolicy = STACKING_POLICY,
): CodeCheck {
  const normalized = normalizeCode(code);
  if (normalized === '') return { ok: false, reason: 'unknown', message: 'Enter a discount code.' };
  const result = evaluateDiscounts(rules, { ...input, codes: [normalized] }, context, policy);
  const applied = result.applied.find((a) => a.code === normalized);
  const rule = rules.find((r) => r.id === applied?.ruleId);
  if (applied && rule) return { ok: true, rule, amount: applied.amount };
  const rejection = result.rejected.find((r) => r.code === normalized);
  if (rejection) return { ok: false, reason: rejection.reason, message: rejection.message };
  return { ok: false, reason: 'unknown', message: rejectionMessage('unknown', noDetails(normalized, input)) };
}

function isEligible(assessment: Assessment | null): assessment is Eligible {
  return assessment?.ok === true;
}

/** An eligible code left out: another combination saved more, or (cap of zero) it took nothing off. */
function notAppliedReason(stack: Stack, code: string): RejectionReason {
  return stack.entries.some((e) => e.rule.code === code) ? 'not_valid_for_items' : 'does_not_combine';
}

function describeWinner(stack: Stack, loserCode: string): string | null {
  const winners = stack.entries.filter((e) => e.amount > 0 && e.rule.code !== loserCode);
  const winningCode = winners.find((e) => e.rule.kind === 'code')?.rule.code;
  if (winningCode !== undefined) return `the code ${winningCode}`;
  const only = winners.length === 1 ? winners[0] : undefined;
  if (only) return `your offer “${only.rule.label}”`;
  return winners.length > 1 ? 'your other offers' : null;
}

function hintsOf(automatic: ReadonlyArray<Assessment>, input: DiscountInput, policy: StackingPolicy): DiscountHint[] {
  return automatic.flatMap((assessment): DiscountHint[] => {
    if (assessment.ok || assessment.reason !== 'minimum_not_met' || assessment.amountNeeded === null) return [];
    const minimum = assessment.rule.conditions.minSubtotal?.amount ?? 0;
    const withinReach = assessment.amountNeeded * 10_000 <= minimum * policy.hintWithinBasisPoints;
    if (!withinReach) return [];
    const { rule, amountNeeded } = assessment;
    return [{ ruleId: rule.id, amountNeeded, message: hintMessage(rule.effect, amountNeeded, input.currency) }];
  });
}

function noDetails(code: string, input: DiscountInput) {
  return { code, amountNeeded: null, currency: input.currency, combinedWith: null };
}
