'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import { quantityControls } from '@/components/checkout/quantity-controls';
import { UpdateError } from '@/components/checkout/update-error';
import { useControlUpdate } from '@/components/checkout/use-control-update';
import type { CheckoutItemView } from '@/lib/checkout/contract';

type Props = {
  item: CheckoutItemView;
  /** The only line of the order: it cannot be removed here (the server would answer 409 `last_item`). */
  isLastLine: boolean;
};

const stepButton =
  'flex h-9 w-9 items-center justify-center text-lg font-semibold text-stone-700 hover:bg-stone-100 disabled:cursor-not-allowed disabled:text-stone-300 disabled:hover:bg-transparent';

/** Changes one line's quantity through the server, bounded by `maxQuantity`; going to 0 removes the line. */
export function QuantityStepper({ item, isLastLine }: Props) {
  const router = useRouter();
  const { run, closedMessage } = useCheckoutUpdates();
  const { pendingValue, busy, failure, submit, retry } = useControlUpdate<number>();
  const errorId = `${useId()}-error`;
  const { productId, name } = item;
  const { quantity, decrease, canIncrease, atMaximum } = quantityControls(item, isLastLine, pendingValue);
  const locked = busy || closedMessage !== null;
  const testId = `quantity-${productId}`;

  async function change(next: number) {
    const outcome = await submit(next, () => run('quantity', { productId, quantity: next }));
    // The server changed the cart too: refresh the server-rendered header (cart count); this island keeps its state.
    if (outcome?.ok) router.refresh();
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-3">
        <fieldset
          aria-busy={busy}
          aria-describedby={failure ? errorId : undefined}
          data-testid={testId}
          className="inline-flex items-center overflow-hidden rounded-full border border-stone-300 bg-white"
        >
          <legend className="sr-only">Quantity of {name}</legend>
          {decrease === 'back-to-store' ? null : (
            <button
              type="button"
              data-testid={`${testId}-decrease`}
              className={stepButton}
              aria-label={decrease === 'remove' ? `Remove ${name} from your order` : `Decrease quantity of ${name}`}
              disabled={locked}
              onClick={() => void change(quantity - 1)}
            >
              −
            </button>
          )}
          <output
            data-testid={`${testId}-value`}
            data-value={quantity}
            aria-live="polite"
            className="min-w-8 px-2 text-center text-sm font-semibold tabular-nums"
          >
            {quantity}
          </output>
          <button
            type="button"
            data-testid={`${testId}-increase`}
            className={stepButton}
            aria-label={`Increase quantity of ${name}`}
            disabled={locked || !canIncrease}
            onClick={() => void change(quantity + 1)}
          >
            +
          </button>
        </fieldset>
        {decrease === 'back-to-store' ? (
          <Link href="/" className="text-xs font-medium text-brand-700 underline underline-offset-2">
            Back to the store
          </Link>
        ) : null}
      </div>
      {atMaximum ? <p className="text-xs text-stone-500">That is as many as you can order.</p> : null}
      {failure ? <UpdateError id={errorId} failure={failure} onRetry={() => void retry()} /> : null}
    </div>
  );
}
