'use client';

import Link from 'next/link';
import { useActionState, useId, useState } from 'react';
import { addToCartAction } from '@/app/cart/actions';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button-styles';
import { type AddToCartState, IDLE } from '@/lib/cart/form-state';

type Props = { productId: string; productName: string; maxQuantity: number };

/**
 * Add to cart as a Server Action form: before hydration and with JavaScript off the browser posts it (and lands on the
 * cart); once hydrated it shows a pending state and the outcome inline, and the header badge follows without a reload.
 * A refusal (over the per-order limit, more than is left, sold out) shows the server's message either way.
 */
export function AddToCartForm({ productId, productName, maxQuantity }: Props) {
  const inputId = useId();
  const [state, formAction, pending] = useActionState<AddToCartState, FormData>(addToCartAction, IDLE);
  // After a refusal rendered without JavaScript, the field keeps what the shopper typed.
  const [quantity, setQuantity] = useState(state.status === 'error' ? state.quantity : '1');

  return (
    <form action={formAction} className="flex flex-col gap-4" aria-label={`Add ${productName} to cart`}>
      <input type="hidden" name="productId" value={productId} />
      <div className="flex items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={inputId} className="text-sm font-medium text-stone-800">
            Quantity
          </label>
          <input
            id={inputId}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxQuantity}
            step={1}
            required
            value={quantity}
            onChange={(event) => setQuantity(event.target.value)}
            className="w-24 rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-stone-900 focus-visible:border-brand-700"
          />
        </div>
        <button type="submit" disabled={pending} className={buttonClass('primary', 'lg', 'flex-1 sm:flex-none')}>
          {pending ? 'Adding…' : 'Add to cart'}
        </button>
      </div>
      {!pending && state.status === 'error' ? <Alert tone="error">{state.message}</Alert> : null}
      {!pending && state.status === 'added' ? (
        <Alert tone="success" testId="add-to-cart-success">
          Added {state.quantity} × {productName} to your cart.{' '}
          <Link href="/cart" className="font-semibold underline">
            View cart
          </Link>
        </Alert>
      ) : null}
    </form>
  );
}
