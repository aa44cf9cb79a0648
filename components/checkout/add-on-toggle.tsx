'use client';

import { useId } from 'react';
import { AddOnCheckbox, isUnavailable } from '@/components/checkout/add-on-checkbox';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import { UpdateError } from '@/components/checkout/update-error';
import { useControlUpdate } from '@/components/checkout/use-control-update';
import type { AddOnView } from '@/lib/checkout/contract';

type Props = { addOn: AddOnView; currency: string };

/** Selects or removes one add-on through the server; the price beside it is the server's, the totals Stripe's. */
export function AddOnToggle({ addOn, currency }: Props) {
  const { run, closedMessage } = useCheckoutUpdates();
  const { pendingValue, busy, failure, submit, retry } = useControlUpdate<boolean>();
  const baseId = useId();
  const reasonId = `${baseId}-reason`;
  const errorId = `${baseId}-error`;
  const checked = pendingValue ?? addOn.selected;
  const unavailable = isUnavailable(addOn);
  const describedBy = [unavailable && addOn.reason ? reasonId : null, failure ? errorId : null]
    .filter(Boolean)
    .join(' ');

  function change(selected: boolean) {
    void submit(selected, () =>
      run('addOn', {
        addOnId: addOn.addOnId,
        ...(addOn.productId ? { productId: addOn.productId } : {}),
        selected,
      }),
    );
  }

  return (
    <div className="space-y-1">
      <AddOnCheckbox
        addOn={addOn}
        currency={currency}
        checked={checked}
        disabled={busy || unavailable || closedMessage !== null}
        busy={busy}
        reasonId={reasonId}
        describedBy={describedBy}
        onChange={change}
      />
      {failure ? <UpdateError id={errorId} failure={failure} onRetry={() => void retry()} /> : null}
    </div>
  );
}
