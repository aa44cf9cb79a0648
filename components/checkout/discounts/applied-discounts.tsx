'use client';

import type { DiscountsView } from '@/lib/checkout/contract';
import { formatMoney } from '@/lib/money';

type Props = {
  discounts: DiscountsView;
  currency: string;
  /** Remove buttons are disabled (a discount update is running, or the session is closed). */
  busy: boolean;
  /** The code whose removal is being sent. */
  removingCode: string | null;
  onRemove: (code: string) => void;
};

/** Applied codes (with Remove), codes that no longer qualify (with why), and automatic promotions. Labels only:
 * the discount line and the total come from Stripe's session. */
export function AppliedDiscounts({ discounts, currency, busy, removingCode, onRemove }: Props) {
  if (discounts.codes.length === 0 && discounts.automatic.length === 0) return null;
  return (
    <ul className="space-y-2 text-sm" aria-label="Discounts on your order">
      {discounts.codes.map((entry) => (
        <li
          key={entry.code}
          data-testid={`discount-${entry.code}`}
          data-applied={entry.applied}
          className="flex items-start justify-between gap-3 rounded-lg bg-emerald-50 px-3 py-2"
        >
          <span>
            <span className="font-mono font-semibold text-stone-900">{entry.code}</span>{' '}
            <span className="text-stone-700">{entry.label}</span>
            {entry.applied ? null : (
              <span className="block text-xs text-amber-800" data-testid={`discount-${entry.code}-reason`}>
                Not applied: {entry.message ?? 'this code does not apply to your order now.'}
              </span>
            )}
          </span>
          <span className="flex shrink-0 items-center gap-3">
            {entry.applied ? (
              <span className="tabular-nums text-emerald-800">−{formatMoney(entry.amount, currency)}</span>
            ) : null}
            <button
              type="button"
              data-testid={`remove-discount-${entry.code}`}
              onClick={() => onRemove(entry.code)}
              disabled={busy}
              aria-busy={removingCode === entry.code}
              aria-label={`Remove code ${entry.code}`}
              className="text-xs font-semibold text-stone-700 underline underline-offset-2 hover:text-stone-900 disabled:opacity-60"
            >
              {removingCode === entry.code ? 'Removing…' : 'Remove'}
            </button>
          </span>
        </li>
      ))}
      {discounts.automatic.map((promotion) => (
        <li
          key={promotion.label}
          data-testid="automatic-discount"
          className="flex items-start justify-between gap-3 rounded-lg bg-emerald-50 px-3 py-2"
        >
          <span className="text-stone-800">{promotion.label}</span>
          <span className="tabular-nums text-emerald-800">−{formatMoney(promotion.amount, currency)}</span>
        </li>
      ))}
    </ul>
  );
}
