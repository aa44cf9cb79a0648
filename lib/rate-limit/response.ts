import { errorResponse } from '@/lib/http/responses';

/** 429 `rate_limited` with `Retry-After` (seconds until the window ends). */
export function rateLimitedResponse(retryAfterSeconds: number, message: string): Response {
  const response = errorResponse(429, 'rate_limited', message);
  response.headers.set('Retry-After', String(retryAfterSeconds));
  return response;
}
