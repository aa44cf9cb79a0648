/**
 * The promotion form of the merchant console: its flat fields (lists as checkboxes or comma-separated text, amounts
 * in major units, instants in UTC) read with zod into a `DiscountRuleInput`, which `discountRuleSchema` then judges as
 * the engine would; every issue is reported at the field that holds it. Pure.
 */
import { z } from 'zod';
import type { AdminFormState } from '@/lib/admin/forms';
import { TIER_IDS } from '@/lib/customers/tiers';
import { type DiscountRuleInput, discountRuleSchema, WEEKDAYS } from '@/lib/discounts/schema';

/** The form's fields that may repeat (checkbox groups). */
const LIST_FIELDS = ['methodIds', 'weeklyDays', 'categoryIds', 'tiers'] as const;

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blank, schema.optional());

const money = z
  .string()
  .trim()
  .regex(/^\d{1,6}(?:\.\d{1,2})?$/, 'Enter an amount such as 25 or 25.50.')
  .transform((text) => Math.round(Number(text) * 100));

const percent = z
  .string()
  .trim()
  .regex(/^\d{1,3}(?:\.\d{1,2})?$/, 'Enter a percentage such as 10 or 12.5.')
  .transform((text) => Math.round(Number(text) * 100));

const count = z.coerce.number('Enter a whole number.').int('Enter a whole number.').min(1, 'Enter 1 or more.');

/** "2026-12-24T18:00" from a datetime-local input, read as UTC. */
const utcInstant = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/, 'Enter a date and time.')
  .transform((local) => new Date(`${local.length === 16 ? `${local}:00` : local}Z`))
  .refine((date) => !Number.isNaN(date.getTime()), 'Enter a real date and time.')
  .transform((date) => date.toISOString());

const time = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Enter a time such as 09:00.');

/** "US, ca ,FR" → ["US", "CA", "FR"]; an empty text is no list. */
const textList = (transform: (item: string) => string = (item) => item) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(/[\s,]+/)
            .map((item) => item.trim())
            .filter(Boolean)
            .map(transform)
        : (value ?? []),
    z.array(z.string()),
  );

const checked = z.enum(['on', 'true']).optional().transform(Boolean);

export const promotionFormSchema = z.object({
  /** `create` on the new-promotion page, `edit` on a rule's own. */
  intent: z.enum(['create', 'edit']),
  ruleId: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and dashes, e.g. spring-10.'),
  kind: z.enum(['code', 'automatic']),
  code: optional(z.string().trim()),
  label: z.string().trim().min(1, 'Give the promotion a label.').max(40, 'Keep the label to 40 characters.'),
  effect: z.enum(['percent_off', 'amount_off', 'free_shipping']),
  percent: optional(percent),
  amountOff: optional(money),
  methodIds: z.array(z.string()).default([]),
  maxAmount: optional(money),
  minSubtotal: optional(money),
  startsAt: optional(utcInstant),
  endsAt: optional(utcInstant),
  weeklyDays: z.array(z.enum(WEEKDAYS)).default([]),
  weeklyFrom: optional(time),
  weeklyUntil: optional(time),
  countries: textList((item) => item.toUpperCase()),
  regions: textList((item) => item.toUpperCase()),
  productIds: textList(),
  categoryIds: z.array(z.string()).default([]),
  firstOrderOnly: checked,
  customerEmails: textList(),
  tiers: z.array(z.enum(TIER_IDS)).default([]),
  segments: textList(),
  totalRedemptions: optional(count),
  perEmail: optional(count),
  combinable: checked,
});
export type PromotionForm = z.output<typeof promotionFormSchema>;

type Read = { ok: true; rule: DiscountRuleInput; creating: boolean } | { ok: false; state: AdminFormState };

/** The form as a rule the engine accepts, or every issue at its field (the first one also as the message). */
export function readPromotionForm(form: FormData, currency: string): Read {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$') || typeof value !== 'string') continue;
    if ((LIST_FIELDS as ReadonlyArray<string>).includes(key)) raw[key] = [...((raw[key] as string[]) ?? []), value];
    else raw[key] = value;
  }
  const parsed = promotionFormSchema.safeParse(raw);
  if (!parsed.success) return refusal(parsed.error.issues.map((issue) => [String(issue.path[0] ?? ''), issue.message]));
  const rule = ruleOfForm(parsed.data, currency);
  const judged = discountRuleSchema.safeParse(rule);
  if (!judged.success) return refusal(judged.error.issues.map((issue) => [fieldOfRulePath(issue.path), issue.message]));
  return { ok: true, rule, creating: parsed.data.intent === 'create' };
}

/** The promotion form's state for a refusal at one field (a message the store data gave, say a code taken). */
export function refusal(issues: ReadonlyArray<readonly [string, string]>): { ok: false; state: AdminFormState } {
  const fields: Record<string, string> = {};
  for (const [field, message] of issues) if (field && !(field in fields)) fields[field] = message;
  const [first] = issues;
  return {
    ok: false,
    state: { status: 'error', message: first?.[1] ?? 'Check the form.', field: first?.[0] || null, fields },
  };
}

