import type Stripe from 'stripe';
import type { TaxCategory, TaxComponent, TaxLocation } from './tax-rates';

/**
 * Stripe Tax's arithmetic for one taxable amount (a line after its discount, or the shipping), pure and in integer
 * minor units. Each tax of the jurisdiction is computed and rounded on its own, half up:
 * exclusive `round(amount × rate)`, inclusive `round(amount × rate / (1 + sum of the rates that apply))` — the share
 * already inside the price.
 */
export type TaxBehavior = 'exclusive' | 'inclusive';
export interface TaxTerms {
  behavior: TaxBehavior;
  category: TaxCategory;
}

export type TaxLine = Stripe.LineItem.Tax;

export interface ItemTax {
  exclusive: number;
  inclusive: number;
  taxes: TaxLine[];
}

export const NO_TAX: ItemTax = { exclusive: 0, inclusive: 0, taxes: [] };

const HUNDRED_PERCENT = 100_000;
/** When the emulator's rates were "created" (TaxRate.created). */
const RATES_CREATED = 1_735_689_600;

/** `amount × numerator / denominator` rounded half up (amounts are never negative); exact for any integer size. */
export function roundedShare(amount: number, numerator: number, denominator: number): number {
  const twice = 2n * BigInt(amount) * BigInt(numerator) + BigInt(denominator);
  return Number(twice / (2n * BigInt(denominator)));
}

interface RateFields {
  key: string;
  displayName: string;
  taxType: Stripe.TaxRate.TaxType | null;
  jurisdiction: string;
  level: Stripe.TaxRate.JurisdictionLevel;
  milliPercent: number;
}

function taxRate(
  fields: RateFields,
  place: { country: string; state: string | null },
  inclusive: boolean,
  charged: boolean,
): Stripe.TaxRate {
  const percentage = fields.milliPercent / 1000;
  return {
    id: `txr_emu_${fields.key}_${inclusive ? 'incl' : 'excl'}${charged ? '' : '_zero'}`,
    object: 'tax_rate',
    active: true,
    country: place.country,
    created: RATES_CREATED,
    description: null,
    display_name: fields.displayName,
    effective_percentage: charged ? percentage : 0,
    flat_amount: null,
    inclusive,
    jurisdiction: fields.jurisdiction,
    jurisdiction_level: fields.level,
    livemode: false,
    metadata: null,
    percentage,
    rate_type: 'percentage',
    state: place.state,
    tax_type: fields.taxType,
  };
}

function untaxedReason(component: TaxComponent, category: TaxCategory): TaxLine['taxability_reason'] {
  return category === 'nontaxable' ? 'not_collecting' : component.untaxedReason;
}

/** The taxes on `amount` at `location` (which must be complete). */
export function taxItem(
  amount: number,
  terms: TaxTerms,
  location: Exclude<TaxLocation, { kind: 'incomplete' }>,
): ItemTax {
  const inclusive = terms.behavior === 'inclusive';
  if (location.kind === 'not_registered') {
    const place = { country: location.country, state: location.state };
    const fields: RateFields = {
      key: `${location.country}${location.state ? `_${location.state}` : ''}_none`.toLowerCase(),
      displayName: 'Tax',
      taxType: null,
      jurisdiction: location.state ?? location.country,
      level: location.state ? 'state' : 'country',
      milliPercent: 0,
    };
    const taxes = [
      {
        amount: 0,
        rate: taxRate(fields, place, inclusive, false),
        taxability_reason: 'not_collecting',
        taxable_amount: 0,
      },
    ];
    return { exclusive: 0, inclusive: 0, taxes };
  }
  const { jurisdiction } = location;
  const place = { country: jurisdiction.country, state: jurisdiction.state };
  const taxed = jurisdiction.components.filter((c) => c.taxes.has(terms.category));
  const denominator = HUNDRED_PERCENT + (inclusive ? taxed.reduce((sum, c) => sum + c.milliPercent, 0) : 0);
  const amounts = new Map(taxed.map((c) => [c, roundedShare(amount, c.milliPercent, denominator)]));
  const total = [...amounts.values()].reduce((sum, value) => sum + value, 0);
  const taxableAmount = inclusive ? amount - total : amount;
  const taxes = jurisdiction.components.map((component): TaxLine => {
    const charged = amounts.get(component);
    if (charged === undefined) {
      return {
        amount: 0,
        rate: taxRate(component, place, inclusive, false),
        taxability_reason: untaxedReason(component, terms.category),
        taxable_amount: 0,
      };
    }
    return {
      amount: charged,
      rate: taxRate(component, place, inclusive, true),
      taxability_reason: 'standard_rated',
      taxable_amount: taxableAmount,
    };
  });
  return { exclusive: inclusive ? 0 : total, inclusive: inclusive ? total : 0, taxes };
}

/** Sums tax lines by rate and taxability reason, in first-seen order (`total_details.breakdown.taxes`). */
export function aggregateTaxes(lists: readonly (readonly TaxLine[])[]): TaxLine[] {
  const byKey = new Map<string, TaxLine>();
  for (const line of lists.flat()) {
    const key = `${line.rate.id}|${line.taxability_reason}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.amount += line.amount;
      seen.taxable_amount = (seen.taxable_amount ?? 0) + (line.taxable_amount ?? 0);
    } else byKey.set(key, { ...line });
  }
  return [...byKey.values()];
}
