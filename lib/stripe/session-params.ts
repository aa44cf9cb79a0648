/**
 * Maps a server-computed `Quote` to Stripe Checkout Session create/update parameters. Pure: no I/O, no client amounts.
 * Every update carries the FULL desired state (all lines, all shipping options, the discount): Stripe replaces those
 * lists on update rather than merging them.
 */
import type Stripe from 'stripe';
import type {
  AppliedDiscount,
  CheckoutSelections,
  Quote,
  QuoteLine,
  QuoteShippingOption,
  ShippingAddress,
} from '@/lib/pricing/types';
import type { TaxBehavior } from '@/lib/tax/behavior';
import { TAX_CODES } from '@/lib/tax/codes';

/** Stripe-Version for updates that carry `discounts`, a private-preview parameter. */
export const SERVER_UPDATE_API_VERSION = '2026-10-28.endive; checkout_server_update_beta=v1';

/** Metadata key on every line item (and its product) holding `QuoteLine.key`. */
export const LINE_KEY_METADATA = 'line_key';
/** Metadata key on every shipping rate holding the store's own method id. */
export const METHOD_ID_METADATA = 'method_id';

type GaCreateParams = Stripe.Checkout.SessionCreateParams;
type PermissionValue = 'client_only' | 'server_only';

/** GA permissions plus the private-preview `update_discounts` (not in stripe@23 GA types). */
export type PreviewPermissions = NonNullable<GaCreateParams['permissions']> & { update_discounts?: PermissionValue };

/** Create params with the preview permission; assignable to `Stripe.Checkout.SessionCreateParams`. */
export type SessionCreateParamsWithPreview = Omit<GaCreateParams, 'permissions'> & { permissions?: PreviewPermissions };

/** `coupon_data` accepted by the preview `discounts` update parameter. */
export type PreviewCouponData = {
  amount_off: number;
  currency: string;
  name: string;
  duration: 'once';
  /** Which discount rules the coupon stands for (`couponMetadataOf`), so fulfilment can read what Stripe applied. */
  metadata?: Record<string, string>;
};
export type PreviewDiscountParam = { coupon: string } | { coupon_data: PreviewCouponData };

/** GA update params plus the private-preview `discounts` (`''` clears). */
export type SessionUpdateParamsWithPreview = Stripe.Checkout.SessionUpdateParams & {
  discounts?: '' | PreviewDiscountParam[];
};

export type CreateOptions = {
  /** Where Stripe sends the shopper after a redirect-based payment; may contain `{CHECKOUT_SESSION_ID}`. */
  returnUrl: string;
  allowedCountries: ReadonlyArray<string>;
  /** The signed-in customer's Stripe Customer (`cus_…`): Stripe prefills (and locks) its email. */
  customer?: string;
  /** A guest's email to prefill; ignored with `customer` (Stripe takes one or the other). */
  customerEmail?: string;
  metadata: Record<string, string>;
  /** When the session expires: a Date, or unix seconds. Stripe accepts 30 min – 24 h after creation. */
  expiresAt: Date | number;
  /** Create with `permissions.update_discounts: 'server_only'` (needed to set discounts from the server later). */
  serverOnlyDiscounts: boolean;
  /** Origin used to turn `/products/x.svg` into an absolute image URL; images are omitted without it. */
  assetOrigin?: string;
  /** Stripe Tax: `automatic_tax` on, every price and rate with this tax behavior and its tax code; absent: no tax. */
  tax?: TaxBehavior | null;
};

export type UpdateOptions = {
  /** Send `discounts` (and the preview Stripe-Version). Only for sessions created with `serverOnlyDiscounts`. */
  includeDiscounts: boolean;
  assetOrigin?: string;
  /** For a session created with Stripe Tax: the tax behavior of the market it now ships to. */
  tax?: TaxBehavior | null;
};

export type UpdateRequest = {
  params: SessionUpdateParamsWithPreview;
  /** Per-request Stripe-Version override, or undefined for the account/client default. */
  apiVersion: string | undefined;
};

