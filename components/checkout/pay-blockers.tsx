'use client';

import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';

/** Says why the pay button is disabled (or what is missing), next to it. */
export function PayBlockers() {
  const { payBlock, loadError, reload } = useCheckoutUpdates();
  return (
    <div aria-live="polite" className="space-y-2 text-center text-sm">
      {loadError ? (
        <p role="alert" data-testid="checkout-state-error" className="text-red-700">
          {loadError}{' '}
          <button type="button" onClick={reload} className="font-semibold underline">
            Try again
          </button>
        </p>
      ) : null}
      {payBlock === 'pending' ? (
        <p className="text-stone-600" data-testid="update-pending">
          Updating your order…
        </p>
      ) : payBlock === 'blocked' ? (
        <p className="text-red-700" data-testid="pay-blocked">
          Your last change did not go through. Try it again before paying.
        </p>
      ) : payBlock === 'address' ? (
        <p className="text-stone-600">Enter your shipping address to see shipping and pay.</p>
      ) : null}
    </div>
  );
}
