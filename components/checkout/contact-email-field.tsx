'use client';

import { useId, useState } from 'react';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import { UpdateError } from '@/components/checkout/update-error';
import { useControlUpdate } from '@/components/checkout/use-control-update';

/**
 * Contact email, saved to the Checkout Session when the field loses focus. Stripe's own validation message is shown.
 * Once Stripe has it, the runner's `emailChanged` update lets the server re-read it and re-price (codes bound to an
 * email are checked against the email Stripe collected).
 */
export function ContactEmailField() {
  const { checkout, run, isPayBeingPressed } = useCheckoutUpdates();
  const repricing = useControlUpdate<true>();
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const repriceErrorId = `${inputId}-reprice-error`;
  const [email, setEmail] = useState(checkout.email ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    const value = email.trim();
    if (value === '' || value === checkout.email) return;
    setSaving(true);
    try {
      const result = await checkout.updateEmail(value);
      setError(result.type === 'error' ? result.error.message : null);
      if (result.type === 'success') await repricing.submit(true, () => run('emailChanged', {}));
    } catch {
      setError('Your email could not be saved. Please try again.');
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="space-y-3">
      <h2 id={`${inputId}-heading`} className="text-lg font-semibold text-stone-900">
        Contact
      </h2>
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium text-stone-800">
          Email
        </label>
        <input
          id={inputId}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          // Leaving the field for Pay leaves the email to Pay, which saves it and pays in one click.
          onBlur={() => {
            if (!isPayBeingPressed()) void save();
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-stone-900 shadow-sm focus-visible:border-brand-700 aria-invalid:border-red-600"
          placeholder="you@example.com"
        />
        {saving ? <p className="text-xs text-stone-500">Saving…</p> : null}
        {error ? (
          <p id={errorId} role="alert" data-testid="email-error" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        {repricing.failure ? (
          <UpdateError id={repriceErrorId} failure={repricing.failure} onRetry={() => void repricing.retry()} />
        ) : null}
        <p className="text-xs text-stone-500">We send your receipt and shipping updates here.</p>
      </div>
    </section>
  );
}
