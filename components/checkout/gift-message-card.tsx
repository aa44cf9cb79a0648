'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { AddOnCheckbox, isUnavailable } from '@/components/checkout/add-on-checkbox';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import type { UpdateOutcome } from '@/components/checkout/checkout-updates-state';
import { giftMessageAction } from '@/components/checkout/pay-guard';
import { UpdateError } from '@/components/checkout/update-error';
import { useControlUpdate } from '@/components/checkout/use-control-update';
import { buttonClass } from '@/components/ui/button-styles';
import { type AddOnView, GIFT_MESSAGE_MAX_LENGTH } from '@/lib/checkout/contract';

type Props = { addOn: AddOnView; currency: string; savedMessage: string | null };

/**
 * The gift message card: ticking it opens a text field (≤ 200 characters); the card is added to the order when the
 * message is saved (on blur, with "Save message", or by Pay), because the server needs the text with the selection.
 * Ticked with no message, it holds Pay and says so at the field.
 */
export function GiftMessageCard({ addOn, currency, savedMessage }: Props) {
  const { run, closedMessage, registerFlush, setGiftMessageMissing, isPayBeingPressed } = useCheckoutUpdates();
  const { pendingValue, busy, failure, submit, retry, clearFailure } = useControlUpdate<boolean>();
  const [composing, setComposing] = useState(false);
  const [draft, setDraft] = useState(savedMessage ?? '');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const saving = useRef<Promise<UpdateOutcome | null> | null>(null);
  const flushRef = useRef<() => Promise<'ok' | 'blocked'>>(async () => 'ok');
  const baseId = useId();
  const fieldId = `${baseId}-message`;
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;
  const requiredId = `${baseId}-required`;

  useEffect(() => {
    setDraft(savedMessage ?? '');
  }, [savedMessage]);
  useEffect(() => {
    // Removing gift wrap removes the card on the server; stop composing one too.
    if (!addOn.eligible) setComposing(false);
  }, [addOn.eligible]);

  const checked = pendingValue ?? (addOn.selected || composing);
  const unavailable = isUnavailable(addOn);
  const disabled = busy || unavailable || closedMessage !== null;
  const trimmed = draft.trim();
  const unsaved = trimmed !== (addOn.selected ? (savedMessage ?? '') : '');
  const missing = giftMessageAction({ checked, draft, selected: addOn.selected, savedMessage }) === 'empty';

  useEffect(() => {
    setGiftMessageMissing(missing);
  }, [missing, setGiftMessageMissing]);
  useEffect(() => () => setGiftMessageMissing(false), [setGiftMessageMissing]);

  function sendMessage(): Promise<UpdateOutcome | null> {
    const attempt = submit(true, () => run('addOn', { addOnId: addOn.addOnId, selected: true, giftMessage: trimmed }));
    saving.current = attempt;
    void attempt.finally(() => {
      if (saving.current === attempt) saving.current = null;
    });
    return attempt;
  }

  function save() {
    if (busy || !unsaved || trimmed === '') return;
    void sendMessage();
  }

  // Pay sends a ticked card's unsaved message first (it may not have lost focus yet), and waits for a save under way.
  useEffect(() => {
    flushRef.current = async () => {
      const action = giftMessageAction({ checked, draft, selected: addOn.selected, savedMessage });
      if (action === 'empty') return 'blocked';
      if (action === 'send' && !busy) void sendMessage();
      let outcome: UpdateOutcome | null = null;
      while (saving.current) outcome = (await saving.current) ?? outcome;
      return outcome && !outcome.ok ? 'blocked' : 'ok';
    };
  });
  useEffect(() => registerFlush(() => flushRef.current()), [registerFlush]);

  function toggle(next: boolean) {
    clearFailure();
    if (next) {
      setComposing(true);
      requestAnimationFrame(() => textRef.current?.focus());
      return;
    }
    setComposing(false);
    if (addOn.selected) {
      void submit(false, () => run('addOn', { addOnId: addOn.addOnId, selected: false }));
    } else {
      setDraft('');
    }
  }

  return (
    <div className="space-y-2">
      <AddOnCheckbox
        addOn={addOn}
        currency={currency}
        checked={checked}
        disabled={disabled}
        busy={busy}
        reasonId={hintId}
        describedBy={unavailable && addOn.reason ? hintId : ''}
        onChange={toggle}
      />
      {checked ? (
        <div className="space-y-1 pl-7">
          <label htmlFor={fieldId} className="text-sm font-medium text-stone-800">
            Gift message
          </label>
          <textarea
            id={fieldId}
            ref={textRef}
            data-testid="gift-message"
            rows={3}
            maxLength={GIFT_MESSAGE_MAX_LENGTH}
            value={draft}
            readOnly={busy}
            disabled={closedMessage !== null}
            aria-invalid={missing || failure ? true : undefined}
            aria-describedby={missing ? requiredId : failure ? errorId : `${fieldId}-count`}
            onChange={(event) => setDraft(event.target.value)}
            // Leaving the field for Pay leaves the message to Pay, which sends it and pays in one click.
            onBlur={() => {
              if (!isPayBeingPressed()) save();
            }}
            className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-sm focus-visible:border-brand-700 aria-invalid:border-red-600"
            placeholder="Happy birthday! With love…"
          />
          {missing ? (
            <p id={requiredId} data-testid="gift-message-required" className="text-sm text-red-700">
              Write a message for the card, or untick it.
            </p>
          ) : null}
          <div className="flex items-center justify-between gap-3">
            <p id={`${fieldId}-count`} className="text-xs text-stone-500">
              {draft.length}/{GIFT_MESSAGE_MAX_LENGTH} characters
              {addOn.selected && !unsaved ? ' · saved' : ''}
            </p>
            <button
              type="button"
              onClick={save}
              disabled={busy || !unsaved || closedMessage !== null}
              aria-busy={busy}
              className={buttonClass('secondary', 'md')}
            >
              {busy ? 'Saving…' : 'Save message'}
            </button>
          </div>
        </div>
      ) : null}
      {failure ? <UpdateError id={errorId} failure={failure} onRetry={() => void retry()} /> : null}
    </div>
  );
}
