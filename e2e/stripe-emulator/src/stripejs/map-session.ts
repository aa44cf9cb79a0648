import type {
  StripeCheckoutAmount,
  StripeCheckoutBillingInterval,
  StripeCheckoutContact,
  StripeCheckoutDeliveryEstimate,
  StripeCheckoutDiscountAmount,
  StripeCheckoutEstimate,
  StripeCheckoutLineItem,
  StripeCheckoutSession,
  StripeCheckoutShipping,
  StripeCheckoutShippingOption,
  StripeCheckoutStatus,
  StripeCheckoutTaxAmount,
  StripeCheckoutTaxStatus,
} from '@stripe/stripe-js';
import { checkoutAmount, DEFAULT_LOCALE, minorUnitsAmountDivisor } from './format';
import type {
  EmulatorAddress,
  EmulatorAmountWithDiscount,
  EmulatorDiscount,
  EmulatorLineItem,
  EmulatorSession,
  EmulatorShippingRate,
  EmulatorTaxAmount,
} from './session-schema';

/** What the browser knows that the emulator's session JSON does not. */
export type LocalSessionState = {
  /** Server updates queued or running; `canConfirm` is false while any is. */
  pendingUpdates: number;
  confirming: boolean;
  lastPaymentError: { message: string } | null;
  /** Fields Stripe.js keeps client-side (set through actions such as updatePhoneNumber). */
  overrides: Partial<Pick<StripeCheckoutSession, 'phoneNumber' | 'businessName' | 'billingAddress'>>;
};

export const initialLocalState: LocalSessionState = {
  pendingUpdates: 0,
  confirming: false,
  lastPaymentError: null,
  overrides: {},
};

type Money = (minorUnits: number) => StripeCheckoutAmount;
type Coupon = Exclude<NonNullable<EmulatorDiscount['coupon']>, string>;
type PromotionCode = Exclude<NonNullable<EmulatorDiscount['promotion_code']>, string>;

/** Breakdown entries may name their coupon and promotion code by id only; the session's `discounts` expand them. */
type DiscountLookup = { coupons: Map<string, Coupon>; promotionCodes: Map<string, PromotionCode> };

/** Maps the emulator's snake_case session to the camelCase `StripeCheckoutSession` Stripe.js hands to apps. */
export function toCheckoutSession(
  raw: EmulatorSession,
  local: LocalSessionState = initialLocalState,
  locale: string = DEFAULT_LOCALE,
): StripeCheckoutSession {
  const currency = (raw.currency ?? raw.line_items?.data[0]?.currency ?? 'usd').toLowerCase();
  const money: Money = (minorUnits) => checkoutAmount(minorUnits, currency, locale);
  const status = toStatus(raw.status, raw.payment_status);
  const shippingOptions = (raw.shipping_options ?? []).map((option) =>
    toShippingOption(option.shipping_rate, option.shipping_amount, currency, money),
  );
  const totals = raw.total_details;
  const taxAmounts = (totals?.breakdown?.taxes ?? []).map((tax) => toTaxAmount(tax, money));
  const lookup = discountLookup(raw);
  const lineItems = (raw.line_items?.data ?? []).map((item) => toLineItem(item, money, lookup));

  return {
    id: raw.id,
    livemode: raw.livemode,
    currency,
    minorUnitsAmountDivisor: minorUnitsAmountDivisor(currency),
    canConfirm: status.type === 'open' && local.pendingUpdates === 0 && !local.confirming,
    status,
    lineItems,
    total: {
      subtotal: money(raw.amount_subtotal ?? sum(lineItems.map((item) => item.subtotal.minorUnitsAmount))),
      discount: money(totals?.amount_discount ?? 0),
      shippingRate: money(totals?.amount_shipping ?? raw.shipping_cost?.amount_total ?? 0),
      taxExclusive: money(sum(taxAmounts.filter((t) => !t.inclusive).map((t) => t.minorUnitsAmount))),
      taxInclusive: money(sum(taxAmounts.filter((t) => t.inclusive).map((t) => t.minorUnitsAmount))),
      surcharge: money(0),
      appliedBalance: money(0),
      total: money(raw.amount_total ?? 0),
      balanceAppliedToNextInvoice: false,
    },
    discountAmounts: toSessionDiscountAmounts(raw, money, lookup),
    shippingOptions,
    shipping: toShipping(raw, shippingOptions, currency, money),
    shippingAddress: toContact(
      raw.collected_information?.shipping_details?.address,
      raw.collected_information?.shipping_details?.name,
    ),
    billingAddress: toContact(raw.customer_details?.address, raw.customer_details?.name),
    email: raw.customer_details?.email ?? raw.customer_email ?? null,
    phoneNumber: raw.customer_details?.phone ?? null,
    lastPaymentError: local.lastPaymentError,
    tax: toTaxStatus(raw),
    taxAmounts: taxAmounts.length > 0 ? taxAmounts : null,
    recurring: null,
    savedPaymentMethods: null,
    surcharge: null,
    taxIdInfo: null,
    businessName: null,
    nameCollection: null,
    currencyOptions: null,
    optionalItems: null,
    ...local.overrides,
  };
}

