'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button-styles';
import { isApiError, postJson } from '@/lib/api-client';

type Props = { productId: string; productName: string; maxQuantity: number };

type Feedback = { kind: 'idle' } | { kind: 'added'; quantity: number } | { kind: 'error'; message: string };

export function AddToCartForm({ productId, productName, maxQuantity }: Props) {
  const router = useRouter();
  const inputId = useId();
  const [quantity, setQuantity] = useState('1');
  const [pending, setPending] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>({ kind: 'idle' });

  if (maxQuantity < 1) {
    return (
      <p className="rounded-lg bg-stone-100 px-4 py-3 text-stone-700">
        This product is sold out.{' '}
        <Link href="/" className="font-medium text-brand-700 underline">
          Browse other products
        </Link>
      </p>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = Number(quantity);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > maxQuantity) {
      setFeedback({ kind: 'error', message: `Choose a quantity from 1 to ${maxQuantity}.` });
      return;
    }
    setPending(true);
    setFeedback({ kind: 'idle' });
    try {
      await postJson('/api/cart/items', { productId, quantity: parsed });
      setFeedback({ kind: 'added', quantity: parsed });
      router.refresh();
    } catch (error) {
      setFeedback({
        kind: 'error',
        message: isApiError(error) ? error.message : 'We could not add this to your cart. Please try again.',
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={`Add ${productName} to cart`}>
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
      {feedback.kind === 'error' ? <Alert tone="error">{feedback.message}</Alert> : null}
      {feedback.kind === 'added' ? (
        <Alert tone="success" testId="add-to-cart-success">
          Added {feedback.quantity} × {productName} to your cart.{' '}
          <Link href="/cart" className="font-semibold underline">
            View cart
          </Link>
        </Alert>
      ) : null}
    </form>
  );
}
