import 'server-only';
import { withTrustedClientAddress } from '@/lib/accounts/client-address';
import { getAuth } from '@/lib/accounts/store-auth';
import { getServerConfig } from '@/lib/config';
import { errorResponse, toErrorResponse } from '@/lib/http/responses';

/** better-auth's refusal `{code, message}` (its rate limiter's: `{message}`) as the store's `{error: {code, message}}`. */
async function asStoreError(response: Response): Promise<Response> {
  const body: unknown = await response.json().catch(() => null);
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const code =
    typeof record.code === 'string'
      ? record.code.toLowerCase()
      : response.status === 429
        ? 'rate_limited'
        : 'auth_error';
  const message = typeof record.message === 'string' && record.message !== '' ? record.message : 'Request refused.';
  const answer = errorResponse(response.status, code, message, response.status === 429);
  for (const cookie of response.headers.getSetCookie()) answer.headers.append('set-cookie', cookie);
  return answer;
}

/**
 * better-auth's handler for app/api/auth/[...all]: the request goes through with the client address the store trusts
 * (for its rate limiter); a refusal is answered in the store's error shape, and nothing is ever a bare 500.
 */
export function authRouteHandler() {
  const handle = async (request: Request): Promise<Response> => {
    try {
      const auth = await getAuth();
      const headers = withTrustedClientAddress(request.headers, getServerConfig().clientIp);
      const init: RequestInit = { method: request.method, headers };
      if (request.method !== 'GET' && request.method !== 'HEAD') init.body = await request.arrayBuffer();
      const response = await auth.handler(new Request(request.url, init));
      const json = (response.headers.get('content-type') ?? '').includes('application/json');
      return response.status >= 400 && (json || response.status === 429) ? asStoreError(response) : response;
    } catch (error) {
      return toErrorResponse(error);
    }
  };
  return { GET: handle, POST: handle };
}
