import Image from 'next/image';
import Link from 'next/link';
import { QuantityStepper } from '@/components/cart/quantity-stepper';
import { RemoveLineButton } from '@/components/cart/remove-line-button';
import type { CartViewItem } from '@/lib/cart/service';
import { formatMoney } from '@/lib/money';

type Props = { line: CartViewItem; currency: string };

export function CartLine({ line, currency }: Props) {
  return (
    <li data-testid="cart-line" data-product-id={line.productId} className="flex gap-4 py-6">
      <div className="h-24 w-24 shrink-0 overflow-hidden rounded-xl border border-stone-200 bg-stone-100 sm:h-28 sm:w-28">
        {line.image ? (
          <Image
            src={line.image}
            alt=""
            width={112}
            height={112}
            unoptimized
            loading="eager"
            className="h-full w-full object-cover"
          />
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-3 sm:grid sm:grid-cols-[1fr_auto_7rem] sm:items-start sm:gap-6">
        <div>
          <h2 className="font-medium text-stone-900">
            <Link href={`/products/${line.productId}`} className="hover:underline">
              {line.name}
            </Link>
          </h2>
          <p className="text-sm text-stone-600">
            <span className="sr-only">Unit price: </span>
            <span data-testid="line-unit-price" data-value={line.unitAmount}>
              {formatMoney(line.unitAmount, currency)}
            </span>{' '}
            each
          </p>
        </div>
        <QuantityStepper
          productId={line.productId}
          productName={line.name}
          quantity={line.quantity}
          maxQuantity={line.maxQuantity}
        />
        <div className="flex flex-row items-center justify-between gap-2 sm:flex-col sm:items-end">
          <p className="font-semibold text-stone-900" data-testid="line-amount" data-value={line.amount}>
            <span className="sr-only">Line total: </span>
            {formatMoney(line.amount, currency)}
          </p>
          <RemoveLineButton productId={line.productId} productName={line.name} />
        </div>
      </div>
    </li>
  );
}
