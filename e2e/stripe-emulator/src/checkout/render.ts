import type Stripe from 'stripe';
import { getCoupon, renderCoupon } from '../resources/coupons';
import { getPrice, renderPrice } from '../resources/prices';
import { getPromotionCode, renderPromotionCode } from '../resources/promotion-codes';
import { getShippingRate, shippingAmount } from '../resources/shipping-rates';
import type { Store } from '../store';
import type { LineItemRecord, SessionRecord } from './record';
import { sessionTaxInput } from './session-tax';
import { computeTotals, type Totals } from './totals';

/** How many line items an expanded `line_items` carries (the rest via `listLineItems`). */
export const EXPANDED_LINE_ITEMS_PAGE = 10;

export function sessionTotals(store: Store, record: SessionRecord): Totals {
  const coupon = record.discount ? getCoupon(store, record.discount.couponId) : null;
  const selected = record.selectedShippingRateId ? getShippingRate(store, record.selectedShippingRateId) : null;
  return computeTotals({
    lines: record.lineItems.map((line) => ({
      unitAmount: getPrice(store, line.priceId).unit_amount ?? 0,
      quantity: line.quantity,
    })),
    coupon: coupon ? { percentOff: coupon.percent_off, amountOff: coupon.amount_off } : null,
    shippingAmount: selected ? shippingAmount(selected) : null,
    tax: sessionTaxInput(store, record),
  });
}

/** `expand`: `price.product` and `taxes`, the paths a line item can expand. */
export function renderLineItems(
  store: Store,
  record: SessionRecord,
  totals: Totals,
  expand: ReadonlySet<string>,
): Stripe.LineItem[] {
  return record.lineItems.map((line: LineItemRecord, index) => {
    const price = getPrice(store, line.priceId);
    const amounts = totals.lines[index] ?? { subtotal: 0, discount: 0, tax: 0, taxes: [], total: 0 };
    const product = typeof price.product === 'string' ? store.products.get(price.product) : undefined;
    return {
      id: line.id,
      object: 'item',
      adjustable_quantity: line.adjustableQuantity,
      amount_discount: amounts.discount,
      amount_subtotal: amounts.subtotal,
      amount_tax: amounts.tax,
      amount_total: amounts.total,
      currency: price.currency,
      description: product?.name ?? null,
      metadata: line.metadata,
      price: renderPrice(store, price, expand.has('price.product')),
      quantity: line.quantity,
      ...(expand.has('taxes') ? { taxes: amounts.taxes } : {}),
    };
  });
}

function renderDiscountObject(store: Store, record: SessionRecord): Stripe.Discount | null {
  const discount = record.discount;
  if (!discount) return null;
  return {
    id: discount.id,
    object: 'discount',
    checkout_session: record.id,
    customer: null,
    customer_account: null,
    end: null,
    invoice: null,
    invoice_item: null,
    promotion_code: discount.promotionCodeId,
    source: { coupon: getCoupon(store, discount.couponId).id, type: 'coupon' },
    start: discount.start,
    subscription: null,
    subscription_item: null,
  };
}

