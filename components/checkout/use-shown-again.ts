'use client';

import { useEffect, useEffectEvent, useRef } from 'react';

/**
 * Calls `onShownAgain` when the page comes back into view after a navigation away: with Cache Components, Next keeps
 * the page one leaves in the document, hidden (React's Activity), and shows it as it was on Back / Forward. Hiding
 * runs the effects' cleanups and showing runs them again; React's development double run (cleanup and setup in the
 * same task) is not a hide, so the flag is only raised once a task has passed.
 */
export function useShownAgain(onShownAgain: () => void): void {
  const shownAgain = useEffectEvent(onShownAgain);
  const hidden = useRef(false);
  const hiding = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    clearTimeout(hiding.current);
    if (hidden.current) {
      hidden.current = false;
      shownAgain();
    }
    return () => {
      hiding.current = setTimeout(() => {
        hidden.current = true;
      }, 0);
    };
  }, []);
}
