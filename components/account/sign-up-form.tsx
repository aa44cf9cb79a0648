'use client';

import { useActionState, useId } from 'react';
import { signUpAction } from '@/app/account/actions';
import { FormMessage, fieldError } from '@/components/account/form-message';
import { TextField } from '@/components/account/text-field';
import { buttonClass } from '@/components/ui/button-styles';
import { type AccountFormState, IDLE_FORM } from '@/lib/accounts/form-state';
import { MIN_PASSWORD_LENGTH } from '@/lib/accounts/limits';

export function SignUpForm({ returnTo }: { returnTo: string }) {
  const id = useId();
  const [state, action, pending] = useActionState<AccountFormState, FormData>(signUpAction, IDLE_FORM);
  if (state.status === 'sent') {
    return (
      <FormMessage
        state={state}
        sent={(email) => `Almost done: we have emailed ${email} a link. Open it to confirm your address and sign in.`}
      />
    );
  }
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" aria-label="Create an account" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      <TextField
        id={`${id}-name`}
        label="Name (optional)"
        name="name"
        autoComplete="name"
        error={fieldError(state, 'name')}
      />
      <TextField
        id={`${id}-email`}
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.status === 'error' ? state.email : ''}
        error={fieldError(state, 'email')}
      />
      <TextField
        id={`${id}-pw`}
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={fieldError(state, 'password')}
      />
      <FormMessage state={state} sent={() => ''} />
      <button type="submit" disabled={pending} className={buttonClass('primary', 'lg')}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
