'use client';

import { CheckoutElementsProvider } from '@stripe/react-stripe-js/checkout';
import type { Appearance } from '@stripe/stripe-js';
import { useEffect, useMemo } from 'react';
import { CheckoutEmptyState } from '@/components/checkout/checkout-empty-state';
import { CheckoutErrorState } from '@/components/checkout/checkout-error-state';
import { CheckoutForm } from '@/components/checkout/checkout-form';
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

const appearance: Appearance = {
  theme: 'stripe',
  variables: {
    colorPrimary: '#245544',
    colorText: '#1c1917',
    colorDanger: '#b91c1c',
    borderRadius: '8px',
    fontFamily: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
};

/** Creates the Checkout Session, then mounts Stripe's checkout with it. A replacement session remounts via `key`. */
export function CheckoutIsland({ publishableKey, mode, stripeJsUrl }: Props) {
  const { state, retry, startFresh } = useCheckoutSession();
  // Back at the checkout after a visit to the cart: open it again, so it shows the cart as it is now.
  useShownAgain(retry);
  // Stripe.js downloads while the session is created; a failure shows when the provider awaits the same promise.
  useEffect(() => {
    getStripePromise(publishableKey, stripeJsUrl).catch(() => undefined);
  }, [publishableKey, stripeJsUrl]);
  const clientSecret = state.status === 'ready' ? state.clientSecret : null;
  const options = useMemo(
    () => (clientSecret ? { clientSecret, elementsOptions: { appearance } } : null),
    [clientSecret],
  );

  switch (state.status) {
    case 'creating':
      return <CheckoutSkeleton />;
    case 'empty-cart':
      return <CheckoutEmptyState />;
    case 'failed':
      return <CheckoutErrorState message={state.message} onRetry={retry} />;
    case 'ready':
      if (!options) return <CheckoutSkeleton />;
      return (
        <CheckoutElementsProvider
          key={state.sessionId}
          stripe={getStripePromise(publishableKey, stripeJsUrl)}
          options={options}
        >
          <CheckoutForm
            sessionId={state.sessionId}
            carriedOver={state.carriedOver}
            notices={state.notices}
            showTestCards={mode !== 'live'}
            onStartFresh={startFresh}
            onRetry={retry}
          />
        </CheckoutElementsProvider>
      );
  }
}
