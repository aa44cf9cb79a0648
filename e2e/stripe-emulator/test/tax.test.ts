import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundedShare, type TaxTerms, taxItem } from '../src/checkout/tax';
import { type TaxLocation, taxLocation } from '../src/checkout/tax-rates';
import { computeTotals, type TaxInput } from '../src/checkout/totals';

const goods = (behavior: TaxTerms['behavior'] = 'exclusive'): TaxTerms => ({ behavior, category: 'goods' });
const services: TaxTerms = { behavior: 'exclusive', category: 'services' };
const shipping = (behavior: TaxTerms['behavior'] = 'exclusive'): TaxTerms => ({ behavior, category: 'shipping' });

function at(country: string, state?: string): Exclude<TaxLocation, { kind: 'incomplete' }> {
  const location = taxLocation({ country, state: state ?? null });
  if (location.kind === 'incomplete') throw new Error('incomplete location');
  return location;
}

const summary = (tax: ReturnType<typeof taxItem>) =>
  tax.taxes.map((line) => [line.rate.display_name, line.rate.percentage, line.amount, line.taxability_reason]);

describe('tax locations', () => {
  it('finds the registered jurisdictions by country and state, case-insensitively', () => {
    expect(taxLocation({ country: 'US', state: 'ca' })).toMatchObject({ kind: 'registered' });
    expect(taxLocation({ country: 'CA', state: 'BC' })).toMatchObject({ kind: 'registered' });
    expect(taxLocation({ country: 'GB', state: 'London' })).toMatchObject({ kind: 'registered' });
    expect(taxLocation({ country: 'US', state: 'TX' })).toEqual({ kind: 'not_registered', country: 'US', state: 'TX' });
    expect(taxLocation({ country: 'FR', state: null })).toEqual({ kind: 'not_registered', country: 'FR', state: null });
  });

  it('needs a state in the US and Canada, and a country everywhere', () => {
    expect(taxLocation({ country: 'US', state: null }).kind).toBe('incomplete');
    expect(taxLocation({ country: 'CA', state: ' ' }).kind).toBe('incomplete');
    expect(taxLocation(null).kind).toBe('incomplete');
  });
});

describe('taxItem', () => {
  it('taxes goods in California at 7.25 %, rounded half up, and exempts services and shipping', () => {
    expect(summary(taxItem(1999, goods(), at('US', 'CA')))).toEqual([['Sales Tax', 7.25, 145, 'standard_rated']]);
    expect(taxItem(1000, goods(), at('US', 'CA')).exclusive).toBe(73); // 72.5
    expect(summary(taxItem(5000, services, at('US', 'CA')))).toEqual([['Sales Tax', 7.25, 0, 'product_exempt']]);
    expect(taxItem(799, shipping(), at('US', 'CA')).exclusive).toBe(0);
  });

  it('taxes shipping in New York at 8.875 %', () => {
    expect(taxItem(1000, shipping(), at('US', 'NY'))).toMatchObject({ exclusive: 89, inclusive: 0 }); // 88.75
  });

  it('charges nothing in Oregon, which has no sales tax', () => {
    expect(summary(taxItem(2500, goods(), at('US', 'OR')))).toEqual([['Sales Tax', 0, 0, 'not_subject_to_tax']]);
  });

  it('charges GST and PST as two lines in British Columbia; shipping pays GST only', () => {
    expect(summary(taxItem(2999, goods(), at('CA', 'BC')))).toEqual([
      ['GST', 5, 150, 'standard_rated'],
      ['PST', 7, 210, 'standard_rated'],
    ]);
    expect(summary(taxItem(1000, shipping(), at('CA', 'BC')))).toEqual([
      ['GST', 5, 50, 'standard_rated'],
      ['PST', 7, 0, 'product_exempt'],
    ]);
  });

  it('takes the VAT share out of an inclusive price: round(amount × rate / (1 + rate))', () => {
    const tax = taxItem(2400, goods('inclusive'), at('GB'));
    expect(tax).toMatchObject({ exclusive: 0, inclusive: 400 });
    expect(tax.taxes[0]).toMatchObject({ taxable_amount: 2000, rate: { inclusive: true, percentage: 20 } });
    expect(taxItem(1999, goods('inclusive'), at('GB')).inclusive).toBe(333); // 333.17
    expect(taxItem(1999, goods('inclusive'), at('DE')).inclusive).toBe(319); // 319.17
  });

  it('splits an inclusive price over both Canadian taxes from the same net amount', () => {
    const tax = taxItem(1120, goods('inclusive'), at('CA', 'BC'));
    expect(summary(tax)).toEqual([
      ['GST', 5, 50, 'standard_rated'],
      ['PST', 7, 70, 'standard_rated'],
    ]);
    expect(tax.taxes.map((line) => line.taxable_amount)).toEqual([1000, 1000]);
  });

  it('collects nothing where the account is not registered, or for the nontaxable code', () => {
    expect(summary(taxItem(5000, goods(), at('US', 'TX')))).toEqual([['Tax', 0, 0, 'not_collecting']]);
    expect(summary(taxItem(5000, { behavior: 'exclusive', category: 'nontaxable' }, at('GB')))).toEqual([
      ['VAT', 20, 0, 'not_collecting'],
    ]);
  });

  it('rounds exactly, whatever the size of the amount', () => {
    expect(roundedShare(99_999_999 * 999_999, 8875, 100_000)).toBe(8_874_991_036_250); // 99 999 899 000 001 × 8.875 % = …250.09
    expect(roundedShare(5, 50_000, 100_000)).toBe(3); // 2.5 rounds up
  });
});

