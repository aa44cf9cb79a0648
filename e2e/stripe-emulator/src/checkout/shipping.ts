import { invalidParam, missingParam } from '../http/errors';
import { createShippingRate, getShippingRate } from '../resources/shipping-rates';
import type { Store } from '../store';
import type { ShippingOptionParams } from './params';

export const MAX_SHIPPING_OPTIONS = 5;

/**
 * Resolves `shipping_options` to ShippingRate ids, in order. Each `shipping_rate_data` creates a new ShippingRate
 * (fresh `shr_` id); every rate must be in the session currency.
 */
export function resolveShippingOptions(store: Store, options: ShippingOptionParams[], currency: string): string[] {
  if (options.length > MAX_SHIPPING_OPTIONS) {
    throw invalidParam(
      `You may only specify up to ${MAX_SHIPPING_OPTIONS} shipping options; you passed ${options.length}.`,
      'shipping_options',
    );
  }
  return options.map((option, index) => {
    const param = `shipping_options[${index}]`;
    if (option.shipping_rate !== undefined && option.shipping_rate_data !== undefined) {
      throw invalidParam(
        'You may only specify one of these parameters: shipping_rate, shipping_rate_data.',
        `${param}[shipping_rate]`,
        'parameters_exclusive',
      );
    }
    let rate: ReturnType<typeof getShippingRate>;
    let currencyParam: string;
    if (option.shipping_rate_data) {
      rate = createShippingRate(store, option.shipping_rate_data, `${param}[shipping_rate_data]`);
      currencyParam = `${param}[shipping_rate_data][fixed_amount][currency]`;
    } else if (option.shipping_rate !== undefined) {
      rate = getShippingRate(store, option.shipping_rate, `${param}[shipping_rate]`);
      if (!rate.active) throw invalidParam(`The shipping rate ${rate.id} is inactive.`, `${param}[shipping_rate]`);
      currencyParam = `${param}[shipping_rate]`;
    } else {
      throw missingParam(`${param}[shipping_rate]`);
    }
    const rateCurrency = rate.fixed_amount?.currency;
    if (rateCurrency !== currency) {
      throw invalidParam(
        `The shipping rate currency (${rateCurrency}) must match the currency of the Checkout Session (${currency}).`,
        currencyParam,
      );
    }
    return rate.id;
  });
}
