import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { readSignedInCustomer, type SignedInCustomer } from '@/lib/accounts/current-customer';

/** The signed-in customer for an account page; a guest is sent to sign in and brought back to `returnTo`. */
export async function requireCustomer(returnTo: string): Promise<SignedInCustomer> {
  await connection();
  const customer = await readSignedInCustomer(await headers());
  if (!customer) redirect(`/account/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  return customer;
}

/** On the sign-in and sign-up pages: a customer who is signed in already goes on to where they were going. */
export async function redirectIfSignedIn(returnTo: string): Promise<void> {
  await connection();
  if (await readSignedInCustomer(await headers())) redirect(returnTo);
}
