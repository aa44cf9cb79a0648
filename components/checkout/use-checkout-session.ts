'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError, postJson } from '@/lib/api-client';
import { startedCheckoutSchema } from '@/lib/checkout/contract';

export type CheckoutSessionState =
  | { status: 'creating' }
  | { status: 'ready'; sessionId: string; clientSecret: string; carriedOver: boolean; notices: string[] }
  | { status: 'empty-cart' }
  | { status: 'failed'; message: string };

/**
 * Creates the Checkout Session for this visit: exactly one POST per attempt, even under React strict mode's double
 * effects. `retry()` starts a new attempt; `startFresh(sessionId)` replaces a session this tab saw close (the server
 * checks it with Stripe and carries the shopper's choices over to the new one). Only a click starts a fresh one.
 */
export function useCheckoutSession() {
  const [state, setState] = useState<CheckoutSessionState>({ status: 'creating' });
  const [attempt, setAttempt] = useState<{ n: number; replacing: string | null }>({ n: 0, replacing: null });
  const startedAttempt = useRef<number | null>(null);
  const currentAttempt = useRef(0);

  useEffect(() => {
    const { n, replacing } = attempt;
    if (startedAttempt.current === n) return;
    startedAttempt.current = n;
    currentAttempt.current = n;
    postJson('/api/checkout/sessions', replacing ? { replacing } : {}, startedCheckoutSchema).then(
      (session) => {
        if (currentAttempt.current === n) setState({ status: 'ready', ...session });
      },
      (error: unknown) => {
        if (currentAttempt.current !== n) return;
        if (isApiError(error) && error.code === 'cart_empty') setState({ status: 'empty-cart' });
        else
          setState({
            status: 'failed',
            message: isApiError(error) ? error.message : 'We could not start checkout. Please try again.',
          });
      },
    );
  }, [attempt]);

  const start = useCallback((replacing: string | null) => {
    setState({ status: 'creating' });
    setAttempt((current) => ({ n: current.n + 1, replacing }));
  }, []);
  const retry = useCallback(() => start(null), [start]);
  const startFresh = useCallback((replacing: string) => start(replacing), [start]);

  return { state, retry, startFresh };
}
