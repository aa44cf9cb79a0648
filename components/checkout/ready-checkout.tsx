'use client';

import { CheckoutElementsProvider } from '@stripe/react-stripe-js/checkout';
import type { Appearance } from '@stripe/stripe-js';
import { type ComponentProps, useMemo } from 'react';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { getStripePromise } from '@/components/checkout/stripe-loader';

type Props = Omit<ComponentProps<typeof CheckoutForm>, 'showTestCards'> & {
  clientSecret: string;
  publishableKey: string;
  mode: 'emulator' | 'test' | 'live';
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

/**
 * Stripe's checkout for a created session, with the form around it. Its own module, which the island loads while the
 * session is being created: the page's first script stays small, and none of this runs before it is needed.
 */
export function ReadyCheckout({ clientSecret, publishableKey, mode, stripeJsUrl, ...form }: Props) {
  const options = useMemo(() => ({ clientSecret, elementsOptions: { appearance } }), [clientSecret]);
  return (
    <CheckoutElementsProvider stripe={getStripePromise(publishableKey, stripeJsUrl)} options={options}>
      <CheckoutForm {...form} showTestCards={mode !== 'live'} />
    </CheckoutElementsProvider>
  );
}
