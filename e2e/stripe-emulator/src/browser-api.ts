import type Stripe from 'stripe';
import { z } from 'zod';
import { confirmSession } from './checkout/confirm';
import { checkPromotionCode, discountRecord } from './checkout/discounts';
import { SESSION_EXPANDABLE } from './checkout/params';
import type { SessionRecord, ShippingDetails } from './checkout/record';
import { renderSession, sessionTotals } from './checkout/render';
import { invalidRequest, StripeApiError } from './http/errors';
import { Router } from './http/router';
import { getSession, isValidEmail, notOpenError } from './resources/checkout-sessions';
import { findActivePromotionCode } from './resources/promotion-codes';
import type { RequestRef, Store } from './store';

/** What the stand-in Stripe.js sends: JSON bodies, `Authorization: Bearer pk_test_…`, the session's client secret. */
export interface BrowserRequest {
  store: Store;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

const BROWSER_EXPAND = new Set<string>(SESSION_EXPANDABLE.filter((path) => path !== 'line_items.data.price.product'));
/** Customer actions carry no API request id, as on Stripe. */
const CUSTOMER: RequestRef = { id: null, idempotencyKey: null };

const addressSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).nullish(),
  city: z.string().max(200).nullish(),
  postal_code: z.string().max(40).nullish(),
  state: z.string().max(200).nullish(),
});
const contactSchema = z.strictObject({ name: z.string().min(1).max(300), address: addressSchema });

const updateSchema = z.strictObject({
  client_secret: z.string().min(1),
  shipping_rate: z.string().min(1).optional(),
  email: z.string().max(800).nullable().optional(),
  shipping_address: contactSchema.nullable().optional(),
  promotion_code: z.string().min(1).max(500).nullable().optional(),
});

const confirmSchema = z.strictObject({
  client_secret: z.string().min(1),
  email: z.string().max(800).optional(),
  card: z.strictObject({
    number: z.string().min(1).max(30),
    exp_month: z.number().int().min(1).max(12),
    exp_year: z.number().int().min(2000).max(2200),
    cvc: z.string().regex(/^\d{3,4}$/),
  }),
  billing_details: z
    .strictObject({
      name: z.string().max(300).nullish(),
      email: z.string().max(800).nullish(),
      address: addressSchema.nullish(),
    })
    .optional(),
});

function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue ? issue.path.map(String).join('.') : undefined;
  throw invalidRequest(`Invalid request${param ? ` (${param})` : ''}: ${issue?.message ?? 'bad body'}`, {
    code: 'parameter_invalid',
    param,
  });
}

function toAddress(address: z.output<typeof addressSchema>): Stripe.Address {
  return {
    country: address.country,
    line1: address.line1,
    line2: address.line2 ?? null,
    city: address.city ?? null,
    postal_code: address.postal_code ?? null,
    state: address.state ?? null,
  };
}

function authorisedSession(store: Store, id: string, clientSecret: string | null): SessionRecord {
  const record = getSession(store, id);
  if (clientSecret !== record.clientSecret) {
    throw new StripeApiError(401, {
      type: 'authentication_error',
      message: 'The client_secret does not match this Checkout Session.',
      code: 'client_secret_invalid',
      param: 'client_secret',
    });
  }
  return record;
}

function permissionDenied(action: string, permission: string): StripeApiError {
  return invalidRequest(`${action} is disabled for this Checkout Session: permissions.${permission} is server_only.`, {
    code: 'permission_denied',
    param: permission,
  });
}

function applyPromotionCode(store: Store, record: SessionRecord, code: string | null, next: SessionRecord): void {
  if (record.permissions.update_discounts === 'server_only')
    throw permissionDenied('Applying a promotion code', 'update_discounts');
  if (code === null) {
    next.discount = null;
    return;
  }
  const found = findActivePromotionCode(store, code);
  if (!found)
    throw invalidRequest(`The promotion code ${code} is not valid.`, { code: 'invalidCode', param: 'promotion_code' });
  try {
    const coupon = checkPromotionCode(
      store,
      found,
      { currency: record.currency, subtotal: subtotalOf(store, next) },
      'promotion_code',
    );
    next.discount = discountRecord(store, coupon.id, found.id);
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    const code =
      error.body.code === 'promotion_code_minimum_not_met' ? 'promotionCodeAmountInsufficient' : 'invalidCode';
    throw invalidRequest(error.body.message, { code, param: 'promotion_code' });
  }
}

