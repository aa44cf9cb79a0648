'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

type Props = { paymentReceived: boolean; sessionId: string };

/** 1 s, 2 s, 4 s, 8 s, 16 s, then every 30 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
}

/**
 * The return page while the order cannot be confirmed yet (Stripe briefly unreachable, or the order not recorded
 * yet): says so — never that no payment was taken — and re-renders the page with backoff until the order appears.
 * One polite live region whose text does not change between checks (no announcements or layout jumps per retry).
 */
export function ConfirmingOrder({ paymentReceived, sessionId }: Props) {
  const router = useRouter();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => {
      setAttempt((n) => n + 1);
      router.refresh();
    }, retryDelayMs(attempt));
    return () => clearTimeout(timer);
  }, [attempt, router]);

  const title = paymentReceived ? 'Payment received — confirming your order…' : 'Confirming your payment…';
  const body = paymentReceived
    ? 'Stripe has your payment. We are recording your order; this page updates by itself. There is no need to pay again.'
    : 'We are confirming your payment with our payment provider; this page updates by itself in a moment. Please do not pay again — if your payment went through, your order will appear here and we will email you a receipt.';
  return (
    <section
      role="status"
      aria-live="polite"
      data-testid="return-status"
      data-kind="confirming"
      data-session-id={sessionId}
      className="mx-auto min-h-56 max-w-xl rounded-2xl border border-stone-200 bg-white px-6 py-10 text-center shadow-sm"
    >
      <h2 className="font-serif text-2xl font-semibold">{title}</h2>
      <p className="mt-3 text-stone-700">{body}</p>
    </section>
  );
}
