/** `npm run credit:grant -- --email … --amount 25.00 --reason "…" [--expires 2027-06-30]`, parsed and validated. */
import { parseArgs } from 'node:util';
import { z } from 'zod';

const grantArgsSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email('--email: an email address')),
    /** In major units with at most two decimals: "25", "25.5", "25.50". */
    amount: z
      .string()
      .regex(/^\d{1,6}(?:\.\d{1,2})?$/, '--amount: an amount such as 25 or 25.50')
      .transform((text) => Math.round(Number(text) * 100))
      .pipe(z.number().int().min(1, '--amount: more than zero')),
    reason: z.string().trim().min(3, '--reason: why the credit is given (3 characters or more)').max(200),
    expires: z.iso
      .date('--expires: a date such as 2027-06-30')
      .transform((day) => new Date(`${day}T23:59:59Z`))
      .optional(),
  })
  .strict();

export type GrantArgs = z.infer<typeof grantArgsSchema>;

/** The grant the arguments ask for, or the problems with them (one line each). */
export function parseGrantArgs(
  argv: ReadonlyArray<string>,
): { ok: true; args: GrantArgs } | { ok: false; problems: string[] } {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        email: { type: 'string' },
        amount: { type: 'string' },
        reason: { type: 'string' },
        expires: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  const parsed = grantArgsSchema.safeParse(values);
  if (parsed.success) return { ok: true, args: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
}
