'use client';

import { ShippingAddressElement } from '@stripe/react-stripe-js/checkout';
import type { StripeAddressElement } from '@stripe/stripe-js';
import { useEffect, useId, useRef, useState } from 'react';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import type { UpdateOutcome } from '@/components/checkout/checkout-updates-state';
import { InLaterTask } from '@/components/checkout/in-later-task';
import {
  type AddressEdit,
  addressAction,
  addressBlock,
  savedAddressKey,
  toAddressEdit,
} from '@/components/checkout/pay-guard';
import { addressKey, type ShippingAddressRequest } from '@/components/checkout/shipping-address';
import { UpdateError } from '@/components/checkout/update-error';
import { useControlUpdate } from '@/components/checkout/use-control-update';

const DEBOUNCE_MS = 450;
const ADDRESS_OPTIONS = { contacts: undefined, display: { name: 'full' } } as const;

/**
 * The shipping address goes to OUR server (it prices shipping and writes the whole session to Stripe) through the
 * checkout's update runner, so Stripe.js refreshes the session afterwards and the shipping picker gets the methods
 * offered for the new address. A refusal is shown inline like every other control's.
 *
 * Pay is held while the form shows an address the order is not priced with: an edit waiting for the debounce or being
 * saved, an incomplete one, a refused one. Pressing Pay sends the edit at once (the runner's flush), reading the
 * element's value so an edit the element has not reported yet is not lost.
 */
export function ShippingAddressSection() {
  const { view, run, setAddressBlock, registerFlush } = useCheckoutUpdates();
  const { busy, failure, submit, retry } = useControlUpdate<ShippingAddressRequest>();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSentKey = useRef<string | null>(null);
  const [sentKey, setSentKey] = useState<string | null>(null);
  const [edit, setEdit] = useState<AddressEdit | null>(null);
  const [scheduled, setScheduled] = useState(false);
  const element = useRef<StripeAddressElement | null>(null);
  const sending = useRef<Promise<UpdateOutcome | null> | null>(null);
  const flushRef = useRef<() => Promise<'ok' | 'blocked'>>(async () => 'ok');
  const errorId = `${useId()}-error`;
  const savedKey = savedAddressKey(view?.shippingAddress ?? null);

  const block = addressBlock({ edit, savedKeys: [savedKey, sentKey], scheduled, sending: busy, failed: !!failure });
  useEffect(() => {
    setAddressBlock(block);
  }, [block, setAddressBlock]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      setAddressBlock(null);
    },
    [setAddressBlock],
  );

  function markSent(key: string | null) {
    lastSentKey.current = key;
    setSentKey(key);
  }

  function cancelTimer() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setScheduled(false);
  }

  function send(address: ShippingAddressRequest): Promise<UpdateOutcome | null> {
    const key = addressKey(address);
    if (key === lastSentKey.current) return sending.current ?? Promise.resolve(null);
    markSent(key);
    const attempt = submit(address, () => run('shippingAddress', { address })).then((outcome) => {
      // A refused address may be fixed and sent again, even if it ends up the same.
      if (outcome && !outcome.ok && lastSentKey.current === key) markSent(null);
      return outcome;
    });
    sending.current = attempt;
    void attempt.finally(() => {
      if (sending.current === attempt) sending.current = null;
    });
    return attempt;
  }

  // The flush before paying sees this render's view and the element's current value.
  useEffect(() => {
    flushRef.current = async () => {
      let current = edit;
      try {
        const value = await element.current?.getValue();
        if (value) current = toAddressEdit(value);
      } catch {
        // The element is gone or not ready: the last reported value stands.
      }
      if (current !== edit) setEdit(current);
      const action = addressAction(current, { savedKeys: [savedKey, lastSentKey.current] });
      cancelTimer();
      if (action === 'incomplete') return 'blocked';
      if (action === 'send' && current) void send(current.request);
      let outcome: UpdateOutcome | null = null;
      // Wait for the address being saved (a newer attempt replaces an older one).
      while (sending.current) outcome = (await sending.current) ?? outcome;
      if (outcome) return outcome.ok ? 'ok' : 'blocked';
      return failure && current?.key !== savedKey ? 'blocked' : 'ok';
    };
  });
  useEffect(() => registerFlush(() => flushRef.current()), [registerFlush]);

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
      <InLaterTask>
        <ShippingAddressElement
          options={ADDRESS_OPTIONS}
          onReady={(ready) => {
            element.current = ready;
          }}
          onChange={(event) => {
            const next = toAddressEdit(event);
            setEdit(next);
            if (timer.current) clearTimeout(timer.current);
            timer.current = null;
            if (addressAction(next, { savedKeys: [savedKey, lastSentKey.current] }) !== 'send') {
              setScheduled(false);
              return;
            }
            setScheduled(true);
            timer.current = setTimeout(() => {
              timer.current = null;
              setScheduled(false);
              void send(next.request);
            }, DEBOUNCE_MS);
          }}
        />
      </InLaterTask>
      <div aria-live="polite" className="min-h-5 text-sm">
        {busy ? (
          <p className="text-stone-600">Updating shipping for this address…</p>
        ) : block === 'address-incomplete' ? (
          <p className="text-stone-600">Finish the address to see its shipping.</p>
        ) : null}
      </div>
      {failure ? <UpdateError id={errorId} failure={failure} onRetry={() => void retry()} /> : null}
    </section>
  );
}
