import type { StripeCheckoutAmount } from '@stripe/stripe-js';

/**
 * Decimals come from ISO 4217 via Intl (which matches Stripe's zero- and three-decimal lists) except Stripe's
 * two-decimal special cases here. Not modelled: COP, IDR, PKR… where Intl says 0 and Stripe 2.
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
