'use client';

import Link from 'next/link';
import type { UpdateFailure } from '@/components/checkout/update-failure';
import { CHECKOUT_CLOSED, LAST_ITEM } from '@/lib/checkout/contract';

type Props = {
  failure: UpdateFailure;
  id?: string;
  /** Sends the same change again; offered when the outcome was uncertain. */
  onRetry?: () => void;
};

const actionClass = 'font-semibold text-red-900 underline underline-offset-2 hover:text-red-700';

/**
 * An update's failure, next to the control that sent it, with the one action that helps. A closed session is not a
 * control's failure: the checkout's closed notice says what happened and what to do.
 */
export function UpdateError({ failure, id, onRetry }: Props) {
  if (failure.code === CHECKOUT_CLOSED) return null;
  return (
    <div
      id={id}
      role="alert"
      data-testid="update-error"
      data-code={failure.code}
      className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
    >
      <p>{failure.message}</p>
      {failure.code === LAST_ITEM ? (
        <Link href="/" className={`mt-1 inline-block ${actionClass}`}>
          Back to the store
        </Link>
      ) : failure.uncertain && onRetry ? (
        <button type="button" onClick={onRetry} className={`mt-1 ${actionClass}`}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
