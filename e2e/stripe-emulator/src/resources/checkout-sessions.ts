import { z } from 'zod';
import { resolveCreateDiscount, resolveUpdateDiscount } from '../checkout/discounts';
import { expireSession, refreshExpiry } from '../checkout/lifecycle';
import { checkCurrency, createLineItems, replaceLineItems } from '../checkout/line-items';
import {
  type CreateSessionParams,
  createSessionSchema,
  SESSION_EXPANDABLE,
  type UpdateSessionParams,
  updateSessionSchema,
} from '../checkout/params';
import type { SessionRecord, ShippingDetails } from '../checkout/record';
import { renderLineItems, renderSession, sessionTotals } from '../checkout/render';
import { checkAutomaticTax, resolveAutomaticTax } from '../checkout/session-tax';
import { resolveShippingOptions } from '../checkout/shipping';
import { invalidParam, invalidRequest, missingParam, notEmulated, resourceMissing, unknownParam } from '../http/errors';
import { resolveExpand } from '../http/expand';
import { createdFilter, matchesCreated, paginate, paginationShape } from '../http/list';
import { expandList, oneOf, parseParams, str } from '../http/params';
import type { ApiRequest, Router } from '../http/router';
import { newId } from '../ids';
import type { RequestRef, Store } from '../store';
import { getCustomer } from './customers';

const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;
const BETA_FLAG = 'checkout_server_update_beta=v1';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isValidEmail(email: string): boolean {
  return EMAIL.test(email) && email.length <= 800;
}

export function getSession(store: Store, id: string): SessionRecord {
  const record = store.sessions.get(id);
  if (!record) throw resourceMissing('checkout.session', id);
  refreshExpiry(store, record);
  return record;
}

export function notOpenError(record: SessionRecord, action: string) {
  return invalidRequest(
    `This Checkout Session is not open (its status is \`${record.status}\`), so it can't be ${action}.`,
    { code: 'checkout_session_not_open' },
  );
}

function checkReturnUrl(url: string | undefined): string {
  if (url === undefined) throw missingParam('return_url');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidParam(`Not a valid URL: ${url}`, 'return_url', 'url_invalid');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalidParam(`Not a valid URL: ${url}`, 'return_url', 'url_invalid');
  }
  return url;
}

function checkModes(params: CreateSessionParams): void {
  if (params.mode !== 'payment') throw notEmulated(`mode=${params.mode}`, 'mode');
  const uiMode = params.ui_mode ?? 'hosted_page';
  if (uiMode !== 'elements')
    throw notEmulated(`ui_mode=${uiMode}; the emulator only serves ui_mode=elements`, 'ui_mode');
  for (const param of ['success_url', 'cancel_url'] as const) {
    if (params[param] !== undefined) {
      throw invalidParam(
        `You cannot set \`${param}\` when \`ui_mode\` is \`elements\`; use \`return_url\` instead.`,
        param,
      );
    }
  }
}

function checkExpiresAt(store: Store, expiresAt: number | undefined): number {
  const now = store.clock.now();
  if (expiresAt === undefined) return now + MAX_EXPIRY_SECONDS;
  if (expiresAt < now + MIN_EXPIRY_SECONDS || expiresAt > now + MAX_EXPIRY_SECONDS) {
    throw invalidParam(
      'The `expires_at` timestamp must be at least 30 minutes and at most 24 hours after the Checkout Session is created.',
      'expires_at',
    );
  }
  return expiresAt;
}

