'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { UpdateFailure } from '@/components/checkout/update-failure';
import type { UpdateOutcome } from '@/components/checkout/use-checkout-state';

/**
 * One control's side of an update: the value it is sending (shown while pending, dropped afterwards so the control
 * shows the server's / Stripe's value again — on failure that is the previous selection), and its inline failure.
 * A control is disabled while its update runs, which makes the browser drop focus; it is given back afterwards.
 */
export function useControlUpdate<T>() {
  const [pendingValue, setPendingValue] = useState<T | null>(null);
  const [failure, setFailure] = useState<UpdateFailure | null>(null);
  const lastAttempt = useRef<{ value: T; send: () => Promise<UpdateOutcome> } | null>(null);
  const focusToRestore = useRef<HTMLElement | null>(null);
  const busy = pendingValue !== null;

  useEffect(() => {
    if (busy) return;
    const element = focusToRestore.current;
    focusToRestore.current = null;
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (element?.isConnected && focusLost) element.focus();
  }, [busy]);

  const submit = useCallback(async (value: T, send: () => Promise<UpdateOutcome>): Promise<boolean> => {
    lastAttempt.current = { value, send };
    focusToRestore.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setFailure(null);
    setPendingValue(value);
    const outcome = await send();
    setPendingValue(null);
    if (!outcome.ok) setFailure(outcome.failure);
    return outcome.ok;
  }, []);

  const retry = useCallback(() => {
    const attempt = lastAttempt.current;
    return attempt ? submit(attempt.value, attempt.send) : Promise.resolve(false);
  }, [submit]);

  const clearFailure = useCallback(() => setFailure(null), []);

  return { pendingValue, busy, failure, submit, retry, clearFailure };
}
