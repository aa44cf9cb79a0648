import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { readSignedInCustomer } from '@/lib/accounts/current-customer';
import { type Merchant, merchantById } from '@/lib/admin/merchants';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';

export type { Merchant } from '@/lib/admin/merchants';

/** Who is asking: nobody signed in, a shopper (any account that is not a merchant), or a merchant. */
export type AdminCaller = { kind: 'anonymous' } | { kind: 'shopper' } | { kind: 'merchant'; merchant: Merchant };

/** Read from the signed session cookie and the account's role in the database (never from the request's claims). */
export async function adminCallerOf(requestHeaders: Headers): Promise<AdminCaller> {
  const customer = await readSignedInCustomer(requestHeaders);
  if (!customer) return { kind: 'anonymous' };
  const merchant = await merchantById(await getDb(), customer.id);
  return merchant ? { kind: 'merchant', merchant } : { kind: 'shopper' };
}

function signInPath(returnTo: string): string {
  return `/account/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * For every /admin page: the merchant, else a redirect to sign in (back to `returnTo`) for a visitor who is not
 * signed in, and the store's ordinary 404 page for a shopper — nothing says the console exists.
 */
export async function requireMerchantPage(returnTo: string): Promise<Merchant> {
  await connection();
  const caller = await adminCallerOf(await headers());
  if (caller.kind === 'anonymous') redirect(signInPath(returnTo));
  if (caller.kind === 'shopper') notFound();
  return caller.merchant;
}

/** For every admin Server Action, before it reads its form: as for pages (sign in, or a 404), nothing changed. */
export async function requireMerchantAction(): Promise<Merchant> {
  const caller = await adminCallerOf(await headers());
  if (caller.kind === 'anonymous') redirect(signInPath('/admin'));
  if (caller.kind === 'shopper') notFound();
  return caller.merchant;
}

/**
 * For every admin route handler: the merchant, else 401 `unauthenticated` (not signed in) or 404 `not_found` (a
 * shopper: the same answer as for a path that does not exist).
 */
export async function requireMerchantRequest(request: Request): Promise<Merchant> {
  const caller = await adminCallerOf(request.headers);
  if (caller.kind === 'anonymous') throw new AppError(401, 'unauthenticated', 'Sign in first.');
  if (caller.kind === 'shopper') throw new AppError(404, 'not_found', 'Nothing here.');
  return caller.merchant;
}
