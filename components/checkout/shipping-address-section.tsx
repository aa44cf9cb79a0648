'use client';

import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { ShippingAddressElement } from '@stripe/react-stripe-js/checkout';
import { useEffect, useRef, useState } from 'react';
import {
  addressKey,
  type ShippingAddressRequest,
  toShippingAddressRequest,
} from '@/components/checkout/shipping-address';
import { isApiError, postJson } from '@/lib/api-client';

type Props = {
  checkout: StripeCheckoutElementsValue;
  sessionId: string;
  onSavingChange: (saving: boolean) => void;
};

const DEBOUNCE_MS = 450;
const ADDRESS_OPTIONS = { contacts: undefined, display: { name: 'full' } } as const;

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/**
 * The shipping address goes to OUR server (it prices shipping and writes the whole session to Stripe), wrapped in
 * `runServerUpdate` so Stripe.js refreshes the session afterwards. The server's refusal is shown inline.
 */
export function ShippingAddressSection({ checkout, sessionId, onSavingChange }: Props) {
  const checkoutRef = useRef(checkout);
  useEffect(() => {
    checkoutRef.current = checkout;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSentKey = useRef<string | null>(null);
  const sequence = useRef(0);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    onSavingChange(status.kind === 'saving');
  }, [status.kind, onSavingChange]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  async function send(address: ShippingAddressRequest) {
    const key = addressKey(address);
    if (key === lastSentKey.current) return;
    lastSentKey.current = key;
    const mine = ++sequence.current;
    setStatus({ kind: 'saving' });
    try {
      const result = await checkoutRef.current.runServerUpdate(() =>
        postJson('/api/checkout/shipping-address', { sessionId, address }),
      );
      if (mine !== sequence.current) return;
      setStatus(result.type === 'error' ? { kind: 'error', message: result.error.message } : { kind: 'saved' });
    } catch (error) {
      if (mine !== sequence.current) return;
      // A refused address may be fixed and sent again, even if it ends up the same.
      lastSentKey.current = null;
      setStatus({
        kind: 'error',
        message: isApiError(error) ? error.message : 'We could not update shipping for this address. Please try again.',
      });
    }
  }

  return (
    <section aria-labelledby="shipping-heading" className="space-y-3">
      <h2 id="shipping-heading" className="text-lg font-semibold text-stone-900">
        Shipping address
      </h2>
      <ShippingAddressElement
        options={ADDRESS_OPTIONS}
        onChange={(event) => {
          if (timer.current) clearTimeout(timer.current);
          if (!event.complete) return;
          const address = toShippingAddressRequest(event.value);
          timer.current = setTimeout(() => void send(address), DEBOUNCE_MS);
        }}
      />
      <div aria-live="polite" className="min-h-5 text-sm">
        {status.kind === 'saving' ? <p className="text-stone-600">Updating shipping for this address…</p> : null}
        {status.kind === 'saved' && checkout.shipping?.shippingOption ? (
          <p className="text-stone-600">
            Shipping: {checkout.shipping.shippingOption.displayName ?? 'Standard'} —{' '}
            {checkout.shipping.shippingOption.amount}
          </p>
        ) : null}
      </div>
      {status.kind === 'error' ? (
        <p role="alert" data-testid="shipping-error" className="text-sm text-red-700">
          {status.message}
        </p>
      ) : null}
    </section>
  );
}