export function toSessionCreateParams(quote: Quote, options: CreateOptions): SessionCreateParamsWithPreview {
  const permissions: PreviewPermissions = { update_shipping_details: 'server_only' };
  if (options.serverOnlyDiscounts) permissions.update_discounts = 'server_only';
  const params: SessionCreateParamsWithPreview = {
    ui_mode: 'elements',
    mode: 'payment',
    line_items: quote.lines.map((line) => toLineItem(line, quote.currency, options)),
    shipping_address_collection: { allowed_countries: [...options.allowedCountries] },
    permissions,
    return_url: options.returnUrl,
    metadata: { ...options.metadata },
    expires_at: toUnixSeconds(options.expiresAt),
  };
  if (quote.shippingOptions.length > 0) params.shipping_options = toShippingOptions(quote, options.tax ?? null);
  if (options.customer) params.customer = options.customer;
  else if (options.customerEmail) params.customer_email = options.customerEmail;
  if (options.tax) params.automatic_tax = { enabled: true };
  return params;
}

export function toSessionUpdateParams(
  quote: Quote,
  selections: CheckoutSelections,
  options: UpdateOptions,
): UpdateRequest {
  const params: SessionUpdateParamsWithPreview = {
    line_items: quote.lines.map((line) => toLineItem(line, quote.currency, options)),
    shipping_options: quote.shippingOptions.length > 0 ? toShippingOptions(quote, options.tax ?? null) : '',
    expand: ['line_items'],
  };
  if (selections.shippingAddress) {
    params.collected_information = { shipping_details: toShippingDetails(selections.shippingAddress) };
  }
  if (!options.includeDiscounts) return { params, apiVersion: undefined };
  params.discounts = toDiscounts(quote);
  return { params, apiVersion: SERVER_UPDATE_API_VERSION };
}

/** The store's method id of a Stripe shipping rate (expanded object), or null when unknown / not expanded. */
export function methodIdOfShippingRate(rate: string | Stripe.ShippingRate | null | undefined): string | null {
  if (!rate || typeof rate === 'string') return null;
  return rate.metadata[METHOD_ID_METADATA] ?? null;
}

/** The store's method id of the session's selected shipping rate (needs `shipping_cost.shipping_rate` expanded). */
export function selectedMethodIdOfSession(session: Pick<Stripe.Checkout.Session, 'shipping_cost'>): string | null {
  return methodIdOfShippingRate(session.shipping_cost?.shipping_rate);
}

/**
 * `shr_…` id → store method id for every offered option whose rate is expanded
 * (`expand: ['shipping_options.shipping_rate']`). Stripe mints new `shr_` ids on every update.
 */
export function methodIdsByShippingRateId(
  session: Pick<Stripe.Checkout.Session, 'shipping_options'>,
): Map<string, string> {
  const map = new Map<string, string>();
  for (const option of session.shipping_options) {
    const rate = option.shipping_rate;
    const methodId = methodIdOfShippingRate(rate);
    if (methodId && typeof rate !== 'string') map.set(rate.id, methodId);
  }
  return map;
}

/** `QuoteLine.key` of a Stripe line item, from its metadata (or its expanded product's metadata). */
export function lineKeyOfLineItem(item: Pick<Stripe.LineItem, 'metadata' | 'price'>): string | null {
  const own = item.metadata?.[LINE_KEY_METADATA];
  if (own) return own;
  const product = item.price?.product;
  if (product && typeof product !== 'string' && !('deleted' in product && product.deleted)) {
    return product.metadata[LINE_KEY_METADATA] ?? null;
  }
  return null;
}

/**
 * Whether a session Stripe reports is exactly the state a quote asked for: the same lines (by key, quantity and unit
 * amount, in order), the same selected shipping method and the same total. Reads `line_items` and
 * `shipping_cost.shipping_rate` expanded.
 */
