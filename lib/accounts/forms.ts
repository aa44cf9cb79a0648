import { z } from 'zod';
import type { AccountFormState } from '@/lib/accounts/form-state';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/accounts/limits';

const email = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.').max(254));
const password = z
  .string()
  .max(MAX_PASSWORD_LENGTH, `That password is too long (at most ${MAX_PASSWORD_LENGTH} characters).`);
const newPassword = password.min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`);

/**
 * A path on this store to go back to after signing in (`/checkout`, `/account`), never another site: only a path
 * that starts with one slash, without a backslash or control characters. Anything else is `/account`.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])[^\s\\]*$/.test(value) || value.length > 512) return '/account';
  return value;
}

const schemas = {
  signIn: z.object({ email, password: password.min(1, 'Enter your password.'), returnTo: z.unknown() }),
  magicLink: z.object({ email, returnTo: z.unknown() }),
  signUp: z.object({
    name: z.string().trim().max(100, 'That name is too long.'),
    email,
    password: newPassword,
    returnTo: z.unknown(),
  }),
  forgotPassword: z.object({ email }),
  resetPassword: z.object({ token: z.string().min(1).max(512), password: newPassword }),
};

type FormName = keyof typeof schemas;
type Parsed<N extends FormName> =
  | { ok: true; data: z.output<(typeof schemas)[N]> }
  | { ok: false; state: AccountFormState };

/** Reads an account form's fields (zod); a refusal is the state to show, naming the field. */
export function parseAccountForm<N extends FormName>(name: N, form: FormData): Parsed<N> {
  const raw = Object.fromEntries([...form.entries()].filter(([key]) => !key.startsWith('$')));
  const parsed = schemas[name].safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data as z.output<(typeof schemas)[N]> };
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  return {
    ok: false,
    state: {
      status: 'error',
      message: issue?.message ?? 'Please check the form.',
      field: field === 'email' || field === 'password' || field === 'name' ? field : null,
      email: typeof raw.email === 'string' ? raw.email : '',
    },
  };
}
