/** Sums for the merchant's reports. Pure. */
import type { TaxByJurisdiction } from '@/lib/orders/stripe-session';

export type TaxLine = {
  name: string;
  jurisdiction: string | null;
  country: string | null;
  state: string | null;
  amount: number;
};

/** Tax collected per jurisdiction (name, country, state) over the orders' Stripe Tax breakdowns, largest first. */
export function taxByJurisdiction(breakdowns: ReadonlyArray<ReadonlyArray<TaxByJurisdiction>>): TaxLine[] {
  const totals = new Map<string, TaxLine>();
  for (const breakdown of breakdowns) {
    for (const line of breakdown) {
      const key = [line.country ?? '', line.state ?? '', line.jurisdiction ?? '', line.name].join('|');
      const seen = totals.get(key);
      if (seen) seen.amount += line.amount;
      else
        totals.set(key, {
          name: line.name,
          jurisdiction: line.jurisdiction,
          country: line.country,
          state: line.state,
          amount: line.amount,
        });
    }
  }
  return [...totals.values()].sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name));
}
