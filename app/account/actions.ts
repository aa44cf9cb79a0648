'use server';

import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { type AuthAnswer, callAuthFromAction } from '@/app/account/_lib/call-auth';
import { readSignedInCustomer } from '@/lib/accounts/current-customer';
import type { AccountFormState } from '@/lib/accounts/form-state';
import { parseAccountForm, safeReturnPath } from '@/lib/accounts/forms';
import { removeSavedAddress } from '@/lib/accounts/saved-addresses';
import { getDb } from '@/lib/db';

/**
 * The account forms' Server Actions: plain HTML forms until the page has hydrated (they work before it), then shown
 * inline. Each calls better-auth's own endpoint through its handler (`callAuthFromAction`), so its rules, rate limits
 * and cookies are exactly the JSON API's. A page change ends with `refresh()` first, so the header's account link and
 * cart count (in the root layout) follow.
 */

const TOO_MANY = 'Too many attempts from here. Wait a minute and try again.';

function go(href: string): never {
  refresh();
  redirect(href);
}

function failed(
  answer: AuthAnswer,
  email: string,
  messages: Record<string, string>,
  fallback: string,
): AccountFormState {
  const message = answer.status === 429 ? TOO_MANY : ((answer.code && messages[answer.code]) ?? fallback);
  if (answer.status >= 500) console.error(`[accounts] better-auth answered ${answer.status} ${answer.code ?? ''}`);
  return { status: 'error', message, field: null, email };
}

export async function signInAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const parsed = parseAccountForm('signIn', form);
  if (!parsed.ok) return parsed.state;
  const { email, password, returnTo } = parsed.data;
  const answer = await callAuthFromAction('/sign-in/email', { email, password, callbackURL: '/account' });
  if (answer.status === 200) go(safeReturnPath(returnTo));
  return failed(
    answer,
    email,
    {
      INVALID_EMAIL_OR_PASSWORD: 'That email and password do not match an account.',
      EMAIL_NOT_VERIFIED: 'Confirm your email address first: we have emailed you a new link.',
    },
    'We could not sign you in. Please try again.',
  );
}

export async function magicLinkAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const parsed = parseAccountForm('magicLink', form);
  if (!parsed.ok) return parsed.state;
  const { email, returnTo } = parsed.data;
  const answer = await callAuthFromAction('/sign-in/magic-link', {
    email,
    callbackURL: safeReturnPath(returnTo),
    errorCallbackURL: '/account/sign-in?link=invalid',
  });
  if (answer.status === 200) return { status: 'sent', email };
  return failed(answer, email, {}, 'We could not send the link. Please try again.');
}

export async function signUpAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const parsed = parseAccountForm('signUp', form);
  if (!parsed.ok) return parsed.state;
  const { name, email, password, returnTo } = parsed.data;
  const answer = await callAuthFromAction('/sign-up/email', {
    name,
    email,
    password,
    callbackURL: safeReturnPath(returnTo),
  });
  if (answer.status === 200) return { status: 'sent', email };
  return failed(
    answer,
    email,
    { PASSWORD_TOO_SHORT: 'Use a longer password.', PASSWORD_TOO_LONG: 'Use a shorter password.' },
    'We could not create your account. Please try again.',
  );
}

export async function forgotPasswordAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const parsed = parseAccountForm('forgotPassword', form);
  if (!parsed.ok) return parsed.state;
  const { email } = parsed.data;
  const answer = await callAuthFromAction('/request-password-reset', { email, redirectTo: '/account/reset-password' });
  if (answer.status === 200) return { status: 'sent', email };
  return failed(answer, email, {}, 'We could not send the link. Please try again.');
}

export async function resetPasswordAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const parsed = parseAccountForm('resetPassword', form);
  if (!parsed.ok) return parsed.state;
  const { token, password } = parsed.data;
  const answer = await callAuthFromAction('/reset-password', { token, newPassword: password });
  if (answer.status === 200) go('/account/sign-in?reset=done');
  return failed(
    answer,
    '',
    { INVALID_TOKEN: 'This reset link has expired or was already used. Ask for a new one below.' },
    'We could not change your password. Please try again.',
  );
}

export async function signOutAction(): Promise<void> {
  await callAuthFromAction('/sign-out', {});
  go('/');
}

/** Deletes a saved address from the signed-in customer's account (their own only: keyed by their id). */
export async function removeAddressAction(form: FormData): Promise<void> {
  const customer = await readSignedInCustomer(await headers());
  const key = form.get('addressKey');
  if (!customer) go('/account/sign-in?returnTo=/account');
  if (typeof key === 'string' && /^[0-9a-f]{64}$/.test(key)) {
    await removeSavedAddress(await getDb(), customer.id, key);
  }
  go('/account#addresses');
}
