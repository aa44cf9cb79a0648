'use client';

import { ShippingAddressElement } from '@stripe/react-stripe-js/checkout';
import { useEffect, useId, useRef } from 'react';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import {
  addressKey,
  type ShippingAddressRequest,
  toShippingAddressRequest,
} from '@/components/checkout/shipping-address';
import { UpdateError } from '@/components/checkout/update-error';
import { useControlUpdate } from '@/components/checkout/use-control-update';

const DEBOUNCE_MS = 450;
const ADDRESS_OPTIONS = { contacts: undefined, display: { name: 'full' } } as const;

/**
 * The shipping address goes to OUR server (it prices shipping and writes the whole session to Stripe) through the
 * checkout's update runner, so Stripe.js refreshes the session afterwards and the shipping picker gets the methods
 * offered for the new address. A refusal is shown inline like every other control's.
 */
export function ShippingAddressSection() {
  const { checkout, run } = useCheckoutUpdates();
  const { busy, failure, submit, retry } = useControlUpdate<ShippingAddressRequest>();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSentKey = useRef<string | null>(null);
  const errorId = `${useId()}-error`;

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
    const outcome = await submit(address, () => run('shippingAddress', { address }));
    // A refused address may be fixed and sent again, even if it ends up the same.
    if (outcome && !outcome.ok && lastSentKey.current === key) lastSentKey.current = null;
  }

  return (
    <section
      aria-labelledby="shipping-heading"
      aria-busy={busy}
      className="space-y-3"
      data-testid="shipping-address-section"
    >
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
        {busy ? (
          <p className="text-stone-600">Updating shipping for this address…</p>
        ) : !failure && checkout.shipping?.shippingOption ? (
          <p className="text-stone-600">
            Shipping: {checkout.shipping.shippingOption.displayName ?? 'Standard'} —{' '}
            {checkout.shipping.shippingOption.amount}
          </p>
        ) : null}
      </div>
      {failure ? <UpdateError id={errorId} failure={failure} onRetry={() => void retry()} /> : null}
    </section>
  );
}
