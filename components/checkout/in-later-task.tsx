'use client';

import { type ReactNode, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Renders `children` in a task of their own, just after the rest has been shown. For Stripe's Elements: each one
 * builds its frame when it mounts, and building them all in the task that renders the checkout makes one long task
 * that keeps the page from answering input (Total Blocking Time).
 */
export function InLaterTask({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    // Rendered and committed in the timer's own task, not batched with another InLaterTask's.
    const timer = setTimeout(() => flushSync(() => setShown(true)), 0);
    return () => clearTimeout(timer);
  }, []);
  return shown ? children : null;
}
