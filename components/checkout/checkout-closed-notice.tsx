'use client';

import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import { buttonClass } from '@/components/ui/button-styles';

/** The server said this session is completed or expired: offer a fresh one (the island replaces it once). */
export function CheckoutClosedNotice() {
  const { closedMessage, startFreshCheckout } = useCheckoutUpdates();
  if (closedMessage === null) return null;
  return (
    <div
      role="alert"
      data-testid="checkout-closed"
      className="rounded-2xl border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-900"
    >
      <p className="font-semibold">This checkout can no longer be changed</p>
      <p className="mt-1">{closedMessage}</p>
      <button type="button" onClick={startFreshCheckout} className={buttonClass('primary', 'md', 'mt-3')}>
        Start a fresh checkout
      </button>
    </div>
  );
}
