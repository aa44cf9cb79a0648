import { z } from 'zod';
import { isShippableCountry } from '@/lib/catalog/shipping';
import { AppError } from '@/lib/http/app-error';
import type { ShippingAddress } from '@/lib/pricing/types';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

/** A shipping address as the browser sends it (from the ShippingAddressElement). */
export const shippingAddressInputSchema = z
  .object({
    name: text(150),
    line1: text(200),
    line2: optionalText(200),
    city: optionalText(100),
    state: optionalText(100),
    postalCode: optionalText(20),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'a two-letter ISO country code')
      .transform((code) => code.toUpperCase()),
  })
  .strict();

export type ShippingAddressInput = z.input<typeof shippingAddressInputSchema>;

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
