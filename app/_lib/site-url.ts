import 'server-only';
import { headers } from 'next/headers';
import { getServerConfig } from '@/lib/config';

const HOST_PATTERN = /^[a-z0-9.-]+(:\d{1,5})?$/i;
const FALLBACK = 'http://localhost:3000';

/** The store's public origin: `APP_URL` when configured, else the request's host (for absolute Open Graph URLs). */
export async function resolveSiteUrl(): Promise<URL> {
  const configured = getServerConfig().appUrl;
  if (configured) return new URL(configured);
  const requestHeaders = await headers();
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host');
  const proto = requestHeaders.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  if (!host || !HOST_PATTERN.test(host)) return new URL(FALLBACK);
  return new URL(`${proto}://${host}`);
}
