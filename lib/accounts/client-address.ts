import type { ClientIpSource } from '@/lib/config';
import { clientAddressOf } from '@/lib/rate-limit/client-address';

/** The one header better-auth reads the client address from; only the store writes it (`withTrustedClientAddress`). */
export const CLIENT_ADDRESS_HEADER = 'x-storefront-client-address';

/**
 * The request's headers with the client address the store trusts (from its configured source) in
 * `CLIENT_ADDRESS_HEADER`, and any value a client sent under that name dropped. An IPv6 address is given as its /64
 * prefix, which better-auth keys by as well.
 */
export function withTrustedClientAddress(headers: Headers, source: ClientIpSource): Headers {
  const result = new Headers(headers);
  result.delete(CLIENT_ADDRESS_HEADER);
  const address = clientAddressOf(headers, source);
  if (address) result.set(CLIENT_ADDRESS_HEADER, address.replace(/\/64$/, ''));
  return result;
}
