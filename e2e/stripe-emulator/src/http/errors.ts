import type Stripe from 'stripe';

export type StripeErrorType =
  | 'invalid_request_error'
  | 'card_error'
  | 'idempotency_error'
  | 'api_error'
  | 'rate_limit_error'
  | 'authentication_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  doc_url?: string;
  decline_code?: string;
  payment_intent?: Stripe.PaymentIntent;
  request_log_url?: string;
}

/**
 * A refusal answered as a Stripe error object. `stage: 'validation'` marks refusals raised before the endpoint
 * started executing: Stripe does not store those under an idempotency key.
 */
export class StripeApiError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;
  readonly stage: 'validation' | 'execution';

  constructor(status: number, body: Omit<StripeErrorBody, 'doc_url'>, stage: 'validation' | 'execution' = 'execution') {
    super(body.message);
    this.status = status;
    this.stage = stage;
    this.body = body.code
      ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, '-')}` }
      : body;
  }
}

interface Detail {
  code?: string;
  param?: string;
  status?: number;
}

export function invalidRequest(message: string, detail: Detail = {}): StripeApiError {
  const { status = 400, ...rest } = detail;
  return new StripeApiError(status, { type: 'invalid_request_error', message, ...rest });
}

/** A refusal of the request's parameters (not stored for idempotent replay). */
export function invalidParam(message: string, param: string, code = 'parameter_invalid'): StripeApiError {
  return new StripeApiError(400, { type: 'invalid_request_error', message, code, param }, 'validation');
}

export function missingParam(param: string): StripeApiError {
  return invalidParam(`Missing required param: ${param}.`, param, 'parameter_missing');
}

export function unknownParam(param: string): StripeApiError {
  return invalidParam(`Received unknown parameter: ${param}`, param, 'parameter_unknown');
}

/** Something Stripe supports that this emulator does not: refused loudly instead of half-emulated. */
export function notEmulated(message: string, param?: string): StripeApiError {
  return new StripeApiError(
    400,
    {
      type: 'invalid_request_error',
      message: `${message} (not supported by the Stripe emulator)`,
      code: 'emulator_unsupported',
      param,
    },
    'validation',
  );
}

/**
 * `No such checkout.session: 'cs_test_…'`: 404 when the object is the one in the URL (`param` 'id'), 400 when a
 * request param names a missing object (as Stripe answers for `line_items[0][price]`).
 */
export function resourceMissing(objectName: string, id: string, param = 'id'): StripeApiError {
  return invalidRequest(`No such ${objectName}: '${id}'`, {
    code: 'resource_missing',
    param,
    status: param === 'id' ? 404 : 400,
  });
}

export function apiError(message = 'An unknown error occurred', status = 500): StripeApiError {
  return new StripeApiError(status, { type: 'api_error', message });
}
