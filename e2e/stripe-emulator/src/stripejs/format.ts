import type { StripeCheckoutAmount } from '@stripe/stripe-js';

/**
 * Decimals follow ISO 4217 through Intl, which matches Stripe's zero- and three-decimal lists, except for
 * Stripe's documented two-decimal special cases below. Intl also says 0 for a few currencies Stripe treats as
 * two-decimal (COP, IDR, PKR…); the emulator does not model those.
 */
const STRIPE_TWO_DECIMAL = new Set(['huf', 'isk']);

export const DEFAULT_LOCALE = 'en-US';

export function decimalsOf(currency: string): number {
  if (STRIPE_TWO_DECIMAL.has(currency.toLowerCase())) return 2;
  const format = new Intl.NumberFormat(DEFAULT_LOCALE, { style: 'currency', currency: currency.toUpperCase() });
  return format.resolvedOptions().maximumFractionDigits ?? 2;
}

/** What Stripe.js calls `minorUnitsAmountDivisor`: 100 for USD, 1 for JPY, 1000 for KWD. */
export function minorUnitsAmountDivisor(currency: string): number {
  return 10 ** decimalsOf(currency);
}

/** Formats minor units the way Stripe.js fills `amount`, e.g. formatAmount(1099, 'usd') === '$10.99'. */
export function formatAmount(minorUnits: number, currency: string, locale = DEFAULT_LOCALE): string {
  const decimals = decimalsOf(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(minorUnits / 10 ** decimals);
}

/** `{minorUnitsAmount, amount}` as every Stripe.js checkout amount is shaped. */
export function checkoutAmount(minorUnits: number, currency: string, locale = DEFAULT_LOCALE): StripeCheckoutAmount {
  return { minorUnitsAmount: minorUnits, amount: formatAmount(minorUnits, currency, locale) };
}
