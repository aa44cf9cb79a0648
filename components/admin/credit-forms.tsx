'use client';

import { useActionState, useId } from 'react';
import { grantCreditAction, revokeCreditAction } from '@/app/admin/actions';
import { TextField } from '@/components/account/text-field';
import { FormResult, fieldErrorOf } from '@/components/admin/form-result';
import { buttonClass } from '@/components/ui/button-styles';
import { IDLE_ADMIN_FORM } from '@/lib/admin/forms';

/** Grants store credit to the customer (reason, optional expiry). */
export function GrantCreditForm({ customerId }: { customerId: string }) {
  const [state, action, pending] = useActionState(grantCreditAction, IDLE_ADMIN_FORM);
  const id = useId();
  return (
    <form action={action} className="flex flex-col gap-3" aria-label="Grant store credit">
      <input type="hidden" name="customerId" value={customerId} />
      <TextField
        id={`${id}-amount`}
        name="amount"
        label="Amount"
        inputMode="decimal"
        required
        error={fieldErrorOf(state, 'amount')}
      />
      <TextField
        id={`${id}-reason`}
        name="reason"
        label="Reason"
        required
        maxLength={200}
        error={fieldErrorOf(state, 'reason')}
      />
      <TextField
        id={`${id}-expires`}
        name="expires"
        label="Expires (optional)"
        type="date"
        error={fieldErrorOf(state, 'expires')}
      />
      <FormResult state={state} testId="grant" />
      <div>
        <button type="submit" className={buttonClass('primary')} disabled={pending}>
          Grant credit
        </button>
      </div>
    </form>
  );
}

/** Takes credit back (with a reason): never more than the balance. */
export function RevokeCreditForm({ customerId }: { customerId: string }) {
  const [state, action, pending] = useActionState(revokeCreditAction, IDLE_ADMIN_FORM);
  const id = useId();
  return (
    <form action={action} className="flex flex-col gap-3" aria-label="Revoke store credit">
      <input type="hidden" name="customerId" value={customerId} />
      <TextField
        id={`${id}-amount`}
        name="amount"
        label="Amount"
        inputMode="decimal"
        required
        error={fieldErrorOf(state, 'amount')}
      />
      <TextField
        id={`${id}-reason`}
        name="reason"
        label="Reason"
        required
        maxLength={200}
        error={fieldErrorOf(state, 'reason')}
      />
      <FormResult state={state} testId="revoke" />
      <div>
        <button type="submit" className={buttonClass('secondary')} disabled={pending}>
          Revoke credit
        </button>
      </div>
    </form>
  );
}