function renderCustomerDetails(record: SessionRecord): Stripe.Checkout.Session.CustomerDetails | null {
  const email = record.collectedEmail ?? record.customerEmail;
  if (email === null && record.status !== 'complete') return null;
  return {
    address: record.billingDetails?.address ?? record.shippingDetails?.address ?? null,
    business_name: null,
    email,
    individual_name: null,
    name: record.billingDetails?.name ?? record.shippingDetails?.name ?? null,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
}

/** The session as Stripe returns it, with the requested `expand` paths (see SESSION_EXPANDABLE). */
export function renderSession(
  store: Store,
  record: SessionRecord,
  expand: ReadonlySet<string> = new Set(),
): Stripe.Checkout.Session {
  const totals = sessionTotals(store, record);
  const rate = (id: string, expanded: boolean) => (expanded ? getShippingRate(store, id) : id);
  const discountObject = renderDiscountObject(store, record);
  const permissions: Stripe.Checkout.Session.Permissions & { update_line_items: string; update_discounts: string } = {
    update_shipping_details: record.permissions.update_shipping_details,
    update_line_items: record.permissions.update_line_items,
    update_discounts: record.permissions.update_discounts,
  };
  const totalDetails: Stripe.Checkout.Session.TotalDetails = {
    amount_discount: totals.discount,
    amount_shipping: totals.shipping,
    amount_tax: totals.tax,
  };
  if (expand.has('total_details.breakdown')) {
    totalDetails.breakdown = {
      discounts: discountObject ? [{ amount: totals.discount, discount: discountObject }] : [],
      taxes: totals.taxes,
    };
  }
  const selectedRateId = record.selectedShippingRateId;
  const session: Stripe.Checkout.Session = {
    id: record.id,
    object: 'checkout.session',
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: record.allowPromotionCodes,
    allowed_payment_method_types: null,
    amount_subtotal: totals.subtotal,
    amount_total: totals.total,
    automatic_tax: record.automaticTax.enabled
      ? { enabled: true, liability: record.automaticTax.liability, provider: 'stripe', status: totals.taxStatus }
      : { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: record.billingAddressCollection,
    cancel_url: null,
    client_reference_id: record.clientReferenceId,
    client_secret: record.clientSecret,
    collected_information: {
      business_name: null,
      individual_name: null,
      shipping_details: record.shippingDetails,
    },
    consent: null,
    consent_collection: null,
    created: record.created,
    currency: record.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: record.customerId,
    customer_account: null,
    customer_creation: 'if_required',
    customer_details: renderCustomerDetails(record),
    // With a Customer, Stripe prefills its email and leaves `customer_email` empty.
    customer_email: record.customerId ? null : record.customerEmail,
    discounts: record.discount
      ? [
          {
            coupon: expand.has('discounts.coupon')
              ? renderCoupon(store, getCoupon(store, record.discount.couponId))
              : record.discount.couponId,
            promotion_code:
              record.discount.promotionCodeId === null
                ? null
                : expand.has('discounts.promotion_code')
                  ? renderPromotionCode(store, getPromotionCode(store, record.discount.promotionCodeId), false)
                  : record.discount.promotionCodeId,
          },
        ]
      : [],
    expires_at: record.expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: record.locale,
    managed_payments: null,
    metadata: record.metadata,
    mode: 'payment',
    origin_context: null,
    payment_intent:
      record.paymentIntentId && expand.has('payment_intent')
        ? (store.paymentIntents.get(record.paymentIntentId) ?? record.paymentIntentId)
        : record.paymentIntentId,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ['card'],
    payment_status: record.paymentStatus,
    permissions,
    phone_number_collection: { enabled: record.phoneNumberCollection },
    recovered_from: null,
    redirect_on_completion: 'always',
    return_url: record.returnUrl,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: record.allowedCountries ? { allowed_countries: record.allowedCountries } : null,
    shipping_cost: selectedRateId
      ? {
          amount_subtotal: totals.shipping,
          amount_tax: totals.shippingTax,
          amount_total: totals.shippingTotal,
          shipping_rate: rate(selectedRateId, expand.has('shipping_cost.shipping_rate')),
          ...(record.automaticTax.enabled ? { taxes: totals.shippingTaxes } : {}),
        }
      : null,
    shipping_options: record.shippingRateIds.map((id) => ({
      shipping_amount: shippingAmount(getShippingRate(store, id)),
      shipping_rate: rate(id, expand.has('shipping_options.shipping_rate')),
    })),
    status: record.status,
    submit_type: null,
    subscription: null,
    success_url: null,
    total_details: totalDetails,
    ui_mode: 'elements',
    url: null,
    wallet_options: null,
  };
  const inLines = 'line_items.data.';
  const lineExpand = new Set(
    [...expand].filter((path) => path.startsWith(inLines)).map((path) => path.slice(inLines.length)),
  );
  if (expand.has('line_items') || lineExpand.size > 0) {
    const items = renderLineItems(store, record, totals, lineExpand);
    session.line_items = {
      object: 'list',
      data: items.slice(0, EXPANDED_LINE_ITEMS_PAGE),
      has_more: items.length > EXPANDED_LINE_ITEMS_PAGE,
      url: `/v1/checkout/sessions/${record.id}/line_items`,
    };
  }
  return session;
}
