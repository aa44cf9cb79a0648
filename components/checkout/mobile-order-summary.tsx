'use client';

import { useId, useState } from 'react';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import { OrderSummary } from '@/components/checkout/order-summary';

/**
 * Phones: the order summary collapsed at the top of the checkout, the total (Stripe's, after every update) on the
 * button that opens it, as the best commercial checkouts do.
 */
export function MobileOrderSummary() {
  const { checkout } = useCheckoutUpdates();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const total = checkout.total.total;
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="summary-toggle"
        onClick={() => setOpen((shown) => !shown)}
        className="flex h-14 w-full items-center justify-between gap-4 rounded-2xl border border-stone-200 bg-white px-4 text-left shadow-sm"
      >
        <span className="flex items-center gap-2 text-sm font-semibold text-brand-800">
          {open ? 'Hide order summary' : 'Show order summary'}
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className={`h-4 w-4 fill-current transition-transform ${open ? 'rotate-180' : ''}`}
          >
            <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
          </svg>
        </span>
        <span
          className="text-lg font-semibold tabular-nums text-stone-900"
          data-testid="summary-toggle-total"
          data-value={total.minorUnitsAmount}
        >
          {total.amount}
        </span>
      </button>
      <div id={panelId} hidden={!open} className="mt-3">
        {open ? <OrderSummary /> : null}
      </div>
    </div>
  );
}
