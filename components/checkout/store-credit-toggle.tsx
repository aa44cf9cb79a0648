'use client';

import { useId } from 'react';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import { UpdateError } from '@/components/checkout/update-error';
import { useControlUpdate } from '@/components/checkout/use-control-update';
import { formatMoney } from '@/lib/money';

/**
 * "Use $X store credit", for a signed-in customer with a balance: the server applies what the order can take of it
 * (leaving Stripe's smallest charge to pay by card) and holds it for this checkout; Stripe's total follows.
 */
export function StoreCreditToggle() {
  const { view, run, closedMessage } = useCheckoutUpdates();
  const { pendingValue, busy, failure, submit, retry } = useControlUpdate<boolean>();
  const noteId = `${useId()}-note`;
  const credit = view?.storeCredit ?? null;
  if (!view || !credit) return null;
  const checked = pendingValue ?? credit.using;
  const partly = credit.using && credit.applied < credit.available;

  return (
    <div className="space-y-1 rounded-2xl border border-stone-200 bg-white p-4" data-testid="store-credit">
      <label className="flex cursor-pointer items-start gap-3 text-sm has-disabled:cursor-not-allowed">
        <input
          type="checkbox"
          data-testid="store-credit-toggle"
          className="mt-0.5 h-4 w-4 accent-brand-700"
          checked={checked}
          disabled={busy || closedMessage !== null || (credit.available === 0 && !checked)}
          aria-busy={busy}
          aria-describedby={noteId}
          onChange={(event) => {
            const apply = event.target.checked;
            void submit(apply, () => run('storeCredit', { apply }));
          }}
        />
        <span className="text-stone-800">
          Use my store credit{' '}
          <span className="tabular-nums text-stone-600">
            ({formatMoney(credit.available, view.currency)} available)
          </span>
          {busy ? <span className="ml-2 text-xs text-stone-500">Updating…</span> : null}
        </span>
      </label>
      <p id={noteId} className="pl-7 text-xs text-stone-600" data-testid="store-credit-note">
        {credit.using && credit.applied > 0
          ? `−${formatMoney(credit.applied, view.currency)} of your credit goes to this order.`
          : 'Held for this order until you pay or change your mind.'}
        {partly
          ? ' The rest stays in your account: shipping, and at least Stripe’s smallest charge, are paid by card.'
          : null}
      </p>
      {failure ? <UpdateError id={`${noteId}-error`} failure={failure} onRetry={() => void retry()} /> : null}
    </div>
  );
}