function toStatus(status: string | null | undefined, paymentStatus: string | null | undefined): StripeCheckoutStatus {
  if (status === 'expired') return { type: 'expired' };
  if (status === 'complete') {
    const known = paymentStatus === 'paid' || paymentStatus === 'unpaid' || paymentStatus === 'no_payment_required';
    return { type: 'complete', paymentStatus: known ? paymentStatus : 'unpaid' };
  }
  return { type: 'open' };
}

function toLineItem(item: EmulatorLineItem, money: Money, lookup: DiscountLookup): StripeCheckoutLineItem {
  const price = item.price;
  const product = typeof price?.product === 'object' ? price.product : null;
  const quantity = item.quantity ?? 1;
  const taxAmounts = (item.taxes ?? []).map((tax) => toTaxAmount(tax, money));
  const discountAmounts = (item.discounts ?? []).map((d) => toDiscountAmount(d, money, lookup));
  return {
    id: item.id,
    name: item.description ?? product?.name ?? '',
    description: product?.description ?? null,
    quantity,
    unitAmount: money(price?.unit_amount ?? Math.round(item.amount_subtotal / Math.max(quantity, 1))),
    unitAmountDecimal: null,
    unitLabel: null,
    subtotal: money(item.amount_subtotal),
    discount: money(item.amount_discount),
    taxExclusive: money(
      taxAmounts.length > 0
        ? sum(taxAmounts.filter((t) => !t.inclusive).map((t) => t.minorUnitsAmount))
        : item.amount_tax,
    ),
    taxInclusive: money(sum(taxAmounts.filter((t) => t.inclusive).map((t) => t.minorUnitsAmount))),
    total: money(item.amount_total),
    discountAmounts: discountAmounts.length > 0 ? discountAmounts : null,
    taxAmounts: taxAmounts.length > 0 ? taxAmounts : null,
    recurring: price?.recurring
      ? {
          interval: toBillingInterval(price.recurring.interval),
          intervalCount: price.recurring.interval_count,
          usageType: 'licensed',
        }
      : null,
    adjustableQuantity: item.adjustable_quantity?.enabled
      ? { minimum: item.adjustable_quantity.minimum ?? 0, maximum: item.adjustable_quantity.maximum ?? 99 }
      : null,
    images: product?.images ?? [],
    priceId: price?.id ?? '',
    isRemovable: false,
    pricing: null,
    transformQuantity: null,
  };
}

function discountLookup(raw: EmulatorSession): DiscountLookup {
  const lookup: DiscountLookup = { coupons: new Map(), promotionCodes: new Map() };
  for (const discount of raw.discounts ?? []) {
    const coupon = discount.source?.coupon ?? discount.coupon;
    if (coupon && typeof coupon === 'object') lookup.coupons.set(coupon.id, coupon);
    const code = discount.promotion_code;
    if (code && typeof code === 'object') lookup.promotionCodes.set(code.id, code);
  }
  return lookup;
}

function toSessionDiscountAmounts(
  raw: EmulatorSession,
  money: Money,
  lookup: DiscountLookup,
): StripeCheckoutDiscountAmount[] {
  const breakdown = raw.total_details?.breakdown?.discounts ?? [];
  if (breakdown.length > 0) return breakdown.map((d) => toDiscountAmount(d, money, lookup));
  const [only] = raw.discounts ?? [];
  const amount = raw.total_details?.amount_discount ?? 0;
  return only && amount > 0 ? [toDiscountAmount({ amount, discount: only }, money, lookup)] : [];
}

