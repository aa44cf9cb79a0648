'use client';

import { useCartMutation } from '@/components/cart/use-cart-mutation';
import { patchJson } from '@/lib/api-client';

type Props = { productId: string; productName: string; quantity: number; maxQuantity: number };

const stepButton =
  'flex h-9 w-9 items-center justify-center text-lg font-semibold text-stone-700 hover:bg-stone-100 disabled:cursor-not-allowed disabled:text-stone-300 disabled:hover:bg-transparent';

export function QuantityStepper({ productId, productName, quantity, maxQuantity }: Props) {
  const { pending, error, run } = useCartMutation();

  function change(next: number) {
    void run(() => patchJson(`/api/cart/items/${encodeURIComponent(productId)}`, { quantity: next }));
  }

  return (
    <div className="flex flex-col gap-1">
      <fieldset
        className="inline-flex items-center overflow-hidden rounded-full border border-stone-300 bg-white"
        aria-busy={pending}
      >
        <legend className="sr-only">Quantity of {productName}</legend>
        <button
          type="button"
          className={stepButton}
          aria-label={`Decrease quantity of ${productName}`}
          disabled={pending || quantity <= 1}
          onClick={() => change(quantity - 1)}
        >
          −
        </button>
        <output
          className="min-w-8 text-center text-sm font-semibold tabular-nums"
          aria-live="polite"
          data-testid="line-quantity"
          data-value={quantity}
        >
          {quantity}
        </output>
        <button
          type="button"
          className={stepButton}
          aria-label={`Increase quantity of ${productName}`}
          disabled={pending || quantity >= maxQuantity}
          onClick={() => change(quantity + 1)}
        >
          +
        </button>
      </fieldset>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
