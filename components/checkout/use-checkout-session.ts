'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError, postJson } from '@/lib/api-client';
import * as z from '@/lib/zod-browser';

const createdSessionSchema = z.object({ sessionId: z.string().min(1), clientSecret: z.string().min(1) });

export type CheckoutSessionState =
  | { status: 'creating' }
  | { status: 'ready'; sessionId: string; clientSecret: string }
  | { status: 'empty-cart' }
  | { status: 'failed'; message: string }
  | { status: 'ended' };

/**
 * Creates the Checkout Session for this visit: exactly one POST per attempt, even under React strict mode's double
 * effects. `retry()` starts a new attempt; `replaceEndedSession()` does so once per visit for an expired or completed
 * session, after that it reports `ended` instead of looping.
 */
export function useCheckoutSession() {
  const [state, setState] = useState<CheckoutSessionState>({ status: 'creating' });
  const [attempt, setAttempt] = useState(0);
  const startedAttempt = useRef<number | null>(null);
  const currentAttempt = useRef(0);
  const replaced = useRef(false);

  useEffect(() => {
    if (startedAttempt.current === attempt) return;
    startedAttempt.current = attempt;
    currentAttempt.current = attempt;
    postJson('/api/checkout/sessions', {}, createdSessionSchema).then(
      (session) => {
        if (currentAttempt.current === attempt) setState({ status: 'ready', ...session });
      },
      (error: unknown) => {
        if (currentAttempt.current !== attempt) return;
        if (isApiError(error) && error.code === 'cart_empty') setState({ status: 'empty-cart' });
        else
          setState({
            status: 'failed',
            message: isApiError(error) ? error.message : 'We could not start checkout. Please try again.',
          });
      },
    );
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'creating' });
    setAttempt((n) => n + 1);
  }, []);

  const replaceEndedSession = useCallback(() => {
    if (replaced.current) {
      setState({ status: 'ended' });
      return;
    }
    replaced.current = true;
    retry();
  }, [retry]);

  return { state, retry, replaceEndedSession };
}