function toDiscountAmount(
  { amount, discount }: EmulatorAmountWithDiscount,
  money: Money,
  lookup: DiscountLookup,
): StripeCheckoutDiscountAmount {
  const rawCoupon = discount.source?.coupon ?? discount.coupon ?? null;
  const coupon = typeof rawCoupon === 'string' ? (lookup.coupons.get(rawCoupon) ?? null) : rawCoupon;
  const rawCode = discount.promotion_code ?? null;
  const code = typeof rawCode === 'string' ? (lookup.promotionCodes.get(rawCode) ?? null) : rawCode;
  const promotionCode = code?.code ?? null;
  const couponId = typeof rawCoupon === 'string' ? rawCoupon : (rawCoupon?.id ?? null);
  return {
    ...money(amount),
    displayName: coupon?.name ?? promotionCode ?? couponId ?? 'Discount',
    promotionCode,
    percentOff: coupon?.percent_off ?? null,
    recurring: toDiscountRecurring(coupon),
  };
}

function toDiscountRecurring(
  coupon: { duration?: string | null; duration_in_months?: number | null } | null,
): StripeCheckoutDiscountAmount['recurring'] {
  if (coupon?.duration === 'forever') return { type: 'forever' };
  if (coupon?.duration === 'repeating' && coupon.duration_in_months) {
    return { type: 'repeating', durationInMonths: coupon.duration_in_months };
  }
  return null;
}

function toShippingOption(
  rate: string | EmulatorShippingRate,
  amount: number,
  currency: string,
  money: Money,
): StripeCheckoutShippingOption {
  if (typeof rate === 'string') {
    return { id: rate, currency, displayName: null, deliveryEstimate: null, ...money(amount) };
  }
  return {
    id: rate.id,
    currency: (rate.fixed_amount?.currency ?? currency).toLowerCase(),
    displayName: rate.display_name ?? null,
    deliveryEstimate: toDeliveryEstimate(rate.delivery_estimate),
    ...money(amount),
  };
}

function toShipping(
  raw: EmulatorSession,
  options: StripeCheckoutShippingOption[],
  currency: string,
  money: Money,
): StripeCheckoutShipping | null {
  const cost = raw.shipping_cost;
  if (!cost?.shipping_rate) return null;
  const id = typeof cost.shipping_rate === 'string' ? cost.shipping_rate : cost.shipping_rate.id;
  const shippingOption =
    options.find((option) => option.id === id) ??
    toShippingOption(cost.shipping_rate, cost.amount_total, currency, money);
  const taxAmounts = (cost.taxes ?? []).map((tax) => toTaxAmount(tax, money));
  return { shippingOption, taxAmounts: taxAmounts.length > 0 ? taxAmounts : null };
}

/** Until Stripe Tax knows where the order goes, it asks for the address the session collects. */
function toTaxStatus(raw: EmulatorSession): StripeCheckoutTaxStatus {
  if (!raw.automatic_tax?.enabled || raw.automatic_tax.status !== 'requires_location_inputs')
    return { status: 'ready' };
  return { status: raw.shipping_address_collection ? 'requires_shipping_address' : 'requires_billing_address' };
}

function toDeliveryEstimate(
  estimate: EmulatorShippingRate['delivery_estimate'],
): StripeCheckoutDeliveryEstimate | null {
  if (!estimate) return null;
  return { minimum: toEstimate(estimate.minimum), maximum: toEstimate(estimate.maximum) };
}

const ESTIMATE_UNITS = ['business_day', 'day', 'hour', 'week', 'month'] as const;

function toEstimate(estimate: { unit: string; value: number } | null | undefined): StripeCheckoutEstimate | null {
  if (!estimate) return null;
  const unit = ESTIMATE_UNITS.find((u) => u === estimate.unit);
  return unit ? { unit, value: estimate.value } : null;
}

const BILLING_INTERVALS = ['day', 'month', 'week', 'year'] as const;

function toBillingInterval(interval: string): StripeCheckoutBillingInterval {
  return BILLING_INTERVALS.find((i) => i === interval) ?? 'month';
}

function toTaxAmount(tax: EmulatorTaxAmount, money: Money): StripeCheckoutTaxAmount {
  const percentage = tax.rate?.percentage;
  return {
    ...money(tax.amount),
    inclusive: tax.rate?.inclusive ?? false,
    displayName: tax.rate?.display_name ?? 'Tax',
    ...(percentage == null ? {} : { percentage }),
  };
}

function toContact(
  address: EmulatorAddress | null | undefined,
  name: string | null | undefined,
): StripeCheckoutContact | null {
  if (!address) return null;
  return {
    name: name ?? null,
    address: {
      country: address.country ?? '',
      line1: address.line1 ?? null,
      line2: address.line2 ?? null,
      city: address.city ?? null,
      postal_code: address.postal_code ?? null,
      state: address.state ?? null,
    },
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