export function ruleOfForm(form: PromotionForm, currency: string): DiscountRuleInput {
  const amount = (minor: number | undefined) => (minor === undefined ? undefined : { amount: minor, currency });
  const list = <T>(items: ReadonlyArray<T>) => (items.length > 0 ? [...items] : undefined);
  const effect: DiscountRuleInput['effect'] =
    form.effect === 'percent_off'
      ? { type: 'percent_off', basisPoints: form.percent ?? 0 }
      : form.effect === 'amount_off'
        ? { type: 'amount_off', amount: form.amountOff ?? 0, currency }
        : { type: 'free_shipping', methodIds: form.methodIds };
  const weekly =
    form.weeklyDays.length > 0 || form.weeklyFrom || form.weeklyUntil
      ? { days: form.weeklyDays, from: form.weeklyFrom, until: form.weeklyUntil }
      : undefined;
  return withoutUndefined({
    id: form.ruleId,
    kind: form.kind,
    code: form.code,
    label: form.label,
    effect,
    conditions: withoutUndefined({
      minSubtotal: amount(form.minSubtotal),
      startsAt: form.startsAt,
      endsAt: form.endsAt,
      weekly: weekly && withoutUndefined(weekly),
      countries: list(form.countries),
      regions: list(form.regions),
      productIds: list(form.productIds),
      categoryIds: list(form.categoryIds),
      firstOrderOnly: form.firstOrderOnly,
      customerEmails: list(form.customerEmails),
      tiers: list(form.tiers),
      segments: list(form.segments),
    }),
    limits: withoutUndefined({ totalRedemptions: form.totalRedemptions, perEmail: form.perEmail }),
    combinable: form.combinable,
    maxAmount: amount(form.maxAmount),
  }) as DiscountRuleInput;
}

/** Which of the form's fields holds what `discountRuleSchema` says about `path`. */
export function fieldOfRulePath(path: ReadonlyArray<PropertyKey>): string {
  const [top, second, third] = path.map(String);
  if (top === 'id') return 'ruleId';
  if (top === 'effect')
    return second === 'basisPoints'
      ? 'percent'
      : second === 'amount'
        ? 'amountOff'
        : second === 'methodIds'
          ? 'methodIds'
          : 'effect';
  if (top === 'conditions' && second === 'weekly')
    return third === 'from' ? 'weeklyFrom' : third === 'until' ? 'weeklyUntil' : 'weeklyDays';
  if ((top === 'conditions' || top === 'limits') && second) return second;
  return top ?? '';
}

/** Enabling or disabling a rule. */
export const promotionToggleSchema = z.object({
  ruleId: z.string().min(1).max(200),
  active: z.enum(['true', 'false']).transform((value) => value === 'true'),
});

/** A stored rule as the form's initial values. */
export function formValuesOf(rule: DiscountRuleInput): Record<string, string | boolean | string[]> {
  const c = rule.conditions ?? {};
  const major = (minor: number | undefined) => (minor === undefined ? '' : (minor / 100).toFixed(2));
  const local = (instant: string | Date | undefined) =>
    instant === undefined ? '' : new Date(instant).toISOString().slice(0, 16);
  const e = rule.effect;
  return {
    ruleId: rule.id,
    kind: rule.kind,
    code: rule.code ?? '',
    label: rule.label,
    effect: e.type,
    percent: e.type === 'percent_off' ? String(e.basisPoints / 100) : '',
    amountOff: e.type === 'amount_off' ? major(e.amount) : '',
    methodIds: e.type === 'free_shipping' ? [...e.methodIds] : [],
    maxAmount: major(rule.maxAmount?.amount),
    minSubtotal: major(c.minSubtotal?.amount),
    startsAt: local(c.startsAt),
    endsAt: local(c.endsAt),
    weeklyDays: [...(c.weekly?.days ?? [])],
    weeklyFrom: typeof c.weekly?.from === 'string' ? c.weekly.from : '',
    weeklyUntil: typeof c.weekly?.until === 'string' ? c.weekly.until : '',
    countries: (c.countries ?? []).join(', '),
    regions: (c.regions ?? []).join(', '),
    productIds: (c.productIds ?? []).join(', '),
    categoryIds: [...(c.categoryIds ?? [])],
    firstOrderOnly: c.firstOrderOnly ?? false,
    customerEmails: (c.customerEmails ?? []).join(', '),
    tiers: [...(c.tiers ?? [])],
    segments: (c.segments ?? []).join(', '),
    totalRedemptions: rule.limits?.totalRedemptions === undefined ? '' : String(rule.limits.totalRedemptions),
    perEmail: rule.limits?.perEmail === undefined ? '' : String(rule.limits.perEmail),
    combinable: rule.combinable,
  };
}

function withoutUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
