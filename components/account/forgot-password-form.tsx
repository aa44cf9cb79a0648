'use client';

import { useActionState, useId } from 'react';
import { forgotPasswordAction } from '@/app/account/actions';
import { FormMessage, fieldError } from '@/components/account/form-message';
import { TextField } from '@/components/account/text-field';
import { buttonClass } from '@/components/ui/button-styles';
import { type AccountFormState, IDLE_FORM } from '@/lib/accounts/form-state';

export function ForgotPasswordForm() {
  const id = useId();
  const [state, action, pending] = useActionState<AccountFormState, FormData>(forgotPasswordAction, IDLE_FORM);
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" aria-label="Reset your password" noValidate>
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
      <FormMessage
        state={state}
        sent={(email) => `If ${email} has an account, a link to choose a new password is on its way (valid 1 hour).`}
      />
      <button type="submit" disabled={pending} className={buttonClass('primary', 'lg')}>
        {pending ? 'Sending…' : 'Email me a reset link'}
      </button>
    </form>
  );
}
