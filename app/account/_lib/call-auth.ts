import 'server-only';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies/utils';
import { cookies, headers } from 'next/headers';
import { AUTH_BASE_PATH } from '@/lib/accounts/auth';
import { authRouteHandler } from '@/lib/accounts/auth-route';

export type AuthAnswer = { status: number; code: string | null; location: string | null };

const { POST } = authRouteHandler();

/**
 * Calls one of better-auth's endpoints from a Server Action exactly as the browser would call it (same cookies and
 * origin, through the same handler: its rate limits and origin checks apply), and puts the cookies it sets (the
 * session, the shopper's cart) on the action's response.
 */
export async function callAuthFromAction(path: string, body: Record<string, unknown>): Promise<AuthAnswer> {
  const incoming = await headers();
  const forwarded = new Headers(incoming);
  forwarded.delete('content-length');
  forwarded.set('content-type', 'application/json');
  const host = incoming.get('host') ?? 'localhost';
  const protocol = incoming.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? 'http';
  const request = new Request(`${protocol}://${host}${AUTH_BASE_PATH}${path}`, {
    method: 'POST',
    headers: forwarded,
    body: JSON.stringify(body),
  });
  const response = await POST(request);
  const jar = await cookies();
  const setCookie = response.headers.getSetCookie().join(', ');
  if (setCookie) {
    for (const [name, attributes] of parseSetCookieHeader(setCookie)) {
      jar.set(name, attributes.value, toCookieOptions(attributes));
    }
  }
  let code: string | null = null;
  if (!response.ok) {
    const json: unknown = await response.json().catch(() => null);
    if (json && typeof json === 'object' && 'code' in json && typeof json.code === 'string') code = json.code;
  }
  return { status: response.status, code, location: response.headers.get('location') };
}
