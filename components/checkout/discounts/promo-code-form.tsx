'use client';

import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { UpdateError } from '@/components/checkout/update-error';
import type { UpdateFailure } from '@/components/checkout/update-failure';
import { tooManyCodesMessage } from '@/lib/checkout/code-attempt-wait';
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
  const waitLeft = useSecondsLeft(failure?.code === 'rate_limited' ? failure : null);
  const waiting = waitLeft !== null && waitLeft > 0;
  // Too many codes tried: the wait counts down in place; once over, the message goes and Apply is back.
  const shown =
    waitLeft === null ? failure : waiting && failure ? { ...failure, message: tooManyCodesMessage(waitLeft) } : null;

  async function apply() {
    const typed = code.trim();
    if (typed === '' || busy || disabled || waiting) return;
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
          aria-invalid={shown !== null}
          aria-describedby={shown ? errorId : undefined}
          onChange={(event) => setCode(event.target.value)}
          onKeyDown={onKeyDown}
          className="min-w-0 flex-1 rounded-lg border border-stone-300 px-3 py-2 text-sm uppercase focus:border-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-700/30"
        />
        <button
          type="button"
          data-testid="apply-discount"
          onClick={() => void apply()}
          disabled={busy || disabled || waiting || code.trim() === ''}
          aria-busy={applying}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold text-stone-800 hover:bg-stone-50 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {applying ? 'Applying…' : 'Apply'}
        </button>
      </div>
      {shown ? <UpdateError id={errorId} failure={shown} onRetry={onRetry} /> : null}
    </div>
  );
}

/** Seconds left of the wait a refusal announced (`retryAfterSeconds`, from its arrival), ticking; null without one. */
function useSecondsLeft(refusal: UpdateFailure | null): number | null {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const seconds = refusal?.retryAfterSeconds;
    setNow(Date.now());
    setDeadline(seconds === undefined ? null : Date.now() + seconds * 1000);
  }, [refusal]);
  useEffect(() => {
    if (deadline === null) return;
    const tick = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= deadline) clearInterval(tick);
    }, 1_000);
    return () => clearInterval(tick);
  }, [deadline]);
  return deadline === null ? null : Math.max(0, (deadline - now) / 1000);
}
