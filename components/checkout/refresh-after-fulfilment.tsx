'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * The return page fulfils the order (which empties the cart) while the root layout renders the header in parallel,
 * so the first paint can show the old cart count. One refresh re-reads it; the fulfilment itself is idempotent.
 */
export function RefreshAfterFulfilment() {
  const router = useRouter();
  const refreshed = useRef(false);

  useEffect(() => {
    if (refreshed.current) return;
    refreshed.current = true;
    router.refresh();
  }, [router]);

  return null;
}
