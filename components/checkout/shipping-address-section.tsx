'use client';

import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { ShippingAddressElement } from '@stripe/react-stripe-js/checkout';
import { useEffect, useRef, useState } from 'react';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates-context';
import {
  addressKey,
  type ShippingAddressRequest,
  toShippingAddressRequest,
} from '@/components/checkout/shipping-address';
import { CHECKOUT_CLOSED, type UpdateFailure } from '@/components/checkout/update-failure';

type Props = { checkout: StripeCheckoutElementsValue };

const DEBOUNCE_MS = 450;
const ADDRESS_OPTIONS = { contacts: undefined, display: { name: 'full' } } as const;

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; failure: UpdateFailure };

/**
 * The shipping address goes to OUR server (it prices shipping and writes the whole session to Stripe), wrapped in
 * `runServerUpdate` (through `useCheckoutUpdates`) so Stripe.js refreshes the session afterwards and the shipping
 * picker gets the methods offered for the new address. The server's refusal is shown inline.
 */
export function ShippingAddressSection({ checkout }: Props) {
  const { runUpdate, startFreshCheckout } = useCheckoutUpdates();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSentKey = useRef<string | null>(null);
  const sequence = useRef(0);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

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
    const outcome = await runUpdate('/api/checkout/shipping-address', { address });
    if (mine !== sequence.current) return;
    if (outcome.ok) {
      setStatus({ kind: 'saved' });
      return;
    }
    // A refused address may be fixed and sent again, even if it ends up the same.
    lastSentKey.current = null;
    setStatus({ kind: 'error', failure: outcome.failure });
  }

  return (
    <section aria-labelledby="shipping-heading" aria-busy={status.kind === 'saving'} className="space-y-3">
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
        <div role="alert" data-testid="shipping-error" className="text-sm text-red-700">
          <p>{status.failure.message}</p>
          {status.failure.code === CHECKOUT_CLOSED ? (
            <button type="button" onClick={startFreshCheckout} className="mt-1 font-semibold underline">
              Start a fresh checkout
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