export function sessionMatchesQuote(
  session: Pick<Stripe.Checkout.Session, 'amount_total' | 'line_items' | 'shipping_cost' | 'total_details'>,
  quote: Pick<Quote, 'lines' | 'selectedShippingMethodId' | 'total'>,
  tax: TaxBehavior | null,
): boolean {
  const items = session.line_items?.data ?? [];
  if (totalBeforeTax(session, tax) !== quote.total || items.length !== quote.lines.length) return false;
  const sameLines = items.every((item, i) => {
    const line = quote.lines[i];
    return (
      line !== undefined &&
      lineKeyOfLineItem(item) === line.key &&
      item.quantity === line.quantity &&
      item.price?.unit_amount === line.unitAmount
    );
  });
  return sameLines && selectedMethodIdOfSession(session) === quote.selectedShippingMethodId;
}

/**
 * Stripe's total before tax — what must equal the server's quote: `amount_total` less the tax Stripe added on top
 * (exclusive prices); VAT inside inclusive prices is already part of the quote.
 */
export function totalBeforeTax(
  session: { amount_total: number | null; total_details?: { amount_tax?: number | null } | null },
  tax: TaxBehavior | null,
): number | null {
  if (session.amount_total === null) return null;
  return tax === 'exclusive' ? session.amount_total - (session.total_details?.amount_tax ?? 0) : session.amount_total;
}

type LineItemParam = Stripe.Checkout.SessionCreateParams.LineItem & Stripe.Checkout.SessionUpdateParams.LineItem;

function toLineItem(
  line: QuoteLine,
  currency: string,
  options: { assetOrigin?: string; tax?: TaxBehavior | null },
): LineItemParam {
  const productData: Stripe.Checkout.SessionCreateParams.LineItem.PriceData.ProductData = {
    name: line.name,
    metadata: { [LINE_KEY_METADATA]: line.key },
  };
  if (line.description) productData.description = line.description;
  const image = absoluteImageUrl(line.image, options.assetOrigin);
  if (image) productData.images = [image];
  const priceData: Stripe.Checkout.SessionCreateParams.LineItem.PriceData = {
    currency,
    unit_amount: line.unitAmount,
    product_data: productData,
  };
  if (options.tax) {
    priceData.tax_behavior = options.tax;
    productData.tax_code = line.taxCode;
  }
  return { price_data: priceData, quantity: line.quantity, metadata: { [LINE_KEY_METADATA]: line.key } };
}

