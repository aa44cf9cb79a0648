import { unstable_rethrow } from 'next/navigation';
import { NextResponse } from 'next/server';
import { isPoolExhausted } from '@/lib/db/client';
import { isAppError } from '@/lib/http/app-error';

export type ErrorBody = { error: { code: string; message: string; retryable?: boolean } };

const NO_STORE = { 'Cache-Control': 'no-store' };

export function jsonResponse<T>(body: T, init: { status?: number } = {}): NextResponse<T> {
  return NextResponse.json(body, { status: init.status ?? 200, headers: NO_STORE });
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  retryable = false,
): NextResponse<ErrorBody> {
  const error: ErrorBody['error'] = retryable ? { code, message, retryable } : { code, message };
  const response = NextResponse.json<ErrorBody>({ error }, { status, headers: NO_STORE });
  if (retryable) response.headers.set('Retry-After', '2');
  return response;
}

/** Maps anything thrown by a service to a JSON error. Unknown errors are server faults: logged, 500. */
export function toErrorResponse(error: unknown): NextResponse<ErrorBody> {
  if (isAppError(error)) {
    if (error.status >= 500) console.error(`[api] ${error.code}: ${error.message}`, error.cause ?? '');
    return errorResponse(error.status, error.code, error.message, error.retryable);
  }
  if (isPoolExhausted(error)) {
    console.warn('[api] no database connection free in time; answered 503');
    return errorResponse(503, 'busy', 'The store is very busy right now. Please try again in a moment.', true);
  }
  console.error('[api] unexpected error', error);
  return errorResponse(500, 'internal_error', 'Something went wrong on our side. Please try again.');
}

/**
 * Wraps a route handler so that every failure becomes a JSON error response. Next's own signals pass through: with
 * Cache Components, `next build` tries to prerender a GET handler and stops it with an error when it reads the request
 * (so read the request before anything else).
 */
export function withErrorHandling<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      unstable_rethrow(error);
      return toErrorResponse(error);
    }
  };
}
