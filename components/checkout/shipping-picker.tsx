'use client';

import { useId } from 'react';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import { pairShippingChoices } from '@/components/checkout/shipping-choices';
import { UpdateError } from '@/components/checkout/update-error';
import { UpdateNotices } from '@/components/checkout/update-notices';
import { useControlUpdate } from '@/components/checkout/use-control-update';

/**
 * Stripe's shipping options (name, estimate and amount as Stripe shows them), the selected one being Stripe's. Choosing
 * one sends the store's `methodId` to our server, which rewrites the session's options with it selected.
 */
export function ShippingPicker() {
  const { checkout, view, run, closedMessage } = useCheckoutUpdates();
  const { pendingValue, busy, failure, submit, retry } = useControlUpdate<string>();
  const baseId = useId();
  const errorId = `${baseId}-error`;
  const choices = view ? pairShippingChoices(checkout.shippingOptions, view.shippingMethods) : [];
  const stripeSelectedRateId = checkout.shipping?.shippingOption.id ?? null;
  const selectedMethodId =
    pendingValue ?? choices.find((choice) => choice.shippingRateId === stripeSelectedRateId)?.methodId ?? null;

  function choose(methodId: string) {
    void submit(methodId, () => run('shippingOption', { methodId }));
  }

  return (
    <section aria-labelledby={`${baseId}-heading`} className="space-y-3">
      <h2 id={`${baseId}-heading`} className="text-lg font-semibold text-stone-900">
        Shipping method
      </h2>
      <UpdateNotices topic="shipping" />
      {choices.length === 0 ? (
        <p className="text-sm text-stone-600" data-testid="shipping-options-empty">
          {view?.shippingAddress ? 'Loading shipping options…' : 'Enter your shipping address to see shipping options.'}
        </p>
      ) : (
        <fieldset
          aria-busy={busy}
          aria-describedby={failure ? errorId : undefined}
          className="divide-y divide-stone-100 rounded-2xl border border-stone-200 bg-white"
        >
          <legend className="sr-only">Shipping method</legend>
          {choices.map((choice) => (
            <label
              key={choice.methodId}
              className="flex cursor-pointer items-center justify-between gap-4 px-4 py-3 text-sm has-disabled:cursor-not-allowed"
            >
              <span className="flex items-center gap-3">
                <input
                  type="radio"
                  name="shipping-method"
                  value={choice.methodId}
                  data-testid={`shipping-option-${choice.methodId}`}
                  className="h-4 w-4 accent-brand-700"
                  checked={selectedMethodId === choice.methodId}
                  disabled={busy || closedMessage !== null}
                  aria-busy={busy}
                  onChange={() => choose(choice.methodId)}
                />
                <span>
                  <span className="block font-medium text-stone-900">{choice.displayName}</span>
                  {choice.estimate ? <span className="block text-stone-600">{choice.estimate}</span> : null}
                </span>
              </span>
              <span className="tabular-nums font-medium" data-value={choice.minorUnitsAmount}>
                {choice.amount}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {busy ? (
        <p role="status" className="text-sm text-stone-600">
          Updating shipping…
        </p>
      ) : null}
      {failure ? <UpdateError id={errorId} failure={failure} onRetry={() => void retry()} /> : null}
    </section>
  );
}
