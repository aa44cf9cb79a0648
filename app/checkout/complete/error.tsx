'use client';

import { useEffect } from 'react';
import { buttonClass } from '@/components/ui/button-styles';

type Props = { error: unknown; retry: () => void };

/**
 * The return page's own error boundary: the shopper may well have paid, so unlike the site-wide one it never says
 * that no payment was taken, and never invites paying again.
 */
export default function CheckoutCompleteError({ error, retry }: Props) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <section role="status" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="font-serif text-3xl font-semibold text-stone-900">Confirming your payment…</h1>
      <p className="mt-3 text-stone-600">
        We could not load your order status just now. Please do not pay again — if your payment went through, your order
        will appear here and we will email you a receipt.
      </p>
      <div className="mt-8 flex justify-center">
        <button type="button" onClick={() => retry()} className={buttonClass('primary', 'lg')}>
          Check again
        </button>
      </div>
    </section>
  );
}
