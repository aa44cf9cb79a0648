'use client';

import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';

/** Says why the pay button is disabled (or what is missing), next to it. */
export function PayBlockers() {
  const { payBlock, loadError, reload, notice, closedMessage } = useCheckoutUpdates();
  return (
    <div aria-live="polite" className="space-y-2 text-center text-sm">
      {notice === 'changed-elsewhere' ? (
        <p
          role="alert"
          data-testid="order-changed"
          className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950"
        >
          Your order changed in another tab — please review the new total. Nothing was charged.
        </p>
      ) : notice === 'synced' ? (
        <p role="status" data-testid="synced-from-other-tab" className="text-stone-600">
          Updated from another tab.
        </p>
      ) : null}
      {loadError && payBlock !== 'closed' ? (
        <p role="alert" data-testid="checkout-state-error" className="text-red-700">
          {loadError}{' '}
          <button type="button" onClick={reload} className="font-semibold underline">
            Try again
          </button>
        </p>
      ) : null}
      {payBlock === 'closed' ? (
        <p className="text-stone-700" data-testid="pay-blocked-closed">
          {closedMessage}
        </p>
      ) : payBlock === 'pending' ? (
        <p className="text-stone-600" data-testid="update-pending">
          Updating your order…
        </p>
      ) : payBlock === 'blocked' ? (
        <p className="text-red-700" data-testid="pay-blocked">
          Your last change did not go through. Try it again before paying.
        </p>
      ) : payBlock === 'gift-message' ? (
        <p className="text-red-700" data-testid="pay-blocked-gift-message">
          Write a message for the gift card, or untick it.
        </p>
      ) : payBlock === 'address-saving' ? (
        <p className="text-stone-600" data-testid="pay-blocked-address">
          Saving your address…
        </p>
      ) : payBlock === 'address-incomplete' ? (
        <p className="text-red-700" data-testid="pay-blocked-address">
          Finish your shipping address to pay.
        </p>
      ) : payBlock === 'address-refused' ? (
        <p className="text-red-700" data-testid="pay-blocked-address">
          Your shipping address could not be used. Change it before paying.
        </p>
      ) : payBlock === 'address' ? (
        <p className="text-stone-600">Enter your shipping address to see shipping and pay.</p>
      ) : null}
    </div>
  );
}
