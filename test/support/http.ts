import { NextRequest } from 'next/server';
import { SHOPPER_COOKIE } from '@/lib/shopper';

export const TEST_ORIGIN = 'http://shop.test';

type RequestOptions = {
  /** JSON-encoded unless a string is given (sent as is). */
  body?: unknown;
  shopperId?: string | null;
  headers?: Record<string, string>;
};

/** A NextRequest as the browser would send it: JSON body with its content type, the shopper cookie when given. */
export function apiRequest(method: string, path: string, options: RequestOptions = {}): NextRequest {
  const headers = new Headers(options.headers);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  if (options.shopperId) headers.set('cookie', `${SHOPPER_COOKIE}=${options.shopperId}`);
  return new NextRequest(`${TEST_ORIGIN}${path}`, { method, headers, body });
}

/** The shopper id a response set in its cookie, or null. */
export function shopperIdSetBy(response: Response): string | null {
  const header = response.headers.get('set-cookie') ?? '';
  const match = new RegExp(`${SHOPPER_COOKIE}=([^;]+)`).exec(header);
  return match?.[1] ?? null;
}

/** Route params as Next passes them to dynamic route handlers. */
export function routeParams<T extends Record<string, string>>(params: T): { params: Promise<T> } {
  return { params: Promise.resolve(params) };
}

export type ErrorJson = { error: { code: string; message: string } };

export async function errorOf(response: Response): Promise<ErrorJson['error']> {
  const body = (await response.json()) as ErrorJson;
  return body.error;
}
