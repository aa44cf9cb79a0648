import Link from 'next/link';
import { buttonClass } from '@/components/ui/button-styles';

type Props = { message: string; onRetry: () => void };

export function CheckoutErrorState({ message, onRetry }: Props) {
  return (
    <section
      role="alert"
      data-testid="checkout-error"
      className="mx-auto max-w-lg rounded-2xl border border-red-200 bg-red-50 px-6 py-8 text-center text-red-900"
    >
      <h2 className="text-xl font-semibold">Checkout could not be loaded</h2>
      <p className="mt-2">{message}</p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={onRetry} className={buttonClass('primary', 'md')}>
          Try again
        </button>
        <Link href="/cart" className={buttonClass('secondary', 'md')}>
          Back to cart
        </Link>
      </div>
    </section>
  );
}