function createSession(store: Store, params: CreateSessionParams): SessionRecord {
  checkModes(params);
  const returnUrl = checkReturnUrl(params.return_url);
  if (!params.line_items) throw missingParam('line_items');
  if (params.customer_email !== undefined && !isValidEmail(params.customer_email)) {
    throw invalidParam(`Invalid email address: ${params.customer_email}`, 'customer_email', 'email_invalid');
  }
  if (params.customer !== undefined && params.customer_email !== undefined) {
    throw invalidParam(
      'You may only specify one of these parameters: customer, customer_email.',
      'customer_email',
      'parameters_exclusive',
    );
  }
  const customer = params.customer === undefined ? null : getCustomer(store, params.customer, 'customer');
  if (params.discounts && params.allow_promotion_codes !== undefined) {
    throw invalidParam(
      'You may only specify one of these parameters: allow_promotion_codes, discounts.',
      'allow_promotion_codes',
      'parameters_exclusive',
    );
  }
  const expiresAt = checkExpiresAt(store, params.expires_at);
  const lineItems = createLineItems(store, params.line_items);
  const currency = checkCurrency(store, lineItems, params.line_items, params.currency);
  const shippingRateIds = resolveShippingOptions(store, params.shipping_options ?? [], currency);
  const id = newId.checkoutSession();
  const record: SessionRecord = {
    id,
    clientSecret: newId.clientSecret(id),
    created: store.clock.now(),
    expiresAt,
    status: 'open',
    paymentStatus: 'unpaid',
    currency,
    automaticTax: resolveAutomaticTax(params.automatic_tax),
    lineItems,
    shippingRateIds,
    selectedShippingRateId: shippingRateIds[0] ?? null,
    allowedCountries: params.shipping_address_collection?.allowed_countries ?? null,
    permissions: {
      update_shipping_details: params.permissions?.update_shipping_details ?? 'client_only',
      update_line_items: params.permissions?.update_line_items ?? 'client_only',
      update_discounts: params.permissions?.update_discounts ?? 'client_only',
    },
    discount: null,
    customerId: customer?.id ?? null,
    customerEmail: params.customer_email ?? customer?.email ?? null,
    collectedEmail: null,
    shippingDetails: null,
    billingDetails: null,
    metadata: params.metadata ?? {},
    returnUrl,
    clientReferenceId: params.client_reference_id ?? null,
    locale: params.locale ?? null,
    billingAddressCollection: params.billing_address_collection ?? null,
    phoneNumberCollection: params.phone_number_collection?.enabled ?? false,
    allowPromotionCodes: params.allow_promotion_codes ?? null,
    paymentIntentData: {
      description: params.payment_intent_data?.description ?? null,
      metadata: params.payment_intent_data?.metadata ?? {},
    },
    paymentIntentId: null,
    completedAt: null,
  };
  checkAutomaticTax(store, record, params);
  record.discount = resolveCreateDiscount(store, params.discounts, {
    currency,
    subtotal: sessionTotals(store, record).subtotal,
  });
  store.sessions.set(id, record);
  return record;
}

function checkShippingCountry(record: SessionRecord, details: ShippingDetails, param: string): void {
  const country = details.address.country;
  if (record.allowedCountries && country !== null && !record.allowedCountries.includes(country)) {
    throw invalidParam(
      `The country ${country} is not in this session's shipping_address_collection[allowed_countries].`,
      param,
      'shipping_address_invalid',
    );
  }
}

