import type Stripe from 'stripe';

/**
 * The emulated Stripe Tax account: where it is registered, at what rates, and which product tax codes each
 * jurisdiction taxes. Illustrative rates for the store's test journeys, not tax advice; see the emulator README.
 *
 * | location (shipping address)     | tax                                  | rate    | goods | services | shipping |
 * | ------------------------------- | ------------------------------------ | ------- | ----- | -------- | -------- |
 * | US, California (`CA`)           | Sales Tax                            | 7.25 %  | taxed | exempt   | exempt   |
 * | US, New York (`NY`)             | Sales Tax (NYC: state + city + MCTD) | 8.875 % | taxed | exempt   | taxed    |
 * | US, Oregon (`OR`)               | none (`not_subject_to_tax`)          | 0 %     | —     | —        | —        |
 * | Canada, British Columbia (`BC`) | GST                                  | 5 %     | taxed | taxed    | taxed    |
 * |                                 | PST                                  | 7 %     | taxed | exempt   | exempt   |
 * | United Kingdom (`GB`)           | VAT                                  | 20 %    | taxed | taxed    | taxed    |
 * | Germany (`DE`)                  | VAT                                  | 19 %    | taxed | taxed    | taxed    |
 * | anywhere else                   | not registered (`not_collecting`)    | —       | —     | —        | —        |
 *
 * Goods: txcd_99999999 (the preset product code, also used for gift wrap); services: txcd_20030000; shipping:
 * txcd_92010001 (the preset shipping code).
 *
 * Exempt lines report `product_exempt`; the nontaxable code (txcd_00000000) reports `not_collecting` everywhere, as
 * Stripe documents. US and Canadian addresses need a `state` (the ISO 3166-2 code, e.g. `CA`, `BC`): without one the
 * location is incomplete (`requires_location_inputs`).
 */

export type TaxCategory = 'goods' | 'services' | 'shipping' | 'nontaxable';

/** Product tax codes the emulator knows; any other code is refused while automatic tax is enabled. */
export const TAX_CODES: Readonly<Record<string, { name: string; category: TaxCategory }>> = {
  txcd_99999999: { name: 'General - Tangible Goods', category: 'goods' },
  txcd_20030000: { name: 'General - Services', category: 'services' },
  txcd_92010001: { name: 'Shipping', category: 'shipping' },
  txcd_00000000: { name: 'Nontaxable', category: 'nontaxable' },
};

/** The account's preset codes (Dashboard → Tax settings), used when a product or shipping rate names none. */
export const PRESET_PRODUCT_TAX_CODE = 'txcd_99999999';
export const PRESET_SHIPPING_TAX_CODE = 'txcd_92010001';

export interface TaxComponent {
  /** Stable part of the TaxRate ids made for it. */
  key: string;
  displayName: string;
  taxType: Stripe.TaxRate.TaxType;
  jurisdiction: string;
  level: Stripe.TaxRate.JurisdictionLevel;
  /** In thousandths of a percent: 7250 is 7.25 %. */
  milliPercent: number;
  taxes: ReadonlySet<TaxCategory>;
  /** Why an untaxed category pays nothing here. */
  untaxedReason: 'product_exempt' | 'not_subject_to_tax';
}

export interface TaxJurisdiction {
  country: string;
  state: string | null;
  components: readonly TaxComponent[];
}

const ALL: ReadonlySet<TaxCategory> = new Set(['goods', 'services', 'shipping']);

function component(fields: Omit<TaxComponent, 'untaxedReason'> & Partial<Pick<TaxComponent, 'untaxedReason'>>) {
  return { untaxedReason: 'product_exempt' as const, ...fields };
}

const JURISDICTIONS: readonly TaxJurisdiction[] = [
  {
    country: 'US',
    state: 'CA',
    components: [
      component({
        key: 'us_ca_sales',
        displayName: 'Sales Tax',
        taxType: 'sales_tax',
        jurisdiction: 'California',
        level: 'state',
        milliPercent: 7250,
        taxes: new Set(['goods']),
      }),
    ],
  },
  {
    country: 'US',
    state: 'NY',
    components: [
      component({
        key: 'us_ny_sales',
        displayName: 'Sales Tax',
        taxType: 'sales_tax',
        jurisdiction: 'New York City',
        level: 'multiple',
        milliPercent: 8875,
        taxes: new Set(['goods', 'shipping']),
      }),
    ],
  },
  {
    country: 'US',
    state: 'OR',
    components: [
      component({
        key: 'us_or_sales',
        displayName: 'Sales Tax',
        taxType: 'sales_tax',
        jurisdiction: 'Oregon',
        level: 'state',
        milliPercent: 0,
        taxes: new Set(),
        untaxedReason: 'not_subject_to_tax',
      }),
    ],
  },
  {
    country: 'CA',
    state: 'BC',
    components: [
      component({
        key: 'ca_gst',
        displayName: 'GST',
        taxType: 'gst',
        jurisdiction: 'Canada',
        level: 'country',
        milliPercent: 5000,
        taxes: ALL,
      }),
      component({
        key: 'ca_bc_pst',
        displayName: 'PST',
        taxType: 'pst',
        jurisdiction: 'British Columbia',
        level: 'state',
        milliPercent: 7000,
        taxes: new Set(['goods']),
      }),
    ],
  },
  {
    country: 'GB',
    state: null,
    components: [
      component({
        key: 'gb_vat',
        displayName: 'VAT',
        taxType: 'vat',
        jurisdiction: 'United Kingdom',
        level: 'country',
        milliPercent: 20000,
        taxes: ALL,
      }),
    ],
  },
  {
    country: 'DE',
    state: null,
    components: [
      component({
        key: 'de_vat',
        displayName: 'VAT',
        taxType: 'vat',
        jurisdiction: 'Germany',
        level: 'country',
        milliPercent: 19000,
        taxes: ALL,
      }),
    ],
  },
];

/** Countries whose tax depends on the state or province (a location there is incomplete without one). */
const BY_STATE = new Set(['US', 'CA']);

export type TaxLocation =
  | { kind: 'incomplete' }
  | { kind: 'registered'; jurisdiction: TaxJurisdiction }
  | { kind: 'not_registered'; country: string; state: string | null };

/** Where an address is taxed, per the table above. */
export function taxLocation(address: Pick<Stripe.Address, 'country' | 'state'> | null | undefined): TaxLocation {
  const country = address?.country?.toUpperCase();
  if (!country) return { kind: 'incomplete' };
  const state = address?.state?.trim().toUpperCase() || null;
  if (BY_STATE.has(country) && state === null) return { kind: 'incomplete' };
  const regional = BY_STATE.has(country) ? state : null;
  const jurisdiction = JURISDICTIONS.find((j) => j.country === country && j.state === regional);
  return jurisdiction ? { kind: 'registered', jurisdiction } : { kind: 'not_registered', country, state: regional };
}
