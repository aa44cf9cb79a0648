'use client';

import { useActionState, useId } from 'react';
import { refundOrderAction } from '@/app/admin/actions';
import { TextField } from '@/components/account/text-field';
import { FormResult, fieldErrorOf } from '@/components/admin/form-result';
import { inputClass, labelClass } from '@/components/admin/table';
import { buttonClass } from '@/components/ui/button-styles';
import { IDLE_ADMIN_FORM } from '@/lib/admin/forms';

type Props = {
  orderId: number;
  /** Left to refund, in major units as the field shows it ("199.00"). */
  refundable: string;
  /** A fresh key per rendering of the form: sending the same form twice is one refund. */
  requestKey: string;
  creditUsed: boolean;
  hasDiscounts: boolean;
};

/** Full or partial refund through Stripe, with the merchant's choices about the order's store credit and codes. */
export function RefundForm({ orderId, refundable, requestKey, creditUsed, hasDiscounts }: Props) {
  const [state, action, pending] = useActionState(refundOrderAction, IDLE_ADMIN_FORM);
  const id = useId();
  return (
    <form key={requestKey} action={action} className="flex flex-col gap-4" aria-label="Refund">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="requestKey" value={requestKey} />
      <p className="text-sm text-stone-600">
        Left to refund:{' '}
        <span className="font-medium text-stone-900" data-testid="refundable">
          {refundable}
        </span>
      </p>
      <TextField
        id={`${id}-amount`}
        name="amount"
        label="Amount"
        inputMode="decimal"
        defaultValue={refundable}
        required
        hint="A partial refund is any amount up to what is left."
        error={fieldErrorOf(state, 'amount')}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-reason`} className={labelClass}>
          Reason
        </label>
        <select id={`${id}-reason`} name="reason" className={inputClass} defaultValue="requested_by_customer">
          <option value="requested_by_customer">Requested by the customer</option>
          <option value="duplicate">Duplicate payment</option>
          <option value="fraudulent">Fraudulent</option>
        </select>
      </div>
      <TextField
        id={`${id}-note`}
        name="note"
        label="Note (optional)"
        maxLength={200}
        error={fieldErrorOf(state, 'note')}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className={labelClass}>Also</legend>
        <label className="flex items-start gap-2 text-sm text-stone-800">
          <input type="checkbox" name="restoreCredit" disabled={!creditUsed} className="mt-1" />
          <span>
            Give back the store credit this order used, as a new grant
            {creditUsed ? null : <span className="text-stone-500"> (it used none)</span>}
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm text-stone-800">
          <input type="checkbox" name="releaseRedemptions" disabled={!hasDiscounts} className="mt-1" />
          <span>
            Release its discount codes, so their use counts again
            {hasDiscounts ? null : <span className="text-stone-500"> (it used none)</span>}
          </span>
        </label>
      </fieldset>
      <FormResult state={state} testId="refund" />
      <div>
        <button type="submit" className={buttonClass('primary')} disabled={pending} aria-disabled={pending}>
          {pending ? 'Refunding…' : 'Refund'}
        </button>
      </div>
    </form>
  );
}
