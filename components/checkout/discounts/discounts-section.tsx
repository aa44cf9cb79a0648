'use client';

import { useId } from 'react';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import { AppliedDiscounts } from '@/components/checkout/discounts/applied-discounts';
import { PromoCodeForm } from '@/components/checkout/discounts/promo-code-form';
import { UpdateError } from '@/components/checkout/update-error';
import { UpdateNotices } from '@/components/checkout/update-notices';
import { useControlUpdate } from '@/components/checkout/use-control-update';

/**
 * Discount codes, automatic promotions and "spend a little more" hints; every amount is the server's. Applying and
 * removing a code go through the checkout's one update runner like every other control, so the view they answer with
 * is the one the whole page shows.
 */
export function DiscountsSection() {
  const { view, run, closedMessage } = useCheckoutUpdates();
  const applying = useControlUpdate<string>();
  const removing = useControlUpdate<string>();
  const removeErrorId = `${useId()}-remove-error`;
  const discounts = view?.discounts ?? null;
  const busy = applying.busy || removing.busy;
  const unavailable = discounts?.available === false;

  async function apply(code: string): Promise<boolean> {
    removing.clearFailure();
    // No email: the server checks email-bound codes against the email Stripe collected.
    const outcome = await applying.submit(code, () => run('applyCode', { code }));
    return outcome?.ok === true;
  }

  function remove(code: string) {
    applying.clearFailure();
    void removing.submit(code, () => run('removeCode', { code }));
  }

  return (
    <section aria-labelledby="discounts-heading" className="space-y-3" data-testid="discounts-section">
      <h2 id="discounts-heading" className="text-lg font-semibold text-stone-900">
        Discounts
      </h2>
      <UpdateNotices topic="discounts" />
      <div className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4">
        {discounts && view ? (
          <AppliedDiscounts
            discounts={discounts}
            currency={view.currency}
            busy={busy || closedMessage !== null}
            removingCode={removing.pendingValue}
            onRemove={remove}
          />
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
          <PromoCodeForm
            busy={busy}
            applying={applying.busy}
            disabled={closedMessage !== null}
            failure={applying.failure}
            onApply={apply}
            onRetry={() => void applying.retry()}
          />
        )}
        {removing.failure ? (
          <UpdateError id={removeErrorId} failure={removing.failure} onRetry={() => void removing.retry()} />
        ) : null}
      </div>
    </section>
  );
}
