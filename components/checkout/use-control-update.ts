'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import type { UpdateOutcome } from '@/components/checkout/checkout-updates-state';
import type { UpdateFailure } from '@/components/checkout/update-failure';

/**
 * One control's side of an update: the value it is sending (shown while pending, dropped afterwards so the control
 * shows the server's / Stripe's value again — on failure that is the previous selection), and its inline failure.
 * Only the control's latest attempt counts: an older answer arriving late neither ends the pending state nor shows its
 * failure. A failure whose outcome was uncertain is over once any later update puts the order back in step (the
 * runner's `recoveries`); a refusal stays until this control tries again. A control is disabled while its update
 * runs, which makes the browser drop focus; it is given back afterwards.
 */
export function useControlUpdate<T>() {
  const { recoveries } = useCheckoutUpdates();
  const [pendingValue, setPendingValue] = useState<T | null>(null);
  const [failed, setFailed] = useState<{ failure: UpdateFailure; recoveries: number } | null>(null);
  const recoveriesNow = useRef(recoveries);
  recoveriesNow.current = recoveries;
  const failure = failed && !(failed.failure.uncertain && recoveries > failed.recoveries) ? failed.failure : null;
  const lastAttempt = useRef<{ value: T; send: () => Promise<UpdateOutcome> } | null>(null);
  const attempts = useRef(0);
  const focusToRestore = useRef<HTMLElement | null>(null);
  const busy = pendingValue !== null;

  useEffect(() => {
    if (busy) return;
    const element = focusToRestore.current;
    focusToRestore.current = null;
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (element?.isConnected && focusLost) element.focus();
  }, [busy]);

  /** Resolves with the outcome, or null when a newer attempt of this control has replaced it. */
  const submit = useCallback(async (value: T, send: () => Promise<UpdateOutcome>): Promise<UpdateOutcome | null> => {
    const attempt = ++attempts.current;
    lastAttempt.current = { value, send };
    focusToRestore.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setFailed(null);
    setPendingValue(value);
    const outcome = await send();
    if (attempt !== attempts.current) return null;
    setPendingValue(null);
    if (!outcome.ok) setFailed({ failure: outcome.failure, recoveries: recoveriesNow.current });
    return outcome;
  }, []);

  const retry = useCallback(() => {
    const attempt = lastAttempt.current;
    return attempt ? submit(attempt.value, attempt.send) : Promise.resolve(null);
  }, [submit]);

  const clearFailure = useCallback(() => setFailed(null), []);

  return { pendingValue, busy, failure, submit, retry, clearFailure };
}
