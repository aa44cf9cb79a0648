'use client';

import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import type { UpdateNotice } from '@/lib/checkout/contract';

type Topic = 'items' | 'shipping' | 'discounts';

const TOPIC_OF: Record<UpdateNotice['code'], Topic> = {
  item_removed: 'items',
  item_quantity_reduced: 'items',
  shipping_method_changed: 'shipping',
  discount_code_kept: 'discounts',
  discount_code_replaced: 'discounts',
};

/**
 * What the last update changed on its own, under the heading of the section it is about, in a polite live region that
 * is always there (so screen readers announce a notice as it appears) and takes no room when empty.
 */
export function UpdateNotices({ topic }: { topic: Topic }) {
  const { updateNotices } = useCheckoutUpdates();
  return (
    <div role="status" aria-live="polite" className="space-y-2 empty:mb-0">
      {updateNotices
        .filter((notice) => TOPIC_OF[notice.code] === topic)
        .map((notice) => (
          <p
            key={`${notice.code}:${notice.message}`}
            data-testid="checkout-notice"
            data-code={notice.code}
            className="rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950"
          >
            {notice.message.split(/(−[^\s)]+)/).map((part, index) =>
              // Amounts ("−$22.70") never break across lines.
              index % 2 === 1 ? (
                <span key={part} className="whitespace-nowrap">
                  {part}
                </span>
              ) : (
                part
              ),
            )}
          </p>
        ))}
    </div>
  );
}
