import { CheckoutElementsProvider } from '@stripe/react-stripe-js/checkout';
import { loadStripe } from '@stripe/stripe-js';
import { useEffect, useMemo, useState } from 'react';
import { CheckoutForm } from './CheckoutForm';
import { postJson } from './post-json';

// window.Stripe is the stand-in (loaded by a blocking <script> in <head>), so loadStripe fetches nothing.
const stripePromise = loadStripe('pk_test_emulator');

function isSessionAnswer(value: unknown): value is { clientSecret: string } {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'clientSecret') === 'string';
}

// `?shipping=1` asks for a session that collects a shipping address (the page then shows the address element).
const collectShipping = new URLSearchParams(window.location.search).get('shipping') === '1';

export function App() {
  const [clientSecret, setClientSecret] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    postJson('/api/sessions', { collectShipping })
      .then((answer) => {
        if (!isSessionAnswer(answer)) throw new Error('The harness server sent no client secret.');
        if (live) setClientSecret(answer.clientSecret);
      })
      .catch((error: unknown) => live && setFailure(String(error)));
    return () => {
      live = false;
    };
  }, []);

  const options = useMemo(() => (clientSecret ? { clientSecret } : null), [clientSecret]);

  if (failure) return <p role="alert">Could not start checkout: {failure}</p>;
  if (!options) return <p>Creating a checkout session…</p>;
  return (
    <CheckoutElementsProvider stripe={stripePromise} options={options}>
      <CheckoutForm collectShipping={collectShipping} />
    </CheckoutElementsProvider>
  );
}
