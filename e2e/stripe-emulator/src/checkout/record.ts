import type Stripe from 'stripe';

/** One line of a session as stored; amounts are derived from the Price when rendered. */
export interface LineItemRecord {
  id: string;
  priceId: string;
  quantity: number;
  adjustableQuantity: Stripe.LineItem.AdjustableQuantity | null;
  metadata: Record<string, string>;
}

export interface DiscountRecord {
  id: string;
  couponId: string;
  promotionCodeId: string | null;
  start: number;
}

export type Permission = 'client_only' | 'server_only';

export interface SessionPermissions {
  update_shipping_details: Permission;
  update_line_items: Permission;
  update_discounts: Permission;
}

export interface ShippingDetails {
  name: string;
  address: Stripe.Address;
}

export interface AutomaticTaxRecord {
  enabled: boolean;
  liability: Stripe.Checkout.Session.AutomaticTax.Liability | null;
}

/** The stored state of a Checkout Session (`GET /_emulator/sessions/:id` answers this). */
export interface SessionRecord {
  id: string;
  clientSecret: string;
  created: number;
  expiresAt: number;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'unpaid' | 'paid' | 'no_payment_required';
  currency: string;
  automaticTax: AutomaticTaxRecord;
  lineItems: LineItemRecord[];
  shippingRateIds: string[];
  selectedShippingRateId: string | null;
  allowedCountries: string[] | null;
  permissions: SessionPermissions;
  discount: DiscountRecord | null;
  /** The Customer the session was created for (`customer`); its email is then `customerEmail`, prefilled. */
  customerId: string | null;
  customerEmail: string | null;
  collectedEmail: string | null;
  shippingDetails: ShippingDetails | null;
  billingDetails: { name: string | null; address: Stripe.Address | null } | null;
  metadata: Record<string, string>;
  returnUrl: string;
  clientReferenceId: string | null;
  locale: string | null;
  billingAddressCollection: 'auto' | 'required' | null;
  phoneNumberCollection: boolean;
  allowPromotionCodes: boolean | null;
  paymentIntentData: { description: string | null; metadata: Record<string, string> };
  paymentIntentId: string | null;
  completedAt: number | null;
}
