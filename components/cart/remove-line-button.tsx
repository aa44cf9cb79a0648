'use client';

import { useActionState } from 'react';
import { updateCartLineAction } from '@/app/cart/actions';
import { type CartLineState, IDLE } from '@/lib/cart/form-state';

type Props = { productId: string; productName: string };

/** Remove as a Server Action form (quantity 0): works before hydration and with JavaScript off, and offers an Undo. */
export function RemoveLineButton({ productId, productName }: Props) {
  const [state, formAction, pending] = useActionState<CartLineState, FormData>(updateCartLineAction, IDLE);

  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="quantity" value="0" />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Remove ${productName} from cart`}
        className="rounded-md px-2 py-1 text-sm font-medium text-stone-600 underline-offset-4 hover:text-red-700 hover:underline disabled:opacity-50"
      >
        {pending ? 'Removing…' : 'Remove'}
      </button>
      {state.status === 'error' && !pending ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