function subtotalOf(store: Store, record: SessionRecord): number {
  return sessionTotals(store, record).subtotal;
}

function applyShippingAddress(
  record: SessionRecord,
  contact: z.output<typeof contactSchema> | null,
  next: SessionRecord,
): void {
  if (record.permissions.update_shipping_details === 'server_only') {
    throw permissionDenied('Updating the shipping address', 'update_shipping_details');
  }
  if (contact === null) {
    next.shippingDetails = null;
    return;
  }
  const details: ShippingDetails = { name: contact.name, address: toAddress(contact.address) };
  if (record.allowedCountries && !record.allowedCountries.includes(contact.address.country)) {
    throw invalidRequest(`Shipping to ${contact.address.country} is not available for this Checkout Session.`, {
      code: 'shipping_address_invalid',
      param: 'shipping_address',
    });
  }
  next.shippingDetails = details;
}

function updateFromBrowser(store: Store, record: SessionRecord, body: z.output<typeof updateSchema>): void {
  if (record.status !== 'open') throw notOpenError(record, 'updated');
  const next: SessionRecord = { ...record };
  if (body.shipping_rate !== undefined) {
    if (!record.shippingRateIds.includes(body.shipping_rate)) {
      throw invalidRequest(`No such shipping option on this Checkout Session: '${body.shipping_rate}'`, {
        code: 'resource_missing',
        param: 'shipping_rate',
      });
    }
    next.selectedShippingRateId = body.shipping_rate;
  }
  if (body.email !== undefined) {
    if (body.email !== null && !isValidEmail(body.email)) {
      throw invalidRequest(`Invalid email address: ${body.email}`, { code: 'email_invalid', param: 'email' });
    }
    next.collectedEmail = body.email;
  }
  if (body.shipping_address !== undefined) applyShippingAddress(record, body.shipping_address, next);
  if (body.promotion_code !== undefined) applyPromotionCode(store, record, body.promotion_code, next);
  Object.assign(record, next);
}

function checkCardDate(store: Store, month: number, year: number): void {
  const now = new Date(store.clock.nowMs());
  const expired = year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1);
  if (expired)
    throw new StripeApiError(402, {
      type: 'card_error',
      code: 'expired_card',
      message: 'Your card has expired.',
      param: 'exp_year',
    });
}

export function createBrowserRouter(): Router<BrowserRequest> {
  const router = new Router<BrowserRequest>();
  router.add('GET', '/v1/elements/sessions/:id', ({ store, pathParams, query }) => {
    const record = authorisedSession(store, pathParams.id ?? '', query.get('client_secret'));
    return renderSession(store, record, BROWSER_EXPAND);
  });
  router.add('POST', '/v1/elements/sessions/:id', ({ store, pathParams, body }) => {
    const params = parseBody(updateSchema, body);
    const record = authorisedSession(store, pathParams.id ?? '', params.client_secret);
    updateFromBrowser(store, record, params);
    return renderSession(store, record, BROWSER_EXPAND);
  });
  router.add('POST', '/v1/elements/sessions/:id/confirm', ({ store, pathParams, body }) => {
    const params = parseBody(confirmSchema, body);
    const record = authorisedSession(store, pathParams.id ?? '', params.client_secret);
    if (record.status !== 'open') throw notOpenError(record, 'confirmed');
    if (params.email !== undefined && !isValidEmail(params.email)) {
      throw invalidRequest(`Invalid email address: ${params.email}`, { code: 'email_invalid', param: 'email' });
    }
    checkCardDate(store, params.card.exp_month, params.card.exp_year);
    const billing = params.billing_details;
    const intent = confirmSession(
      store,
      record,
      {
        email: params.email ?? billing?.email ?? null,
        cardNumber: params.card.number,
        billingDetails: billing
          ? { name: billing.name ?? null, address: billing.address ? toAddress(billing.address) : null }
          : null,
      },
      CUSTOMER,
    );
    return {
      session: renderSession(store, record, BROWSER_EXPAND),
      payment_intent: intent,
      return_url: record.returnUrl.replaceAll('{CHECKOUT_SESSION_ID}', record.id),
    };
  });
  return router;
}
