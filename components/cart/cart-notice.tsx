'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { undoRemoveAction } from '@/app/cart/actions';
import { type CartLineState, IDLE } from '@/lib/cart/form-state';

type Props = { kind: 'added' | 'removed'; productId: string; quantity: number; productName: string };

const box = 'mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border px-4 py-3 text-sm focus:outline-none';

/**
 * The cart page's notice after a change made by a form: "Added 2 × …", or "Removed … — Undo". Undo is a Server Action
 * form that adds the same quantity back, so it works with JavaScript off too. When the removed line's controls are gone,
 * focus would be lost: the notice takes it, so a keyboard or screen-reader user hears what happened and can undo it.
 */
export function CartNotice({ kind, productId, quantity, productName }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, formAction, pending] = useActionState<CartLineState, FormData>(undoRemoveAction, IDLE);

  useEffect(() => {
    if (kind === 'removed' && (document.activeElement === null || document.activeElement === document.body)) {
      ref.current?.focus();
    }
  }, [kind]);

  if (kind === 'added') {
    return (
      <div
        role="status"
        data-testid="cart-notice"
        className={`${box} border-emerald-200 bg-emerald-50 text-emerald-900`}
      >
        <p>
          Added {quantity} × {productName} to your cart.
        </p>
      </div>
    );
  }

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      data-testid="cart-notice"
      className={`${box} border-stone-300 bg-white text-stone-800`}
    >
      <p>Removed {productName} from your cart.</p>
      <form action={formAction}>
        <input type="hidden" name="productId" value={productId} />
        <input type="hidden" name="quantity" value={quantity} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md px-2 py-1 font-semibold text-brand-700 underline underline-offset-4 hover:text-brand-800 disabled:opacity-50"
        >
          {pending ? 'Undoing…' : 'Undo'}
        </button>
      </form>
      <Link href="/cart" replace className="ml-auto text-stone-600 underline-offset-4 hover:underline">
        Dismiss
      </Link>
      {state.status === 'error' && !pending ? (
        <p role="alert" className="w-full text-red-700">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

/** Why an add posted without JavaScript was refused: the product page it came from is prerendered and cannot say. */
export function CartRefusalNotice({ message }: { message: string }) {
  return (
    <div role="alert" data-testid="cart-refusal" className={`${box} border-red-200 bg-red-50 text-red-900`}>
      <p>Not added: {message}</p>
    </div>
  );
}
