/**
 * Whether prices include tax where the order ships: VAT-inclusive in the UK and the EU (prices are shown with VAT
 * there), tax added on top in the US, Canada and everywhere else — and before the address is known.
 */
export type TaxBehavior = 'exclusive' | 'inclusive';

const VAT_INCLUSIVE_COUNTRIES = new Set([
  'GB',
  // The European Union.
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
]);

export function taxBehaviorFor(country: string | null): TaxBehavior {
  return country !== null && VAT_INCLUSIVE_COUNTRIES.has(country) ? 'inclusive' : 'exclusive';
}
