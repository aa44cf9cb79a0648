import type { Segment } from '@/lib/customers/segments';
import type { TierId } from '@/lib/customers/tiers';
import type { DiscountRule } from '@/lib/discounts/schema';
import type { AppliedDiscount, QuoteDiscount } from '@/lib/pricing/types';

/** Why a code the shopper entered does not apply. Each has its own message (see messages.ts). */
export type RejectionReason =
  | 'unknown'
  | 'expired'
  | 'not_yet_valid'
  | 'outside_weekly_window'
  | 'minimum_not_met'
  | 'not_valid_for_items'
  | 'not_valid_for_address'
  | 'address_required'
  | 'already_used'
  | 'fully_redeemed'
  | 'all_uses_held'
  | 'does_not_combine'
  | 'first_order_only'
  | 'identity_required'
  | 'sign_in_required'
  | 'not_for_this_customer'
  | 'currency_mismatch';

/**
 * Completed redemptions, loaded by the caller (the engine does no I/O). `byEmail` receives a normalised email and
 * only ever the current shopper's, so no answer can reveal another shopper's use of a code.
 */
export type RedemptionCounts = {
  total(ruleId: string): number;
  byEmail(ruleId: string, email: string): number;
  /** Uses other checkouts hold right now (taken, not yet paid); none when absent. */
  held?(ruleId: string): number;
  /** Uses other checkouts hold for this email right now; none when absent. */
  heldByEmail?(ruleId: string, email: string): number;
};

/**
 * The signed-in customer, as the server knows them: their verified email (null while unverified), and their tier
 * and segments computed from their paid orders. Never from what a request claims.
 */
export type CustomerContext = {
  id: string;
  verifiedEmail: string | null;
  tier: TierId | null;
  segments: ReadonlyArray<Segment>;
};

/** Who is shopping, as far as the server knows. Null means "not known yet" (identity comes later in checkout). */
export type DiscountContext = {
  redemptions: RedemptionCounts;
  /** The email Stripe collected for the checkout (for per-email limits and first orders; unverified). */
  email: string | null;
  isFirstOrder: boolean | null;
  /** Null for a guest. */
  customer?: CustomerContext | null;
};

/** The stacking policy's one tunable: no order is discounted by more than this share of its subtotal. */
export type StackingPolicy = {
  /** 5000 = the combined discount is at most 50 % of the subtotal. */
  maxShareBasisPoints: number;
  /** A cart-value promotion is "within reach" (worth a hint) when the shortfall is at most this share of its minimum. */
  hintWithinBasisPoints: number;
};

export type AppliedRule = AppliedDiscount & { kind: DiscountRule['kind']; code: string | null };

export type RejectedCode = { code: string; reason: RejectionReason; message: string };

export type DiscountHint = { ruleId: string; message: string; amountNeeded: number };

export type DiscountResult = {
  /** What goes to Stripe as one amount-off coupon; null when nothing applies. */
  discount: QuoteDiscount | null;
  /** Each applied rule with its share of the discount; the amounts add up to `discount.amount`. */
  applied: AppliedRule[];
  /** Each code the shopper entered that does not apply, with the reason. */
  rejected: RejectedCode[];
  /** Automatic promotions within reach, e.g. "$12.00 more for $10 off". */
  hints: DiscountHint[];
};
