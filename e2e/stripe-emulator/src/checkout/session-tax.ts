import type Stripe from 'stripe';
import { invalidParam, notEmulated } from '../http/errors';
import { getPrice } from '../resources/prices';
import { getShippingRate } from '../resources/shipping-rates';
import type { Store } from '../store';
import type { CreateSessionParams, LineItemParams, ShippingOptionParams } from './params';
import type { AutomaticTaxRecord, LineItemRecord, SessionRecord } from './record';
import type { TaxTerms } from './tax';
import { PRESET_PRODUCT_TAX_CODE, PRESET_SHIPPING_TAX_CODE, TAX_CODES, taxLocation } from './tax-rates';
import type { TaxInput } from './totals';

/**
 * Automatic tax on a session: the `automatic_tax` param, the checks Stripe Tax makes on prices and shipping rates
 * (a tax behavior is required, as the emulated account has no default one; tax codes must be in ./tax-rates.ts),
 * and the tax input of the totals. The tax location is the shipping address, else the billing address.
 */

export function resolveAutomaticTax(params: CreateSessionParams['automatic_tax']): AutomaticTaxRecord {
  if (!params?.enabled) return { enabled: false, liability: null };
  const liability = params.liability;
  if (liability?.type === 'account') {
    throw notEmulated('automatic_tax[liability][type]=account (Connect accounts)', 'automatic_tax[liability][type]');
  }
  if (liability?.account !== undefined) {
    throw invalidParam(
      'automatic_tax[liability][account] can only be set when automatic_tax[liability][type] is `account`.',
      'automatic_tax[liability][account]',
    );
  }
  return { enabled: true, liability: { type: 'self' } };
}

type Terms = { ok: true; terms: TaxTerms } | { ok: false; field: 'tax_behavior' | 'tax_code'; message: string };

function termsFor(behavior: string | null, code: string | Stripe.TaxCode | null, preset: string, what: string): Terms {
  if (behavior !== 'exclusive' && behavior !== 'inclusive') {
    return {
      ok: false,
      field: 'tax_behavior',
      message: `Automatic tax needs a tax behavior on every ${what}: set \`tax_behavior\` to \`exclusive\` or \`inclusive\` (this account has no default tax behavior).`,
    };
  }
  const taxCode = (typeof code === 'string' ? code : code?.id) ?? preset;
  const known = TAX_CODES[taxCode];
  if (!known) {
    return {
      ok: false,
      field: 'tax_code',
      message: `The tax code ${taxCode} is not in the emulator's tax table (it knows ${Object.keys(TAX_CODES).join(', ')})`,
    };
  }
  return { ok: true, terms: { behavior, category: known.category } };
}

function lineTerms(store: Store, line: LineItemRecord): Terms {
  const price = getPrice(store, line.priceId);
  const product = typeof price.product === 'string' ? store.products.get(price.product) : price.product;
  const code = (product && !product.deleted ? product.tax_code : null) ?? null;
  return termsFor(price.tax_behavior, code, PRESET_PRODUCT_TAX_CODE, 'price');
}

function shippingTerms(store: Store, rateId: string): Terms {
  const rate = getShippingRate(store, rateId);
  return termsFor(rate.tax_behavior, rate.tax_code, PRESET_SHIPPING_TAX_CODE, 'shipping rate');
}

function lineParam(item: LineItemParams | undefined, index: number, field: 'tax_behavior' | 'tax_code'): string {
  const at = `line_items[${index}]`;
  if (item?.price_data) {
    if (field === 'tax_behavior') return `${at}[price_data][tax_behavior]`;
    return item.price_data.product_data ? `${at}[price_data][product_data][tax_code]` : `${at}[price_data][product]`;
  }
  return item?.price !== undefined ? `${at}[price]` : at;
}

function shippingParam(option: ShippingOptionParams | undefined, index: number, field: string): string {
  const at = `shipping_options[${index}]`;
  if (option?.shipping_rate_data) return `${at}[shipping_rate_data][${field}]`;
  return option?.shipping_rate !== undefined ? `${at}[shipping_rate]` : at;
}

function refusal(problem: Extract<Terms, { ok: false }>, param: string) {
  return problem.field === 'tax_code' ? notEmulated(problem.message, param) : invalidParam(problem.message, param);
}

/** With automatic tax on, every line and every shipping option must be taxable as Stripe Tax requires. */
export function checkAutomaticTax(
  store: Store,
  record: SessionRecord,
  params: { line_items?: LineItemParams[]; shipping_options?: ShippingOptionParams[] | '' },
): void {
  if (!record.automaticTax.enabled) return;
  record.lineItems.forEach((line, index) => {
    const terms = lineTerms(store, line);
    if (!terms.ok) throw refusal(terms, lineParam(params.line_items?.[index], index, terms.field));
  });
  const options = params.shipping_options === '' ? [] : params.shipping_options;
  record.shippingRateIds.forEach((rateId, index) => {
    const terms = shippingTerms(store, rateId);
    if (!terms.ok) throw refusal(terms, shippingParam(options?.[index], index, terms.field));
  });
}

/** Where the session is taxed: the shipping address, else the billing address. */
function taxAddress(record: Pick<SessionRecord, 'shippingDetails' | 'billingDetails'>): Stripe.Address | null {
  return record.shippingDetails?.address ?? record.billingDetails?.address ?? null;
}

/** Automatic tax is on and no address (shipping, else `billingDetails`) says where to tax the order. */
export function lacksTaxLocation(record: SessionRecord, billingDetails: SessionRecord['billingDetails']): boolean {
  return record.automaticTax.enabled && taxLocation(taxAddress({ ...record, billingDetails })).kind === 'incomplete';
}

/** The totals' tax input; `null` when automatic tax is off. */
export function sessionTaxInput(store: Store, record: SessionRecord): TaxInput | null {
  if (!record.automaticTax.enabled) return null;
  const termsOrNone = (terms: Terms) => (terms.ok ? terms.terms : null);
  return {
    location: taxLocation(taxAddress(record)),
    lines: record.lineItems.map((line) => termsOrNone(lineTerms(store, line))),
    shipping: record.selectedShippingRateId ? termsOrNone(shippingTerms(store, record.selectedShippingRateId)) : null,
  };
}
