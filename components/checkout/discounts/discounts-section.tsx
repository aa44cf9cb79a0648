'use client';

import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { useState } from 'react';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates-context';
import { AppliedDiscounts } from '@/components/checkout/discounts/applied-discounts';
import { PromoCodeForm } from '@/components/checkout/discounts/promo-code-form';
import { useDiscountCodes } from '@/components/checkout/discounts/use-discount-codes';

type Props = { checkout: StripeCheckoutElementsValue; sessionId: string };

/** Discount codes, automatic promotions and "spend a little more" hints; every amount is the server's. */
export function DiscountsSection({ checkout, sessionId }: Props) {
  const { closedMessage } = useCheckoutUpdates();
  const { discounts, currency, busy, apply, remove } = useDiscountCodes(checkout, sessionId);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const unavailable = discounts?.available === false;

  async function onApply(code: string): Promise<string | null> {
    const outcome = await apply(code, checkout.email ?? undefined);
    return outcome.ok ? null : outcome.failure.message;
  }

  async function onRemove(code: string) {
    setRemoveError(null);
    const outcome = await remove(code);
    if (!outcome.ok) setRemoveError(outcome.failure.message);
  }

  return (
    <section aria-labelledby="discounts-heading" className="space-y-3" data-testid="discounts-section">
      <h2 id="discounts-heading" className="text-lg font-semibold text-stone-900">
        Discounts
      </h2>
      <div className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4">
        {discounts ? (
          <AppliedDiscounts discounts={discounts} currency={currency} busy={busy} onRemove={(c) => void onRemove(c)} />
        ) : null}
        {discounts?.hints.map((hint) => (
          <p key={hint.message} data-testid="promotion-hint" className="text-sm text-brand-800">
            {hint.message}
          </p>
        ))}
        {unavailable ? (
          <p className="text-sm text-stone-600" data-testid="discounts-unavailable">
            Discount codes can't be used for this checkout right now.
          </p>
        ) : (
          <PromoCodeForm busy={busy} disabled={closedMessage !== null} onApply={onApply} />
        )}
        {removeError ? (
          <p role="alert" data-testid="discount-error" className="text-sm text-red-900">
            {removeError}
          </p>
        ) : null}
      </div>
    </section>
  );
}
