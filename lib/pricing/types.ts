/**
 * The contract between the checkout service (I/O) and the pure quote engine.
 * The service loads a checkout record, builds `CheckoutSelections`, asks `buildQuote` for the complete desired
 * session, and sends it to Stripe in one call. Nothing here is ever computed from client-sent amounts.
 */
import type { Currency } from '@/lib/money';

export type ShippingAddress = {
  name: string;
  line1: string;
  line2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
};

/** What the shopper chose, as stored on the server. Ids only: no amounts. */
export type CheckoutSelections = {
  items: ReadonlyArray<{ productId: string; quantity: number }>;
  /** Selected add-ons. `productId` is set for per-item add-ons (warranty) and null for per-order ones (gift wrap). */
  addOns: ReadonlyArray<{ addOnId: string; productId: string | null }>;
  giftMessage: string | null;
  shippingAddress: ShippingAddress | null;
  /** The store's own shipping method id ('standard', 'express', …), never a Stripe `shr_` id. */
  shippingMethodId: string | null;
  /** Codes the shopper applied (normalised: trimmed, upper case). Filled by the discounts feature. */
  discountCodes: ReadonlyArray<string>;
  /** The signed-in customer chose to pay with their store credit (absent: no). */
  useStoreCredit?: boolean;
};

export type QuoteLine = {
  /** Stable key of the line: `product:<productId>`, `add-on:<addOnId>` or `add-on:<addOnId>:<productId>`. */
  key: string;
  kind: 'product' | 'add-on';
  productId: string | null;
  addOnId: string | null;
  /** Shown to the shopper by Stripe, e.g. "Extended warranty (2 years) — Noise-cancelling headphones". */
  name: string;
  description: string | null;
  /** Absolute image URL path (e.g. /products/x.svg) or null. */
  image: string | null;
  /** Stripe Tax product tax code (`txcd_…`), from the catalog. */
  taxCode: string;
  unitAmount: number;
  quantity: number;
  /** unitAmount × quantity. */
  amount: number;
};

export type DeliveryEstimate = {
  minimum: { unit: 'business_day' | 'day'; value: number };
  maximum: { unit: 'business_day' | 'day'; value: number };
};

export type QuoteShippingOption = {
  /** The store's own method id. Stripe's `shr_` ids change on every update; map them through this id. */
  methodId: string;
  displayName: string;
  amount: number;
  deliveryEstimate: DeliveryEstimate;
};

export type AppliedDiscount = { ruleId: string; label: string; amount: number };

export type QuoteDiscount = {
  /** Coupon name sent to Stripe, listing what applied. */
  name: string;
  amount: number;
  applied: ReadonlyArray<AppliedDiscount>;
};

export type Quote = {
  currency: Currency;
  lines: ReadonlyArray<QuoteLine>;
  /** Offered options, the selected one first (Stripe selects the first option of `shipping_options`). Empty until an address is known. */
  shippingOptions: ReadonlyArray<QuoteShippingOption>;
  selectedShippingMethodId: string | null;
  discount: QuoteDiscount | null;
  /** Sum of line amounts. */
  subtotal: number;
  shippingAmount: number;
  discountAmount: number;
  /** subtotal + shippingAmount − discountAmount, never below zero. Must equal Stripe's amount_total. */
  total: number;
};