const unregistered: TaxInput['location'] = { kind: 'not_registered', country: 'FR', state: null };

describe('computeTotals with automatic tax', () => {
  it('taxes each line after its share of the discount, and adds exclusive tax to the total', () => {
    const totals = computeTotals({
      lines: [
        { unitAmount: 2000, quantity: 2 },
        { unitAmount: 1000, quantity: 1 },
      ],
      coupon: { percentOff: 10, amountOff: null },
      shippingAmount: 500,
      tax: { location: at('US', 'NY'), lines: [goods(), goods()], shipping: shipping() },
    });
    expect(totals.lines.map((line) => [line.discount, line.tax, line.total])).toEqual([
      [400, 320, 3920], // 3600 × 8.875 % = 319.5
      [100, 80, 980], // 900 × 8.875 % = 79.875
    ]);
    expect(totals).toMatchObject({ subtotal: 5000, discount: 500, shipping: 500, shippingTax: 44, shippingTotal: 544 });
    expect(totals.tax).toBe(320 + 80 + 44);
    expect(totals.total).toBe(5000 - 500 + 500 + 444);
    expect(totals.taxes).toEqual([
      expect.objectContaining({ amount: 444, taxable_amount: 5000, taxability_reason: 'standard_rated' }),
    ]);
    expect(totals.taxStatus).toBe('complete');
  });

  it('rounds per line, not on the order total', () => {
    const totals = computeTotals({
      lines: [
        { unitAmount: 10, quantity: 1 },
        { unitAmount: 10, quantity: 1 },
      ],
      coupon: null,
      shippingAmount: null,
      tax: { location: at('US', 'CA'), lines: [goods(), goods()], shipping: null },
    });
    // 0.725 per line rounds to 1 each; 7.25 % of the order's 20 would round to 1.
    expect(totals.lines.map((line) => line.tax)).toEqual([1, 1]);
    expect(totals.tax).toBe(2);
  });

  it('keeps the total of inclusive prices and reports the tax inside them', () => {
    const totals = computeTotals({
      lines: [{ unitAmount: 2400, quantity: 1 }],
      coupon: null,
      shippingAmount: 600,
      tax: { location: at('GB'), lines: [goods('inclusive')], shipping: shipping('inclusive') },
    });
    expect(totals).toMatchObject({ subtotal: 2400, tax: 500, shippingTax: 100, shippingTotal: 600, total: 3000 });
    expect(totals.lines[0]).toMatchObject({ tax: 400, total: 2400 });
  });

  it('asks for a location before computing anything', () => {
    const totals = computeTotals({
      lines: [{ unitAmount: 2000, quantity: 1 }],
      coupon: null,
      shippingAmount: 500,
      tax: { location: { kind: 'incomplete' }, lines: [goods()], shipping: shipping() },
    });
    expect(totals).toMatchObject({ tax: 0, total: 2500, taxStatus: 'requires_location_inputs', taxes: [] });
  });

  it('is unchanged without automatic tax', () => {
    const totals = computeTotals({ lines: [{ unitAmount: 2000, quantity: 1 }], coupon: null, shippingAmount: 500 });
    expect(totals).toMatchObject({ tax: 0, total: 2500, taxStatus: null, taxes: [], shippingTaxes: [] });
  });

  const locations = fc.constantFrom<TaxInput['location']>(
    at('US', 'CA'),
    at('US', 'NY'),
    at('US', 'OR'),
    at('CA', 'BC'),
    at('GB'),
    at('DE'),
    unregistered,
  );
  const categories = fc.constantFrom<TaxTerms['category']>('goods', 'services', 'shipping', 'nontaxable');
  const cart = fc.record({
    lines: fc.array(
      fc.record({
        unitAmount: fc.integer({ min: 0, max: 500_000 }),
        quantity: fc.integer({ min: 1, max: 20 }),
        category: categories,
      }),
      { minLength: 1, maxLength: 6 },
    ),
    coupon: fc.option(
      fc.oneof(
        fc.record({ percentOff: fc.integer({ min: 1, max: 100 }), amountOff: fc.constant(null) }),
        fc.record({ percentOff: fc.constant(null), amountOff: fc.integer({ min: 1, max: 1_000_000 }) }),
      ),
    ),
    shippingAmount: fc.option(fc.integer({ min: 0, max: 50_000 })),
    location: locations,
  });

  type CartInput = typeof cart extends fc.Arbitrary<infer T> ? T : never;

  function totalsOf(input: CartInput, behavior: TaxTerms['behavior']) {
    return computeTotals({
      lines: input.lines,
      coupon: input.coupon,
      shippingAmount: input.shippingAmount,
      tax: {
        location: input.location,
        lines: input.lines.map((line) => ({ behavior, category: line.category })),
        shipping: { behavior, category: 'shipping' },
      },
    });
  }

  it('exclusive prices: total = subtotal − discount + shipping + tax, and tax ≥ 0', () => {
    fc.assert(
      fc.property(cart, (input) => {
        const totals = totalsOf(input, 'exclusive');
        expect(totals.tax).toBeGreaterThanOrEqual(0);
        expect(totals.total).toBe(totals.subtotal - totals.discount + totals.shipping + totals.tax);
        const lineTax = totals.lines.reduce((sum, line) => sum + line.tax, 0);
        expect(lineTax + totals.shippingTax).toBe(totals.tax);
        expect(totals.taxes.reduce((sum, line) => sum + line.amount, 0)).toBe(totals.tax);
      }),
    );
  });

  it('inclusive prices: total = subtotal − discount + shipping, and the tax is a share of it', () => {
    fc.assert(
      fc.property(cart, (input) => {
        const totals = totalsOf(input, 'inclusive');
        expect(totals.total).toBe(totals.subtotal - totals.discount + totals.shipping);
        expect(totals.tax).toBeGreaterThanOrEqual(0);
        expect(totals.tax).toBeLessThanOrEqual(totals.total);
        expect(totals.taxes.reduce((sum, line) => sum + line.amount, 0)).toBe(totals.tax);
      }),
    );
  });
});
