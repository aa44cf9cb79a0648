'use client';

import { type KeyboardEvent, useId, useState } from 'react';

type Props = {
  busy: boolean;
  disabled: boolean;
  /** Resolves with the shopper-facing error, or null when the code was applied. */
  onApply: (code: string) => Promise<string | null>;
};

/**
 * A code field and an Apply button. Not a nested <form> (the checkout is one): Enter in the field applies the code
 * instead of submitting the payment form.
 */
export function PromoCodeForm({ busy, disabled, onApply }: Props) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = `${inputId}-error`;

  async function apply() {
    const typed = code.trim();
    if (typed === '' || busy || disabled) return;
    setError(null);
    const failure = await onApply(typed);
    setError(failure);
    if (failure === null) setCode('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void apply();
  }

  return (
    <div className="space-y-2">
      <label htmlFor={inputId} className="block text-sm font-medium text-stone-800">
        Discount code
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          name="discount-code"
          data-testid="discount-code-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={64}
          value={code}
          disabled={disabled}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setCode(event.target.value)}
          onKeyDown={onKeyDown}
          className="min-w-0 flex-1 rounded-lg border border-stone-300 px-3 py-2 text-sm uppercase focus:border-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-700/30"
        />
        <button
          type="button"
          data-testid="apply-discount"
          onClick={() => void apply()}
          disabled={busy || disabled || code.trim() === ''}
          aria-busy={busy}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold text-stone-800 hover:bg-stone-50 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {busy ? 'Applying…' : 'Apply'}
        </button>
      </div>
      {error ? (
        <p
          id={errorId}
          role="alert"
          data-testid="discount-error"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}
