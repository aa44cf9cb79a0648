'use client';

import type { AddOnView } from '@/lib/checkout/contract';
import { formatMoney } from '@/lib/money';

/** `add-on-<addOnId>` (per order) or `add-on-<addOnId>-<productId>` (per item). */
export function addOnTestId(addOn: Pick<AddOnView, 'addOnId' | 'productId'>): string {
  return addOn.productId ? `add-on-${addOn.addOnId}-${addOn.productId}` : `add-on-${addOn.addOnId}`;
}

/** An add-on the shopper cannot pick now (and has not picked): shown greyed, with the server's reason. */
export function isUnavailable(addOn: AddOnView): boolean {
  return !addOn.eligible && !addOn.selected;
}

type Props = {
  addOn: AddOnView;
  currency: string;
  checked: boolean;
  disabled: boolean;
  busy: boolean;
  /** Id given to the "why unavailable" line. */
  reasonId: string;
  /** Ids of the elements describing the checkbox (the reason, an error), space separated. */
  describedBy: string;
  onChange: (checked: boolean) => void;
};

/** One add-on's checkbox: its name, the server's price for it, "Updating…" while pending, and why it is unavailable. */
export function AddOnCheckbox({ addOn, currency, checked, disabled, busy, reasonId, describedBy, onChange }: Props) {
  const unavailable = isUnavailable(addOn);
  return (
    <>
      <label className="flex cursor-pointer items-start gap-3 text-sm has-disabled:cursor-not-allowed">
        <input
          type="checkbox"
          data-testid={addOnTestId(addOn)}
          className="mt-0.5 h-4 w-4 accent-brand-700"
          checked={checked}
          disabled={disabled}
          aria-busy={busy}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.target.checked)}
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
    </>
  );
}
