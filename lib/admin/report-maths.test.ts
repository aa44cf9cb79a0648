import { describe, expect, it } from 'vitest';
import { taxByJurisdiction } from '@/lib/admin/report-maths';
import type { TaxByJurisdiction } from '@/lib/orders/stripe-session';

const line = (name: string, state: string | null, amount: number, country = 'US'): TaxByJurisdiction => ({
  name,
  jurisdiction: state,
  country,
  state,
  percentage: 7.25,
  inclusive: false,
  amount,
});

describe('tax by jurisdiction', () => {
  it('sums each tax per place over the orders, largest first; orders without tax add nothing', () => {
    const rows = taxByJurisdiction([
      [line('Sales Tax', 'CA', 725)],
      [],
      [line('Sales Tax', 'CA', 1_450), line('Sales Tax', 'NY', 300)],
      [line('VAT', null, 4_000, 'GB')],
    ]);
    expect(rows.map((row) => [row.name, row.country, row.state, row.amount])).toEqual([
      ['VAT', 'GB', null, 4_000],
      ['Sales Tax', 'US', 'CA', 2_175],
      ['Sales Tax', 'US', 'NY', 300],
    ]);
  });
});