function mergeMetadata(current: Record<string, string>, update: Record<string, string> | '' | undefined) {
  if (update === undefined) return current;
  if (update === '') return {};
  const merged = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

function toShippingDetails(params: NonNullable<UpdateSessionParams['collected_information']>['shipping_details']) {
  if (!params) return undefined;
  const { address } = params;
  return {
    name: params.name,
    address: {
      city: address.city ?? null,
      country: address.country,
      line1: address.line1,
      line2: address.line2 ?? null,
      postal_code: address.postal_code ?? null,
      state: address.state ?? null,
    },
  } satisfies ShippingDetails;
}

/** Applies an update all-or-nothing: every part is validated before the stored session changes. */
function updateSession(store: Store, record: SessionRecord, params: UpdateSessionParams): void {
  if (record.status !== 'open') throw notOpenError(record, 'updated');
  const next: SessionRecord = { ...record };
  if (params.line_items) {
    next.lineItems = replaceLineItems(store, record.lineItems, params.line_items);
    checkCurrency(store, next.lineItems, params.line_items, record.currency);
  }
  if (params.shipping_options !== undefined) {
    next.shippingRateIds =
      params.shipping_options === '' ? [] : resolveShippingOptions(store, params.shipping_options, record.currency);
    next.selectedShippingRateId = next.shippingRateIds[0] ?? null;
  }
  const shippingDetails = toShippingDetails(params.collected_information?.shipping_details);
  if (shippingDetails) {
    checkShippingCountry(record, shippingDetails, 'collected_information[shipping_details][address][country]');
    next.shippingDetails = shippingDetails;
  }
  next.metadata = mergeMetadata(record.metadata, params.metadata);
  if (params.payment_intent_data) {
    next.paymentIntentData = {
      description: params.payment_intent_data.description ?? record.paymentIntentData.description,
      metadata: mergeMetadata(record.paymentIntentData.metadata, params.payment_intent_data.metadata),
    };
  }
  if (params.discounts !== undefined) {
    next.discount = resolveUpdateDiscount(store, params.discounts, {
      currency: record.currency,
      subtotal: sessionTotals(store, next).subtotal,
    });
  }
  checkAutomaticTax(store, next, params);
  Object.assign(record, next);
}

function requestRef(request: ApiRequest): RequestRef {
  return { id: request.requestId, idempotencyKey: request.idempotencyKey };
}

function hasBetaFlag(stripeVersion: string | null): boolean {
  return (stripeVersion ?? '')
    .split(';')
    .map((part) => part.trim())
    .includes(BETA_FLAG);
}

/**
 * The server-side discounts preview: its parameters need the beta flag in Stripe-Version, and an account without the
 * preview refuses them (as a 400 naming the parameter, or a 403, as the store's `discountsPreview` says).
 */
function checkDiscountsPreview(request: ApiRequest, param: string): void {
  if (!hasBetaFlag(request.stripeVersion)) throw unknownParam(param);
  switch (request.store.discountsPreview) {
    case 'granted':
      return;
    case 'refused_400':
      throw unknownParam(param);
    case 'refused_403':
      throw invalidRequest(`Your account does not have access to the preview parameter ${param}.`, {
        status: 403,
        code: 'permission_denied',
        param,
      });
  }
}

const listSchema = z.strictObject({
  ...paginationShape,
  payment_intent: str(200).optional(),
  status: oneOf(['open', 'complete', 'expired']).optional(),
  created: createdFilter().optional(),
  expand: expandList(),
});

export function registerCheckoutSessionRoutes(router: Router<ApiRequest>): void {
  router.add('POST', '/v1/checkout/sessions', (request) => {
    const params = parseParams(createSessionSchema, request.params);
    if (params.permissions?.update_discounts !== undefined) {
      checkDiscountsPreview(request, 'permissions[update_discounts]');
    }
    const expand = resolveExpand(params.expand, SESSION_EXPANDABLE);
    const record = createSession(request.store, params);
    return renderSession(request.store, record, expand);
  });

  router.add('GET', '/v1/checkout/sessions/:id', (request) => {
    const params = parseParams(z.strictObject({ expand: expandList() }), request.params);
    const expand = resolveExpand(params.expand, SESSION_EXPANDABLE);
    return renderSession(request.store, getSession(request.store, request.pathParams.id ?? ''), expand);
  });

  router.add('POST', '/v1/checkout/sessions/:id', (request) => {
    const record = getSession(request.store, request.pathParams.id ?? '');
    const params = parseParams(updateSessionSchema, request.params);
    if (params.discounts !== undefined) checkDiscountsPreview(request, 'discounts');
    const expand = resolveExpand(params.expand, SESSION_EXPANDABLE);
    updateSession(request.store, record, params);
    return renderSession(request.store, record, expand);
  });

  router.add('POST', '/v1/checkout/sessions/:id/expire', (request) => {
    const record = getSession(request.store, request.pathParams.id ?? '');
    const params = parseParams(z.strictObject({ expand: expandList() }), request.params);
    const expand = resolveExpand(params.expand, SESSION_EXPANDABLE);
    if (record.status !== 'open') {
      throw invalidRequest(
        `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${record.status}\`.`,
        { code: 'checkout_session_not_open' },
      );
    }
    expireSession(request.store, record, requestRef(request));
    return renderSession(request.store, record, expand);
  });

  router.add('GET', '/v1/checkout/sessions', (request) => {
    const params = parseParams(listSchema, request.params);
    const expand = resolveExpand(params.expand, SESSION_EXPANDABLE, 'data.');
    const { store } = request;
    const items = [...store.sessions.values()]
      .map((record) => {
        refreshExpiry(store, record);
        return record;
      })
      .filter((record) => params.status === undefined || record.status === params.status)
      .filter((record) => params.payment_intent === undefined || record.paymentIntentId === params.payment_intent)
      .filter((record) => matchesCreated(record.created, params.created))
      .reverse()
      .map((record) => renderSession(store, record, expand));
    return paginate(items, params, '/v1/checkout/sessions', 'checkout.session');
  });

  router.add('GET', '/v1/checkout/sessions/:id/line_items', (request) => {
    const params = parseParams(z.strictObject({ ...paginationShape, expand: expandList() }), request.params);
    const expand = resolveExpand(params.expand, ['price.product', 'taxes'], 'data.');
    const { store } = request;
    const record = getSession(store, request.pathParams.id ?? '');
    const items = renderLineItems(store, record, sessionTotals(store, record), expand);
    return paginate(items, params, `/v1/checkout/sessions/${record.id}/line_items`, 'item');
  });
}
