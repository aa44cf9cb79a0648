'use client';

import { type KeyboardEvent, useId, useState } from 'react';
import { UpdateError } from '@/components/checkout/update-error';
import type { UpdateFailure } from '@/components/checkout/update-failure';
import { DISCOUNT_CODE_MAX_LENGTH } from '@/lib/checkout/contract';

type Props = {
  /** A discount update (apply or remove) is running. */
  busy: boolean;
  /** This form's apply is running. */
  applying: boolean;
  disabled: boolean;
  /** The last apply's failure, shown under the field. */
  failure: UpdateFailure | null;
  /** Resolves true when the code was applied. */
  onApply: (code: string) => Promise<boolean>;
  onRetry: () => void;
};

/**
 * A code field and an Apply button. Not a nested <form> (the checkout is one): Enter in the field applies the code
 * instead of submitting the payment form.
 */
export function PromoCodeForm({ busy, applying, disabled, failure, onApply, onRetry }: Props) {
  const [code, setCode] = useState('');
  const inputId = useId();
  const errorId = `${inputId}-error`;

  async function apply() {
    const typed = code.trim();
    if (typed === '' || busy || disabled) return;
    if (await onApply(typed)) setCode('');
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
          maxLength={DISCOUNT_CODE_MAX_LENGTH}
          value={code}
          disabled={disabled}
          aria-invalid={failure !== null}
          aria-describedby={failure ? errorId : undefined}
          onChange={(event) => setCode(event.target.value)}
          onKeyDown={onKeyDown}
          className="min-w-0 flex-1 rounded-lg border border-stone-300 px-3 py-2 text-sm uppercase focus:border-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-700/30"
        />
        <button
          type="button"
          data-testid="apply-discount"
          onClick={() => void apply()}
          disabled={busy || disabled || code.trim() === ''}
          aria-busy={applying}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold text-stone-800 hover:bg-stone-50 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {applying ? 'Applying…' : 'Apply'}
        </button>
      </div>
      {failure ? <UpdateError id={errorId} failure={failure} onRetry={onRetry} /> : null}
    </div>
  );
}
