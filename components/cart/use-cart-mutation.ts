'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { isApiError } from '@/lib/api-client';

/**
 * Runs a cart API call, then re-renders the server components (lines, subtotal, header badge) with `router.refresh()`.
 * `pending` stays true until the refreshed page has arrived, so the old numbers are never shown as current.
 */
export function useCartMutation() {
  const router = useRouter();
  const [requesting, setRequesting] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  async function run(call: () => Promise<unknown>): Promise<void> {
    setRequesting(true);
    setError(null);
    try {
      await call();
      startTransition(() => router.refresh());
    } catch (failure) {
      setError(isApiError(failure) ? failure.message : 'Your cart could not be updated. Please try again.');
    } finally {
      setRequesting(false);
    }
  }

  return { pending: requesting || refreshing, error, run };
}
