'use client';

import { useId } from 'react';
import type { AddOnView } from '@/components/checkout/checkout-state-schema';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates-context';
import { UpdateError } from '@/components/checkout/update-error';
import { useControlUpdate } from '@/components/checkout/use-control-update';
import { formatMoney } from '@/lib/money';

type Props = { addOn: AddOnView; currency: string };

/** `add-on-<addOnId>` (per order) or `add-on-<addOnId>-<productId>` (per item). */
export function addOnTestId(addOn: Pick<AddOnView, 'addOnId' | 'productId'>): string {
  return addOn.productId ? `add-on-${addOn.addOnId}-${addOn.productId}` : `add-on-${addOn.addOnId}`;
}

/** Selects or removes one add-on through the server; the price beside it is the server's, the totals Stripe's. */
export function AddOnToggle({ addOn, currency }: Props) {
  const { runUpdate, closedMessage } = useCheckoutUpdates();
  const { pendingValue, busy, failure, submit, retry } = useControlUpdate<boolean>();
  const baseId = useId();
  const reasonId = `${baseId}-reason`;
  const errorId = `${baseId}-error`;
  const checked = pendingValue ?? addOn.selected;
  const unavailable = !addOn.eligible && !addOn.selected;
  const describedBy = [unavailable && addOn.reason ? reasonId : null, failure ? errorId : null]
    .filter(Boolean)
    .join(' ');

  function change(selected: boolean) {
    void submit(selected, () =>
      runUpdate('/api/checkout/add-ons', {
        addOnId: addOn.addOnId,
        ...(addOn.productId ? { productId: addOn.productId } : {}),
        selected,
      }),
    );
  }

  return (
    <div className="space-y-1">
      <label className="flex cursor-pointer items-start gap-3 text-sm has-disabled:cursor-not-allowed">
        <input
          type="checkbox"
          data-testid={addOnTestId(addOn)}
          className="mt-0.5 h-4 w-4 accent-brand-700"
          checked={checked}
          disabled={busy || unavailable || closedMessage !== null}
          aria-busy={busy}
          aria-describedby={describedBy || undefined}
          onChange={(event) => change(event.target.checked)}
        />
        <span className={unavailable ? 'text-stone-500' : 'text-stone-800'}>
          {addOn.name} <span className="tabular-nums text-stone-600">+{formatMoney(addOn.amount, currency)}</span>
          {busy ? <span className="ml-2 text-xs text-stone-500">Updating…</span> : null}
        </span>
      </label>
      {unavailable && addOn.reason ? (
        <p id={reasonId} className="pl-7 text-xs text-stone-500">
          {addOn.reason}
        </p>
      ) : null}
      {failure ? <UpdateError id={errorId} failure={failure} onRetry={() => void retry()} /> : null}
    </div>
  );
}
