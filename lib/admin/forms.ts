/** The merchant console's forms, read with zod: amounts typed in major units, choices as checkboxes. Pure. */
import { z } from 'zod';

/** What a console form shows after it was sent: nothing yet, what went wrong (and in which field), or what it did. */
export type AdminFormState =
  | { status: 'idle' }
  | { status: 'error'; message: string; field: string | null; fields?: Record<string, string> }
  | { status: 'done'; message: string };

export const IDLE_ADMIN_FORM: AdminFormState = { status: 'idle' };

/** "25", "25.5", "25.50" → 2550 minor units (two decimals: the store's currencies). */
const amount = z
  .string()
  .trim()
  .regex(/^\d{1,6}(?:\.\d{1,2})?$/, 'Enter an amount such as 25 or 25.50.')
  .transform((text) => Math.round(Number(text) * 100))
  .pipe(z.number().int().min(1, 'Enter more than zero.'));

/** An HTML checkbox: present ("on") or absent. */
const checkbox = z
  .enum(['on', 'true'])
  .optional()
  .transform((value) => value !== undefined);

const reasonText = (min: number) =>
  z.string().trim().min(min, `Say why (${min} characters or more).`).max(200, 'Keep the reason under 200 characters.');

export const refundFormSchema = z.object({
  orderId: z.coerce.number().int().positive(),
  amount,
  reason: z.enum(['requested_by_customer', 'duplicate', 'fraudulent']),
  note: z.string().trim().max(200, 'Keep the note under 200 characters.').optional().default(''),
  restoreCredit: checkbox,
  releaseRedemptions: checkbox,
  /** Rendered with the form: the same submission sent twice (a double click, a retry) is one refund. */
  requestKey: z.uuid(),
});
export type RefundForm = z.output<typeof refundFormSchema>;

export const grantFormSchema = z.object({
  customerId: z.string().min(1).max(200),
  amount,
  reason: reasonText(3),
  expires: z
    .union([z.literal(''), z.iso.date('Enter a date such as 2027-06-30.')])
    .optional()
    .transform((day) => (day ? new Date(`${day}T23:59:59Z`) : null)),
});
export type GrantForm = z.output<typeof grantFormSchema>;

export const revokeFormSchema = z.object({
  customerId: z.string().min(1).max(200),
  amount,
  reason: reasonText(3),
});
export type RevokeForm = z.output<typeof revokeFormSchema>;

type Parsed<T> = { ok: true; data: T } | { ok: false; state: AdminFormState };

/** Reads a console form (Next's own `$ACTION…` fields ignored); a refusal names the first field at fault. */
export function parseAdminForm<S extends z.ZodType>(schema: S, form: FormData): Parsed<z.output<S>> {
  const raw = Object.fromEntries([...form.entries()].filter(([key]) => !key.startsWith('$')));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const field = typeof issue?.path[0] === 'string' ? issue.path[0] : null;
  return { ok: false, state: { status: 'error', message: issue?.message ?? 'Check the form.', field } };
}
