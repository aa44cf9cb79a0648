'use client';

import Link from 'next/link';
import { useActionState, useId } from 'react';
import { magicLinkAction, signInAction } from '@/app/account/actions';
import { FormMessage, fieldError } from '@/components/account/form-message';
import { TextField } from '@/components/account/text-field';
import { buttonClass } from '@/components/ui/button-styles';
import { type AccountFormState, IDLE_FORM } from '@/lib/accounts/form-state';

/** Sign in with a password, or have a one-time link emailed. Both work before hydration (plain form posts). */
export function SignInForms({ returnTo }: { returnTo: string }) {
  const id = useId();
  const [password, passwordAction, signingIn] = useActionState<AccountFormState, FormData>(signInAction, IDLE_FORM);
  const [link, linkAction, sending] = useActionState<AccountFormState, FormData>(magicLinkAction, IDLE_FORM);
  return (
    <div className="grid gap-10 md:grid-cols-2">
      <form action={passwordAction} className="flex flex-col gap-4" aria-labelledby={`${id}-password`} noValidate>
        <h2 id={`${id}-password`} className="text-lg font-semibold text-stone-900">
          With your password
        </h2>
        <input type="hidden" name="returnTo" value={returnTo} />
        <TextField
          id={`${id}-email`}
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={password.status === 'error' ? password.email : ''}
          error={fieldError(password, 'email')}
        />
        <TextField
          id={`${id}-pw`}
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldError(password, 'password')}
        />
        <FormMessage state={password} sent={() => ''} />
        <button type="submit" disabled={signingIn} className={buttonClass('primary', 'lg')}>
          {signingIn ? 'Signing in…' : 'Sign in'}
        </button>
        <Link href="/account/forgot-password" className="text-sm font-medium text-brand-700 underline">
          Forgot your password?
        </Link>
      </form>
      <form action={linkAction} className="flex flex-col gap-4" aria-labelledby={`${id}-link`} noValidate>
        <h2 id={`${id}-link`} className="text-lg font-semibold text-stone-900">
          Or without a password
        </h2>
        <input type="hidden" name="returnTo" value={returnTo} />
        <TextField
          id={`${id}-link-email`}
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          hint="We email you a link that signs you in once, for 15 minutes."
          defaultValue={link.status === 'error' ? link.email : ''}
          error={fieldError(link, 'email')}
        />
        <FormMessage
          state={link}
          sent={(email) => `If ${email} can sign in here, a sign-in link is on its way. Check your inbox.`}
        />
        <button type="submit" disabled={sending} className={buttonClass('secondary', 'lg')}>
          {sending ? 'Sending…' : 'Email me a link'}
        </button>
      </form>
    </div>
  );
}
