'use client';

import { useCartMutation } from '@/components/cart/use-cart-mutation';
import { deleteJson } from '@/lib/api-client';

type Props = { productId: string; productName: string };

export function RemoveLineButton({ productId, productName }: Props) {
  const { pending, error, run } = useCartMutation();

  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={pending}
        aria-label={`Remove ${productName} from cart`}
        onClick={() => void run(() => deleteJson(`/api/cart/items/${encodeURIComponent(productId)}`))}
        className="rounded-md px-2 py-1 text-sm font-medium text-stone-600 underline-offset-4 hover:text-red-700 hover:underline disabled:opacity-50"
      >
        {pending ? 'Removing…' : 'Remove'}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
