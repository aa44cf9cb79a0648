'use client';

import { useCheckoutUpdates } from '@/components/checkout/checkout-updates';
import { shippingAmountLabel } from '@/components/checkout/shipping-choices';
import { Skeleton } from '@/components/ui/skeleton';
import { formatMoney } from '@/lib/money';

/**
 * The lines as the server priced them, before discounts (quantity × unit price, add-ons at their listed price), so
 * they add up to the Subtotal; Subtotal, Shipping, Discount and Total are Stripe's. The browser never adds up a price.
 */
export function OrderSummary() {
  const { checkout, view } = useCheckoutUpdates();
  const { total } = checkout;
  const hasShipping = checkout.shipping !== null;
  const hasDiscount = total.discount.minorUnitsAmount > 0;

  return (
    <section
      aria-labelledby="order-summary-heading"
      data-testid="order-summary"
      className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm"
    >
      <h2 id="order-summary-heading" className="text-lg font-semibold text-stone-900">
        Order summary
      </h2>
      {view ? (
        <ul className="mt-4 divide-y divide-stone-100 text-sm">
          {view.lines.map((line) => (
            <li key={line.key} data-testid="summary-line" className="flex justify-between gap-4 py-2">
              <span className="text-stone-700">
                {line.name} <span className="text-stone-500">× {line.quantity}</span>
              </span>
              <span className="font-medium tabular-nums" data-value={line.amount}>
                {formatMoney(line.amount, view.currency)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <Skeleton className="mt-4 h-16 w-full" />
      )}
      <dl className="mt-4 space-y-2 border-t border-stone-200 pt-4 text-sm">
        <div className="flex justify-between">
          <dt className="text-stone-600">Subtotal</dt>
          <dd className="tabular-nums" data-testid="summary-subtotal" data-value={total.subtotal.minorUnitsAmount}>
            {total.subtotal.amount}
          </dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-stone-600">Shipping</dt>
          <dd className="tabular-nums" data-testid="summary-shipping" data-value={total.shippingRate.minorUnitsAmount}>
            {hasShipping ? (
              shippingAmountLabel(total.shippingRate.minorUnitsAmount, total.shippingRate.amount)
            ) : (
              <span className="text-stone-500">Enter your address</span>
            )}
          </dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-stone-600">Discount</dt>
          <dd
            className={`tabular-nums ${hasDiscount ? 'text-emerald-800' : 'text-stone-500'}`}
            data-testid="summary-discount"
            data-value={total.discount.minorUnitsAmount}
          >
            {hasDiscount ? `−${total.discount.amount}` : 'None'}
          </dd>
        </div>
        {view?.storeCredit?.applied ? (
          <div className="flex justify-between pl-3 text-xs text-stone-600">
            <dt>of which store credit</dt>
            <dd className="tabular-nums" data-testid="summary-store-credit" data-value={view.storeCredit.applied}>
              −{formatMoney(view.storeCredit.applied, view.currency)}
            </dd>
          </div>
        ) : null}
        <TaxRow />
        <div className="flex justify-between border-t border-stone-200 pt-3 text-base font-semibold">
          <dt>Total</dt>
          <dd className="tabular-nums" data-testid="summary-total" data-value={total.total.minorUnitsAmount}>
            {total.total.amount}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * Stripe Tax's line, from Stripe's numbers: "Tax" added on top (US, Canada), "Including VAT" inside the prices (UK,
 * EU), "Calculated at the address step" until Stripe knows where the order ships. Nothing without Stripe Tax.
 */
function TaxRow() {
  const { checkout, view } = useCheckoutUpdates();
  const tax = view?.tax ?? null;
  if (tax === null) return null;
  const inclusive = tax.behavior === 'inclusive';
  const amount = inclusive ? checkout.total.taxInclusive : checkout.total.taxExclusive;
  return (
    <div className="flex justify-between">
      <dt className="text-stone-600">{inclusive ? 'Including VAT' : 'Tax'}</dt>
      <dd
        className="tabular-nums"
        data-testid="summary-tax"
        data-value={tax.pending ? '' : amount.minorUnitsAmount}
        data-behavior={tax.behavior}
      >
        {tax.pending ? <span className="text-stone-500">Calculated at the address step</span> : amount.amount}
      </dd>
    </div>
  );
}
