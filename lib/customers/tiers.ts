/**
 * Loyalty tiers as data: a customer's tier comes from their lifetime spend (what Stripe charged for their paid
 * orders, tax excluded). Each tier's perks are automatic discount rules conditioned on the tier (lib/discounts/rules.ts),
 * so the engine evaluates them on every update like any other promotion. Pure.
 */
import { z } from 'zod';
import { minorUnitsSchema } from '@/lib/money';

export const TIER_IDS = ['silver', 'gold'] as const;
export const tierIdSchema = z.enum(TIER_IDS);
export type TierId = z.infer<typeof tierIdSchema>;

const tierSchema = z
  .object({
    id: tierIdSchema,
    name: z.string().trim().min(1).max(20),
    /** Lifetime spend (minor units of the store's currency) from which a customer is in this tier. */
    minLifetimeSpend: minorUnitsSchema.min(1),
    /** What the tier gives, in the shopper's words (the rules carry the amounts). */
    perks: z.array(z.string().trim().min(1).max(80)).min(1),
  })
  .strict();
export type Tier = z.infer<typeof tierSchema>;

/** Tiers from the lowest up: each needs more than the one before. */
export const tiersSchema = z
  .array(tierSchema)
  .min(1)
  .superRefine((tiers, ctx) => {
    tiers.forEach((tier, i) => {
      const previous = tiers[i - 1];
      if (previous && previous.minLifetimeSpend >= tier.minLifetimeSpend)
        ctx.addIssue({ code: 'custom', path: [i, 'minLifetimeSpend'], message: 'each tier needs more than the last' });
    });
  });

export const storeTiers: ReadonlyArray<Tier> = tiersSchema.parse([
  { id: 'silver', name: 'Silver', minLifetimeSpend: 20_000, perks: ['5% off every order'] },
  { id: 'gold', name: 'Gold', minLifetimeSpend: 50_000, perks: ['10% off every order', 'Free express shipping'] },
]);

/** The highest tier the spend reaches, or null. */
export function tierOf(lifetimeSpend: number, tiers: ReadonlyArray<Tier> = storeTiers): Tier | null {
  return tiers.filter((tier) => lifetimeSpend >= tier.minLifetimeSpend).at(-1) ?? null;
}

export type TierProgress = { tier: Tier | null; next: { tier: Tier; amountNeeded: number } | null };

/** Where the customer stands: their tier, and the next one with what is left to spend to reach it. */
export function tierProgress(lifetimeSpend: number, tiers: ReadonlyArray<Tier> = storeTiers): TierProgress {
  const next = tiers.find((tier) => lifetimeSpend < tier.minLifetimeSpend);
  return {
    tier: tierOf(lifetimeSpend, tiers),
    next: next ? { tier: next, amountNeeded: next.minLifetimeSpend - lifetimeSpend } : null,
  };
}
