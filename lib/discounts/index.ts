/** The discount engine's public API. Pure: callers load redemption counts and the shopper's identity. */
export { normalizeCode, normalizeEmail } from '@/lib/discounts/code';
export { type CodeChoice, chooseCode } from '@/lib/discounts/code-choice';
export {
  type CodeCheck,
  checkCode,
  discountEvaluator,
  evaluateDiscounts,
  type FreeShipping,
  freeShippingOf,
  NO_REDEMPTIONS,
  STACKING_POLICY,
} from '@/lib/discounts/engine';
export { codeChoiceMessage } from '@/lib/discounts/messages';
export { demoRules } from '@/lib/discounts/rules';
export { type DiscountRule, discountRuleSchema, discountRulesSchema, parseDiscountRules } from '@/lib/discounts/schema';
export type * from '@/lib/discounts/types';
