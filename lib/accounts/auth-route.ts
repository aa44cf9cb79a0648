import 'server-only';
import { withTrustedClientAddress } from '@/lib/accounts/client-address';
import { getAuth } from '@/lib/accounts/store-auth';
import { getServerConfig } from '@/lib/config';

/**
 * better-auth's handler for app/api/auth/[...all]: the request goes through with the client address the store trusts
 * (for its rate limiter), and better-auth answers.
 */
export function authRouteHandler() {
  const handle = async (request: Request): Promise<Response> => {
    const auth = await getAuth();
    const headers = withTrustedClientAddress(request.headers, getServerConfig().clientIp);
    const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      init.body = await request.arrayBuffer();
    }
    return auth.handler(new Request(request.url, init));
  };
  return { GET: handle, POST: handle };
}
