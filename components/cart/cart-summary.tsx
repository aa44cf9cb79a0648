import Link from 'next/link';
import { buttonClass } from '@/components/ui/button-styles';
import { formatMoney } from '@/lib/money';

type Props = { subtotal: number; currency: string; itemCount: number };

export function CartSummary({ subtotal, currency, itemCount }: Props) {
  return (
    <section
      aria-labelledby="cart-summary-heading"
      className="self-start rounded-2xl border border-stone-200 bg-white p-6 shadow-sm"
    >
      <h2 id="cart-summary-heading" className="text-lg font-semibold text-stone-900">
        Order summary
      </h2>
      <dl className="mt-4 space-y-2 text-sm">
        <div className="flex justify-between">
          <dt className="text-stone-600">Items</dt>
          <dd>{itemCount}</dd>
        </div>
        <div className="flex justify-between border-t border-stone-200 pt-3 text-base font-semibold">
          <dt>Subtotal</dt>
          <dd data-testid="cart-subtotal" data-value={subtotal}>
            {formatMoney(subtotal, currency)}
          </dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-stone-500">Shipping and any discounts are calculated at checkout.</p>
      <Link href="/checkout" className={buttonClass('primary', 'lg', 'mt-6 w-full')} data-testid="checkout-link">
        Checkout
      </Link>
    </section>
  );
}
