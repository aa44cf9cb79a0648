/**
 * Discount rules as data, validated with zod. A rule is either a promotion code the shopper types (`kind: 'code'`)
 * or an automatic promotion (`kind: 'automatic'`) that applies by itself when its conditions hold.
 * See lib/discounts/README.md for the semantics of every field and the stacking policy.
 */
import { z } from 'zod';
import { segmentSchema } from '@/lib/customers/segments';
import { tierIdSchema } from '@/lib/customers/tiers';
import { normalizeCode, normalizeEmail } from '@/lib/discounts/code';
import { currencySchema, minorUnitsSchema } from '@/lib/money';
import { STORE_CREDIT } from '@/lib/pricing/store-credit';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lowercase slug');

/** Codes are stored normalised (trimmed, upper case): 3–32 letters, digits, `-` or `_`. */
export const discountCodeSchema = z
  .string()
  .transform(normalizeCode)
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9_-]{2,31}$/, '3–32 letters, digits, - or _'));

const moneySchema = z.object({ amount: minorUnitsSchema, currency: currencySchema }).strict();

const instantSchema = z.iso.datetime({ offset: true }).transform((iso) => new Date(iso));

const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'an upper-case ISO 3166-1 alpha-2 country code');

/** A country subdivision as ISO 3166-2, e.g. `US-CA` (California) or `CA-QC` (Quebec). */
const regionSchema = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'an ISO 3166-2 code such as US-CA');

export const discountEffectSchema = z.discriminatedUnion('type', [
  /** 1 basis point = 0.01 %; 1000 = 10 % off the eligible lines. */
  z.object({ type: z.literal('percent_off'), basisPoints: z.number().int().min(1).max(10_000) }).strict(),
  z.object({ type: z.literal('amount_off'), amount: minorUnitsSchema.min(1), currency: currencySchema }).strict(),
  /**
   * These shipping methods cost nothing (automatic rules only). A coupon cannot reduce shipping, so this is priced
   * into the shipping options the update sends, never into the coupon.
   */
  z.object({ type: z.literal('free_shipping'), methodIds: z.array(slug).min(1) }).strict(),
]);
export type DiscountEffect = z.infer<typeof discountEffectSchema>;

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const timeOfDaySchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a UTC time of day HH:MM (00:00–24:00)')
  .transform((hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)));

/** A window that recurs every week, in UTC: on these days, from `from` (inclusive) until `until` (exclusive). */
export const weeklyWindowSchema = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1),
    from: timeOfDaySchema.default(0),
    until: timeOfDaySchema.default(24 * 60),
  })
  .strict()
  .refine((w) => w.from < w.until, { message: 'until must be after from', path: ['until'] });
export type WeeklyWindow = z.infer<typeof weeklyWindowSchema>;

export const discountConditionsSchema = z
  .object({
    /** The eligible lines must add up to at least this much (before any discount). */
    minSubtotal: moneySchema.optional(),
    /** Valid from this instant (inclusive). */
    startsAt: instantSchema.optional(),
    /** Valid until this instant (exclusive). */
    endsAt: instantSchema.optional(),
    /** Only during this weekly window (UTC), e.g. Saturdays and Sundays. */
    weekly: weeklyWindowSchema.optional(),
    /** The shipping address must be in one of these countries… */
    countries: z.array(countrySchema).min(1).optional(),
    /** …or in one of these subdivisions (with `countries` too, either matches). */
    regions: z.array(regionSchema).min(1).optional(),
    /** Only these products' lines are discounted (with `categoryIds` too, a line matching either counts). */
    productIds: z.array(slug).min(1).optional(),
    /** Only lines of products in these categories are discounted. */
    categoryIds: z.array(slug).min(1).optional(),
    /** Only for a shopper's first order (needs the shopper's identity). */
    firstOrderOnly: z.boolean().default(false),
    /**
     * Customer-specific offer: only the signed-in customers with these (verified) emails may use it; to anyone else
     * (a guest typing a listed email included) it does not exist.
     */
    customerEmails: z.array(z.email().transform(normalizeEmail)).min(1).optional(),
    /** Loyalty perk: only signed-in customers in one of these tiers (lib/customers/tiers.ts). */
    tiers: z.array(tierIdSchema).min(1).optional(),
    /** Only signed-in customers in one of these segments, computed from their orders (lib/customers/segments.ts). */
    segments: z.array(segmentSchema).min(1).optional(),
  })
  .strict();

export const discountLimitsSchema = z
  .object({
    /** Orders that may use the rule, across all shoppers. */
    totalRedemptions: z.number().int().min(1).optional(),
    /** Orders one email address may use the rule for. */
    perEmail: z.number().int().min(1).optional(),
  })
  .strict();

export const discountRuleSchema = z
  .object({
    id: slug,
    kind: z.enum(['code', 'automatic']),
    code: discountCodeSchema.optional(),
    /** Short, shown to shoppers and used in the Stripe coupon name for automatic rules (≤ 40 characters). */
    label: z.string().trim().min(1).max(40),
    effect: discountEffectSchema,
    conditions: discountConditionsSchema.default({ firstOrderOnly: false }),
    limits: discountLimitsSchema.default({}),
    /** Whether the rule may apply together with other rules (see the stacking policy). */
    combinable: z.boolean(),
    /** Most this rule may take off one order (useful with percent-off). */
    maxAmount: moneySchema.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.id === STORE_CREDIT.ruleId)
      ctx.addIssue({ code: 'custom', path: ['id'], message: `${rule.id} is the store credit's own entry` });
    if (rule.effect.type === 'free_shipping' && rule.kind !== 'automatic')
      ctx.addIssue({ code: 'custom', path: ['effect'], message: 'free shipping is for automatic rules only' });
    if (rule.kind === 'code' && rule.code === undefined)
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'a code rule needs a code' });
    if (rule.kind === 'automatic' && rule.code !== undefined)
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'an automatic rule has no code' });
    const { startsAt, endsAt } = rule.conditions;
    if (startsAt && endsAt && startsAt.getTime() >= endsAt.getTime())
      ctx.addIssue({ code: 'custom', path: ['conditions', 'endsAt'], message: 'endsAt must be after startsAt' });
    const currencies = new Set(currenciesOf(rule));
    if (currencies.size > 1)
      ctx.addIssue({ code: 'custom', path: ['effect'], message: 'all amounts of a rule must share one currency' });
  });
export type DiscountRule = z.infer<typeof discountRuleSchema>;
export type DiscountRuleInput = z.input<typeof discountRuleSchema>;

export const discountRulesSchema = z.array(discountRuleSchema).superRefine((rules, ctx) => {
  const ids = new Set<string>();
  const codes = new Set<string>();
  rules.forEach((rule, i) => {
    if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id ${rule.id}` });
    ids.add(rule.id);
    if (rule.code === undefined) return;
    if (codes.has(rule.code))
      ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `duplicate code ${rule.code}` });
    codes.add(rule.code);
  });
});

/** The currencies a rule's amounts are in (none for a plain percent-off rule). */
export function currenciesOf(rule: DiscountRule): string[] {
  return [
    rule.effect.type === 'amount_off' ? rule.effect.currency : null,
    rule.conditions.minSubtotal?.currency ?? null,
    rule.maxAmount?.currency ?? null,
  ].filter((currency): currency is string => currency !== null);
}

/** Parses authored rules, failing loudly with every issue and where it is. */
export function parseDiscountRules(data: unknown, source: string): DiscountRule[] {
  const parsed = discountRulesSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`${source} holds invalid discount rules: ${issues}`);
  }
  return parsed.data;
}
