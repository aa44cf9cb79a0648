'use client';

import { AddOnToggle } from '@/components/checkout/add-on-toggle';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import { GiftMessageCard } from '@/components/checkout/gift-message-card';
import { Skeleton } from '@/components/ui/skeleton';
import { GIFT_MESSAGE_ADD_ON_ID } from '@/lib/checkout/contract';

/** Per-order add-ons (gift wrap, gift message card, express handling), in the store's order. */
export function ExtrasSection() {
  const { view } = useCheckoutUpdates();
  const orderAddOns = view?.addOns.filter((addOn) => addOn.productId === null) ?? [];
  return (
    <section aria-labelledby="extras-heading" className="space-y-3">
      <h2 id="extras-heading" className="text-lg font-semibold text-stone-900">
        Gifts and extras
      </h2>
      {view ? (
        <div className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4">
          {orderAddOns.map((addOn) =>
            addOn.addOnId === GIFT_MESSAGE_ADD_ON_ID ? (
              <GiftMessageCard
                key={addOn.addOnId}
                addOn={addOn}
                currency={view.currency}
                savedMessage={view.giftMessage}
              />
            ) : (
              <AddOnToggle key={addOn.addOnId} addOn={addOn} currency={view.currency} />
            ),
          )}
        </div>
      ) : (
        <Skeleton className="h-28 w-full" />
      )}
    </section>
  );
}
