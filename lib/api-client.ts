/**
 * The browser's only way to call the store's JSON API. Every non-2xx answer becomes a thrown `ApiError` carrying the
 * server's `{error: {code, message}}`, so callers (and `checkout.runServerUpdate`) see failures as rejections.
 */
import * as z from '@/lib/zod-browser';

const nonEmpty = z.string().check(z.minLength(1));
const errorBodySchema = z.object({ error: z.object({ code: nonEmpty, message: nonEmpty }) });

export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  /** The answer's `Retry-After` in seconds (a 429 says how long to wait), else null. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: string, message: string, retryAfterSeconds: number | null = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const NETWORK_MESSAGE = 'We could not reach the store. Check your connection and try again.';

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** `Retry-After` as a number of seconds (the form the store sends); the date form is not used here. */
function retryAfterOf(response: Response): number | null {
  const header = response.headers.get('Retry-After')?.trim() ?? '';
  return /^\d+$/.test(header) ? Number(header) : null;
}

function errorFrom(response: Response, body: unknown): ApiError {
  const { status } = response;
  const retryAfter = retryAfterOf(response);
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) return new ApiError(status, parsed.data.error.code, parsed.data.error.message, retryAfter);
  const message =
    status >= 500 ? 'Something went wrong on our side. Please try again.' : 'The request could not be completed.';
  return new ApiError(status, `http_${status}`, message, retryAfter);
}

export async function requestJson<T = unknown>(
  method: Method,
  url: string,
  body?: unknown,
  schema?: z.core.$ZodType<T>,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_MESSAGE);
  }
  const json = await readJson(response);
  if (!response.ok) throw errorFrom(response, json);
  if (!schema) return json as T;
  const parsed = z.safeParse(schema, json);
  if (!parsed.success) throw new ApiError(response.status, 'invalid_response', 'The store sent an unexpected answer.');
  return parsed.data;
}

export function postJson<T = unknown>(url: string, body: unknown, schema?: z.core.$ZodType<T>): Promise<T> {
  return requestJson('POST', url, body, schema);
}

export function patchJson<T = unknown>(url: string, body: unknown, schema?: z.core.$ZodType<T>): Promise<T> {
  return requestJson('PATCH', url, body, schema);
}

export function deleteJson<T = unknown>(url: string, schema?: z.core.$ZodType<T>): Promise<T> {
  return requestJson('DELETE', url, undefined, schema);
}
