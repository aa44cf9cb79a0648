'use client';

import { lazy, Suspense, useEffect } from 'react';
import { CheckoutEmptyState } from '@/components/checkout/checkout-empty-state';
import { CheckoutErrorState } from '@/components/checkout/checkout-error-state';
import { CheckoutSkeleton } from '@/components/checkout/checkout-skeleton';
import { getStripePromise } from '@/components/checkout/stripe-loader';
import { useCheckoutSession } from '@/components/checkout/use-checkout-session';
import { useShownAgain } from '@/components/checkout/use-shown-again';

type Props = {
  publishableKey: string;
  mode: 'emulator' | 'test' | 'live';
  /** The emulator's stand-in Stripe.js; null with real Stripe (then `loadStripe` loads js.stripe.com). */
  stripeJsUrl: string | null;
};

const loadReadyCheckout = () => import('@/components/checkout/ready-checkout');
const ReadyCheckout = lazy(() => loadReadyCheckout().then((module) => ({ default: module.ReadyCheckout })));

/** Creates the Checkout Session, then mounts Stripe's checkout with it. A replacement session remounts via `key`. */
export function CheckoutIsland({ publishableKey, mode, stripeJsUrl }: Props) {
  const { state, retry, startFresh } = useCheckoutSession();
  // Back at the checkout after a visit to the cart: open it again, so it shows the cart as it is now.
  useShownAgain(retry);
  // Stripe.js and the checkout's own script download while the session is created; a failure of Stripe.js shows when
  // the provider awaits the same promise.
  useEffect(() => {
    getStripePromise(publishableKey, stripeJsUrl).catch(() => undefined);
    loadReadyCheckout().catch(() => undefined);
  }, [publishableKey, stripeJsUrl]);

  switch (state.status) {
    case 'creating':
      return <CheckoutSkeleton />;
    case 'empty-cart':
      return <CheckoutEmptyState />;
    case 'failed':
      return <CheckoutErrorState message={state.message} onRetry={retry} />;
    case 'ready':
      return (
        <Suspense fallback={<CheckoutSkeleton />}>
          <ReadyCheckout
            key={state.sessionId}
            clientSecret={state.clientSecret}
            publishableKey={publishableKey}
            mode={mode}
            stripeJsUrl={stripeJsUrl}
            sessionId={state.sessionId}
            carriedOver={state.carriedOver}
            notices={state.notices}
            onStartFresh={startFresh}
            onRetry={retry}
          />
        </Suspense>
      );
  }
}