/** Stripe only accepts absolute http(s) image URLs; anything else is left out. */
export function absoluteImageUrl(image: string | null, assetOrigin: string | undefined): string | null {
  if (!image || !assetOrigin) return null;
  try {
    const url = new URL(image, assetOrigin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

type ShippingOptionParam = Stripe.Checkout.SessionCreateParams.ShippingOption &
  Stripe.Checkout.SessionUpdateParams.ShippingOption;

/** Stripe pre-selects the first option, so the quote's selected option (already first) leads. */
function toShippingOptions(quote: Quote, tax: TaxBehavior | null): ShippingOptionParam[] {
  return quote.shippingOptions.map((option) => toShippingOption(option, quote.currency, tax));
}

function toShippingOption(option: QuoteShippingOption, currency: string, tax: TaxBehavior | null): ShippingOptionParam {
  return {
    shipping_rate_data: {
      ...(tax ? { tax_behavior: tax, tax_code: TAX_CODES.shipping } : {}),
      display_name: option.displayName,
      type: 'fixed_amount',
      fixed_amount: { amount: option.amount, currency },
      delivery_estimate: {
        minimum: { ...option.deliveryEstimate.minimum },
        maximum: { ...option.deliveryEstimate.maximum },
      },
      metadata: { [METHOD_ID_METADATA]: option.methodId },
    },
  };
}

function toShippingDetails(
  address: ShippingAddress,
): Stripe.Checkout.SessionUpdateParams.CollectedInformation.ShippingDetails {
  const details: Stripe.Checkout.SessionUpdateParams.CollectedInformation.ShippingDetails = {
    name: address.name,
    address: { line1: address.line1, country: address.country },
  };
  if (address.line2) details.address.line2 = address.line2;
  if (address.city) details.address.city = address.city;
  if (address.state) details.address.state = address.state;
  if (address.postalCode) details.address.postal_code = address.postalCode;
  return details;
}

/** Coupon metadata keys: the applied rule ids, and their amounts in the same order (comma-separated). */
export const COUPON_RULE_IDS_METADATA = 'rule_ids';
export const COUPON_RULE_AMOUNTS_METADATA = 'rule_amounts';
/** Present (`'true'`) when the rules did not fit Stripe's 500-character metadata values: the list is incomplete. */
export const COUPON_RULES_TRUNCATED_METADATA = 'rules_truncated';
const METADATA_VALUE_MAX = 500;

/**
 * The metadata of the one coupon standing for `applied`: `rule_ids=a,b` and `rule_amounts=100,250` (3 keys at most,
 * each value within Stripe's 500 characters; rules that do not fit are left out and `rules_truncated` says so).
 */
export function couponMetadataOf(applied: ReadonlyArray<AppliedDiscount>): Record<string, string> {
  const ids: string[] = [];
  const amounts: string[] = [];
  let truncated = false;
  for (const { ruleId, amount } of applied) {
    const nextIds = [...ids, ruleId].join(',');
    const nextAmounts = [...amounts, String(amount)].join(',');
    if (ruleId.includes(',') || nextIds.length > METADATA_VALUE_MAX || nextAmounts.length > METADATA_VALUE_MAX) {
      truncated = true;
      continue;
    }
    ids.push(ruleId);
    amounts.push(String(amount));
  }
  const metadata: Record<string, string> = {
    [COUPON_RULE_IDS_METADATA]: ids.join(','),
    [COUPON_RULE_AMOUNTS_METADATA]: amounts.join(','),
  };
  if (truncated) metadata[COUPON_RULES_TRUNCATED_METADATA] = 'true';
  return metadata;
}

export type CouponRules = { applied: Array<{ ruleId: string; amount: number }>; complete: boolean };

/** The rules a coupon made by `couponMetadataOf` stands for, or null when its metadata does not name any (not ours). */
export function rulesOfCouponMetadata(
  metadata: Readonly<Record<string, string>> | null | undefined,
): CouponRules | null {
  const ids = metadata?.[COUPON_RULE_IDS_METADATA];
  const amounts = metadata?.[COUPON_RULE_AMOUNTS_METADATA];
  if (ids === undefined || amounts === undefined) return null;
  const idList = ids === '' ? [] : ids.split(',');
  const amountList = amounts === '' ? [] : amounts.split(',');
  if (idList.length !== amountList.length) return null;
  const applied: CouponRules['applied'] = [];
  for (const [index, ruleId] of idList.entries()) {
    const amount = Number(amountList[index]);
    if (!ruleId || !Number.isSafeInteger(amount) || amount < 0) return null;
    applied.push({ ruleId, amount });
  }
  return { applied, complete: metadata?.[COUPON_RULES_TRUNCATED_METADATA] !== 'true' };
}

/** One amount-off coupon for the whole discount, or `''` to clear (Stripe rejects a zero `amount_off`). */
function toDiscounts(quote: Quote): '' | PreviewDiscountParam[] {
  if (!quote.discount || quote.discountAmount <= 0) return '';
  return [
    {
      coupon_data: {
        amount_off: quote.discountAmount,
        currency: quote.currency,
        name: quote.discount.name,
        duration: 'once',
        metadata: couponMetadataOf(quote.discount.applied),
      },
    },
  ];
}

function toUnixSeconds(at: Date | number): number {
  return typeof at === 'number' ? Math.floor(at) : Math.floor(at.getTime() / 1000);
}
