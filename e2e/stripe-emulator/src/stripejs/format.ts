import type { StripeCheckoutAmount } from '@stripe/stripe-js';

/** Currencies Stripe treats as having no minor unit (amounts are whole units). */
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
/** Three-decimal currencies Stripe supports. */
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

export const DEFAULT_LOCALE = 'en-US';

export function decimalsOf(currency: string): number {
  const c = currency.toLowerCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  return 2;
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
