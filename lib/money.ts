import { z } from 'zod';

/** ISO 4217 currencies with no minor unit, as Stripe lists them (amounts are whole units). */
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);
/** Currencies with three decimals that Stripe supports. */
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

export const currencySchema = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, 'a three-letter ISO currency code')
  .transform((c) => c.toLowerCase());
export type Currency = z.infer<typeof currencySchema>;

/** A non-negative integer number of minor units (cents for USD, yen for JPY). */
export const minorUnitsSchema = z.number().int().nonnegative().max(99_999_999);

export type Money = { readonly amount: number; readonly currency: Currency };

export function decimalsOf(currency: Currency): number {
  const c = currency.toLowerCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  return 2;
}

export function money(amount: number, currency: Currency): Money {
  assertMinorUnits(amount);
  return { amount, currency: currency.toLowerCase() };
}

export function assertMinorUnits(amount: number): void {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`money must be an integer number of minor units, got ${amount}`);
}

const formatters = new Map<string, Intl.NumberFormat>();

/** One formatter per locale and currency: building an `Intl.NumberFormat` costs far more than formatting with one. */
function formatterFor(locale: string, currency: Currency, decimals: number): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formats minor units for display, e.g. formatMoney(1099, 'usd') === '$10.99'. */
export function formatMoney(amount: number, currency: Currency, locale = 'en-US'): string {
  assertMinorUnits(amount);
  const decimals = decimalsOf(currency);
  return formatterFor(locale, currency, decimals).format(amount / 10 ** decimals);
}

/**
 * `basisPoints` share of an amount (1 bp = 0.01 %), rounded half up to a whole minor unit.
 * Integer arithmetic only: percentOf(1999, 1500) === 300 (15 % of 19.99 = 2.9985 -> 3.00).
 */
export function shareOf(amount: number, basisPoints: number): number {
  assertMinorUnits(amount);
  assertMinorUnits(basisPoints);
  return Math.floor((amount * basisPoints + 5_000) / 10_000);
}
