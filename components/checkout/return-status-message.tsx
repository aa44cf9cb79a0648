import Link from 'next/link';
import { buttonClass } from '@/components/ui/button-styles';

export type PendingReturnKind = 'processing' | 'unpaid' | 'expired' | 'open';

type Props = { kind: PendingReturnKind; sessionId: string };

const COPY: Record<PendingReturnKind, { title: string; body: string; href: string; action: string }> = {
  processing: {
    title: 'Your payment is processing',
    body: 'Your bank is still confirming the payment. This page will show your order once it succeeds, and we will email you a receipt. There is no need to pay again.',
    href: 'self',
    action: 'Check again',
  },
  unpaid: {
    title: 'Payment not completed',
    body: 'We have not received your payment yet. Nothing has been charged for this order — you can try again from your cart.',
    href: '/cart',
    action: 'Return to your cart',
  },
  expired: {
    title: 'This checkout has expired',
    body: 'The payment session timed out before it was completed, so nothing was charged. Your cart is saved — start checkout again when you are ready.',
    href: '/cart',
    action: 'Return to your cart',
  },
  open: {
    title: 'Checkout is not finished yet',
    body: 'This payment has not been submitted. Go back to checkout to enter your payment details.',
    href: '/checkout',
    action: 'Continue checkout',
  },
};

export function ReturnStatusMessage({ kind, sessionId }: Props) {
  const copy = COPY[kind];
  const href = copy.href === 'self' ? `/checkout/complete?session_id=${encodeURIComponent(sessionId)}` : copy.href;
  return (
    <section
      data-testid="return-status"
      data-kind={kind}
      className="mx-auto max-w-xl rounded-2xl border border-stone-200 bg-white px-6 py-10 text-center shadow-sm"
    >
      <h2 className="font-serif text-2xl font-semibold">{copy.title}</h2>
      <p className="mt-3 text-stone-700">{copy.body}</p>
      <Link href={href} className={buttonClass('primary', 'lg', 'mt-6')}>
        {copy.action}
      </Link>
    </section>
  );
}
