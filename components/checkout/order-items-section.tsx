'use client';

import { AddOnToggle } from '@/components/checkout/add-on-toggle';
import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import { QuantityStepper } from '@/components/checkout/quantity-stepper';
import { UpdateNotices } from '@/components/checkout/update-notices';
import { Skeleton } from '@/components/ui/skeleton';
import { formatMoney } from '@/lib/money';

/** The order's items (and what the last update had to change of them), each with its price, its quantity stepper and the per-item add-ons (warranty) that cover it. */
export function OrderItemsSection() {
  const { view } = useCheckoutUpdates();
  return (
    <section aria-labelledby="order-items-heading" className="space-y-3">
      <h2 id="order-items-heading" className="text-lg font-semibold text-stone-900">
        Your items
      </h2>
      <UpdateNotices topic="items" />
      {view ? (
        <ul className="divide-y divide-stone-100 rounded-2xl border border-stone-200 bg-white px-4">
          {view.items.map((item) => (
            <li key={item.productId} data-testid="checkout-item" data-product-id={item.productId} className="py-4">
              <div className="flex items-start justify-between gap-4">
                <div className="pt-2">
                  <p className="font-medium text-stone-900">{item.name}</p>
                  <p className="text-sm tabular-nums text-stone-600" data-testid="item-price" data-value={item.amount}>
                    {formatMoney(item.amount, view.currency)}
                  </p>
                </div>
                <QuantityStepper item={item} isLastLine={view.items.length === 1} />
              </div>
              {view.addOns
                .filter((addOn) => addOn.productId === item.productId)
                .map((addOn) => (
                  <div key={addOn.addOnId} className="mt-2">
                    <AddOnToggle addOn={addOn} currency={view.currency} />
                  </div>
                ))}
            </li>
          ))}
        </ul>
      ) : (
        <Skeleton className="h-24 w-full" />
      )}
    </section>
  );
}
