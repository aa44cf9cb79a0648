'use client';

import { useActionState, useId } from 'react';
import { resetPasswordAction } from '@/app/account/actions';
import { FormMessage, fieldError } from '@/components/account/form-message';
import { TextField } from '@/components/account/text-field';
import { buttonClass } from '@/components/ui/button-styles';
import { type AccountFormState, IDLE_FORM } from '@/lib/accounts/form-state';
import { MIN_PASSWORD_LENGTH } from '@/lib/accounts/limits';

export function ResetPasswordForm({ token }: { token: string }) {
  const id = useId();
  const [state, action, pending] = useActionState<AccountFormState, FormData>(resetPasswordAction, IDLE_FORM);
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" aria-label="Choose a new password" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField
        id={`${id}-pw`}
        label="New password"
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
        {pending ? 'Saving…' : 'Save my new password'}
      </button>
    </form>
  );
}
