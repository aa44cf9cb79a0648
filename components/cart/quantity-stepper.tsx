'use client';

import { useActionState, useId, useState } from 'react';
import { updateCartLineAction } from '@/app/cart/actions';
import { type CartLineState, IDLE } from '@/lib/cart/form-state';

type Props = { productId: string; productName: string; quantity: number; maxQuantity: number };

const stepButton =
  'flex h-9 w-9 items-center justify-center text-lg font-semibold text-stone-700 hover:bg-stone-100 disabled:cursor-not-allowed disabled:text-stone-300 disabled:hover:bg-transparent';

/**
 * − / + and a typed quantity for one cart line: three small Server Action forms (the − and + buttons post the quantity
 * they lead to, so a repeated post changes nothing more), which work before hydration and with JavaScript off.
 * − at quantity 1 removes the line, with an Undo on the cart page.
 */
export function QuantityStepper({ productId, productName, quantity, maxQuantity }: Props) {
  const setFormId = useId();
  const [state, formAction, pending] = useActionState<CartLineState, FormData>(updateCartLineAction, IDLE);
  // The typed quantity follows the server's whenever the server's changes (after a step, or another tab's change).
  const [draft, setDraft] = useState(String(quantity));
  const [shown, setShown] = useState(quantity);
  if (shown !== quantity) {
    setShown(quantity);
    setDraft(String(quantity));
  }

  const productField = <input type="hidden" name="productId" value={productId} />;

  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-3">
        <fieldset
          className="inline-flex items-center overflow-hidden rounded-full border border-stone-300 bg-white"
          aria-busy={pending}
        >
          <legend className="sr-only">Quantity of {productName}</legend>
          <form action={formAction} className="contents">
            {productField}
            <button
              type="submit"
              name="quantity"
              value={quantity - 1}
              className={stepButton}
              aria-label={`Decrease quantity of ${productName}`}
              disabled={pending}
            >
              −
            </button>
          </form>
          <form id={setFormId} action={formAction} className="contents">
            {productField}
            <input
              type="number"
              name="quantity"
              inputMode="numeric"
              min={0}
              max={Math.max(maxQuantity, quantity)}
              step={1}
              required
              aria-label={`Quantity of ${productName}`}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              readOnly={pending}
              data-testid="line-quantity"
              data-value={quantity}
              className="h-9 w-12 appearance-none border-0 bg-transparent text-center text-sm font-semibold tabular-nums [-moz-appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none"
            />
          </form>
          <form action={formAction} className="contents">
            {productField}
            <button
              type="submit"
              name="quantity"
              value={quantity + 1}
              className={stepButton}
              aria-label={`Increase quantity of ${productName}`}
              disabled={pending || quantity >= maxQuantity}
            >
              +
            </button>
          </form>
        </fieldset>
        <button
          type="submit"
          form={setFormId}
          disabled={pending}
          className="rounded-md px-2 py-1 text-sm font-medium text-stone-600 underline-offset-4 hover:text-stone-900 hover:underline disabled:opacity-50"
        >
          Update<span className="sr-only"> quantity of {productName}</span>
        </button>
      </div>
      <p className="sr-only" aria-live="polite">
        {pending ? '' : `Quantity ${quantity}`}
      </p>
      {state.status === 'error' && !pending ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
