'use client';

import { useSyncExternalStore } from 'react';

/** Tailwind's `lg` breakpoint: from here the checkout has its summary column. */
const WIDE = '(min-width: 64rem)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(WIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the checkout is laid out in two columns (desktop) or one (phone). Client-only: the form is never SSR'd. */
export function useWideLayout(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(WIDE).matches,
    () => true,
  );
}
