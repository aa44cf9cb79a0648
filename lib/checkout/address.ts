export { type ShippingAddressInput, shippingAddressInputSchema } from '@/lib/checkout/contract';

import { isShippableCountry } from '@/lib/catalog/shipping';
import { AppError } from '@/lib/http/app-error';
import type { ShippingAddress } from '@/lib/pricing/types';

/** Countries a session may ship to: the configured list, limited to those the store has shipping rates for. */
export function allowedShippingCountries(configured: ReadonlyArray<string>): string[] {
  return configured.filter((country) => isShippableCountry(country));
}

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Throws 400 `country_not_supported`, with the list of countries served, unless the store ships to `address.country`. */
export function assertShippableAddress(address: ShippingAddress, allowedCountries: ReadonlyArray<string>): void {
  if (allowedCountries.includes(address.country)) return;
  throw new AppError(
    400,
    'country_not_supported',
    `We don't ship to ${countryName(address.country)} yet. We ship to: ${allowedCountries.map(countryName).join(', ')}.`,
  );
}
