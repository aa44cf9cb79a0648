'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import { buttonClass } from '@/components/ui/button-styles';

/**
 * The session no longer takes changes or payment. Expired: a fresh checkout, at once, that keeps the shopper's
 * choices. Paid (in another tab): the way to its receipt. The heading takes the focus, so the shopper reads it first.
 */
export function CheckoutClosedNotice() {
  const { closed, checkout, startFreshCheckout } = useCheckoutUpdates();
  const heading = useRef<HTMLHeadingElement>(null);
  const known = closed === 'expired' || closed === 'complete';
  useEffect(() => {
    if (known) heading.current?.focus();
  }, [known]);
  if (!known) return null;
  const paid = closed === 'complete';
  return (
    <section
      aria-labelledby="checkout-closed-heading"
      data-testid="checkout-closed"
      data-status={closed}
      className={
        paid
          ? 'rounded-2xl border border-emerald-200 bg-emerald-50 px-5 py-4 text-sm text-emerald-950'
          : 'rounded-2xl border border-amber-300 bg-amber-50 px-5 py-4 text-sm text-amber-950'
      }
    >
      <h2 id="checkout-closed-heading" ref={heading} tabIndex={-1} className="text-base font-semibold">
        {paid ? 'This order was paid' : 'This checkout expired'}
      </h2>
      {paid ? (
        <>
          <p className="mt-1">It was paid in another tab or window. Nothing more will be charged.</p>
          <Link
            href={`/checkout/complete?session_id=${encodeURIComponent(checkout.id)}`}
            className={buttonClass('primary', 'md', 'mt-3')}
          >
            View your order
          </Link>
        </>
      ) : (
        <>
          <p className="mt-1">
            Nothing was charged. A fresh checkout keeps your cart, email, address, shipping choice, extras and codes.
          </p>
          <button type="button" onClick={startFreshCheckout} className={buttonClass('primary', 'md', 'mt-3')}>
            Start a fresh checkout
          </button>
        </>
      )}
    </section>
  );
}
