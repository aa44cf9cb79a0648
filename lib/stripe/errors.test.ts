import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/http/app-error';
import { callStripe, toAppError } from '@/lib/stripe/errors';

const stripeError = (type: string, fields: { message?: string; statusCode?: number; code?: string } = {}) =>
  Object.assign(new Error(fields.message ?? 'boom'), { type, ...fields });

describe('toAppError', () => {
  it('turns a refused update of a closed session into 409 checkout_closed', () => {
    const closed = stripeError('StripeInvalidRequestError', {
      statusCode: 400,
      message: 'This Checkout Session is no longer active because it has expired.',
    });
    expect(toAppError(closed)).toMatchObject({ status: 409, code: 'checkout_closed', retryable: false });
  });

  it.each([
    ['StripeConnectionError', { message: 'Request aborted due to timeout being reached (8000ms)' }],
    ['StripeRateLimitError', { statusCode: 429, code: 'rate_limit' }],
    ['StripeAPIError', { statusCode: 500 }],
    ['StripeAPIError', { statusCode: 503 }],
  ] as const)('treats %s %o as a retryable 503', (type, fields) => {
    expect(toAppError(stripeError(type, fields))).toMatchObject({
      status: 503,
      code: 'stripe_unavailable',
      retryable: true,
    });
  });

  it('treats other Stripe refusals as a 502 that is not retryable', () => {
    const refused = stripeError('StripeInvalidRequestError', { statusCode: 400, code: 'parameter_invalid_integer' });
    expect(toAppError(refused)).toMatchObject({ status: 502, code: 'stripe_error', retryable: false });
    expect(toAppError(stripeError('StripeAuthenticationError', { statusCode: 401 }))).toMatchObject({ status: 502 });
  });

  it('does not mistake a missing session for a closed one', () => {
    const missing = stripeError('StripeInvalidRequestError', {
      statusCode: 404,
      code: 'resource_missing',
      message: "No such checkout.session: 'cs_test_expired'",
    });
    expect(toAppError(missing).code).toBe('stripe_error');
  });

  it('passes app errors through and rethrows programming errors untouched', async () => {
    const appError = new AppError(404, 'checkout_not_found', 'nope');
    expect(toAppError(appError)).toBe(appError);
    const bug = new TypeError('x is undefined');
    await expect(callStripe(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});
