'use client';

import { useCheckoutUpdates } from '@/components/checkout/checkout-updates-context';
import { buttonClass } from '@/components/ui/button-styles';

/** The server said this session is completed or expired: offer a fresh one (the island replaces it once). */
export function CheckoutClosedNotice({ message }: { message: string }) {
  const { startFreshCheckout } = useCheckoutUpdates();
  return (
    <div
      role="alert"
      data-testid="checkout-closed"
      className="rounded-2xl border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-900"
    >
      <p className="font-semibold">This checkout can no longer be changed</p>
      <p className="mt-1">{message}</p>
      <button type="button" onClick={startFreshCheckout} className={buttonClass('primary', 'md', 'mt-3')}>
        Start a fresh checkout
      </button>
    </div>
  );
}
