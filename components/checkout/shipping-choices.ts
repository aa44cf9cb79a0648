/**
 * Pairs Stripe's shipping options (what the shopper sees: name, estimate, amount) with the store's shipping methods
 * (what the server accepts: `methodId`) by Stripe's `shr_` id, in the store's method order — not Stripe's, which puts
 * the selected option first — so the list never reorders under the shopper's pointer or arrow keys. Options the view
 * does not know yet are left out.
 */
import type { StripeCheckoutDeliveryEstimate, StripeCheckoutShippingOption } from '@stripe/stripe-js';
import type { ShippingMethodView } from '@/lib/checkout/contract';

export type ShippingChoice = {
  methodId: string;
  shippingRateId: string;
  displayName: string;
  /** Stripe's formatted amount ("Free" for nothing) and its minor units. */
  amount: string;
  minorUnitsAmount: number;
  estimate: string | null;
};

export function pairShippingChoices(
  stripeOptions: ReadonlyArray<StripeCheckoutShippingOption>,
  methods: ReadonlyArray<ShippingMethodView>,
): ShippingChoice[] {
  return methods.flatMap((method) => {
    const option = stripeOptions.find((o) => o.id === method.shippingRateId);
    if (!option) return [];
    return [
      {
        methodId: method.methodId,
        shippingRateId: option.id,
        displayName: option.displayName ?? method.displayName,
        amount: shippingAmountLabel(option.minorUnitsAmount, option.amount),
        minorUnitsAmount: option.minorUnitsAmount,
        estimate: formatDeliveryEstimate(option.deliveryEstimate),
      },
    ];
  });
}

/** How a shipping amount reads wherever it is shown (picker, summary, receipt): "Free" for nothing. */
export function shippingAmountLabel(minorUnits: number, formatted: string): string {
  return minorUnits === 0 ? 'Free' : formatted;
}

const UNIT_NAMES: Record<string, [string, string]> = {
  business_day: ['business day', 'business days'],
  day: ['day', 'days'],
  hour: ['hour', 'hours'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
};

function unitName(unit: string, value: number): string {
  const names = UNIT_NAMES[unit] ?? [unit, unit];
  return value === 1 ? names[0] : names[1];
}

/** "1–2 business days", "1 business day", "Up to 5 days", or null when Stripe has no estimate. */
export function formatDeliveryEstimate(estimate: StripeCheckoutDeliveryEstimate | null): string | null {
  const min = estimate?.minimum ?? null;
  const max = estimate?.maximum ?? null;
  if (min && max) {
    if (min.unit === max.unit) {
      return min.value === max.value
        ? `${min.value} ${unitName(min.unit, min.value)}`
        : `${min.value}–${max.value} ${unitName(max.unit, max.value)}`;
    }
    return `${min.value} ${unitName(min.unit, min.value)} – ${max.value} ${unitName(max.unit, max.value)}`;
  }
  if (max) return `Up to ${max.value} ${unitName(max.unit, max.value)}`;
  if (min) return `At least ${min.value} ${unitName(min.unit, min.value)}`;
  return null;
}
