/**
 * Shipping methods as data, and the rules that turn an address + cart into the options Stripe offers: none without
 * an address, for an empty cart or outside `SHIPPABLE_COUNTRIES`; courier methods not to a PO box; `baseAmount` up to
 * `includedGrams`, plus `perExtraKgAmount` per started kilogram; free when the product subtotal reaches `freeAbove` in
 * its regions.
 */
import { z } from 'zod';
import { isPoBox } from '@/lib/catalog/po-box';
import type { Catalog } from '@/lib/catalog/schema';
import { currencySchema, minorUnitsSchema } from '@/lib/money';
import type { DeliveryEstimate, QuoteLine, QuoteShippingOption, ShippingAddress } from '@/lib/pricing/types';

export const shippingRegionSchema = z.enum(['domestic', 'canada-mexico', 'europe', 'rest-of-world']);
export type ShippingRegion = z.infer<typeof shippingRegionSchema>;

/** Countries (ISO 3166-1 alpha-2) the store ships to, by region. Domestic is the United States only. */
export const COUNTRIES_BY_REGION: Readonly<Record<ShippingRegion, ReadonlyArray<string>>> = {
  domestic: ['US'],
  'canada-mexico': ['CA', 'MX'],
  europe: [
    'AT',
    'BE',
    'BG',
    'CH',
    'CY',
    'CZ',
    'DE',
    'DK',
    'EE',
    'ES',
    'FI',
    'FR',
    'GB',
    'GR',
    'HR',
    'HU',
    'IE',
    'IS',
    'IT',
    'LI',
    'LT',
    'LU',
    'LV',
    'MT',
    'NL',
    'NO',
    'PL',
    'PT',
    'RO',
    'SE',
    'SI',
    'SK',
  ],
  'rest-of-world': ['AE', 'AU', 'BR', 'CL', 'HK', 'IL', 'IN', 'JP', 'KR', 'NZ', 'SG', 'TW', 'ZA'],
};

/** Every country the store ships to; also the session's `shipping_address_collection.allowed_countries`. */
export const SHIPPABLE_COUNTRIES: ReadonlyArray<string> = Object.values(COUNTRIES_BY_REGION).flat();

const regionByCountry = new Map(
  Object.entries(COUNTRIES_BY_REGION).flatMap(([region, countries]) =>
    countries.map((country) => [country, shippingRegionSchema.parse(region)] as const),
  ),
);

export function regionOf(country: string): ShippingRegion | null {
  return regionByCountry.get(country.toUpperCase()) ?? null;
}

export function isShippableCountry(country: string): boolean {
  return regionOf(country) !== null;
}

const estimateSchema = z
  .object({ minBusinessDays: z.number().int().min(1), maxBusinessDays: z.number().int().min(1) })
  .refine((e) => e.minBusinessDays <= e.maxBusinessDays, 'minimum after maximum');

const regionRateSchema = z.object({
  baseAmount: minorUnitsSchema,
  perExtraKgAmount: minorUnitsSchema,
  estimate: estimateSchema,
});

const shippingMethodSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  displayName: z.string().min(1).max(100),
  /** Regions the method is offered in, with their rates; a missing region means "not offered there". */
  rates: z.partialRecord(shippingRegionSchema, regionRateSchema),
  freeAbove: z.object({ minimumSubtotal: minorUnitsSchema, regions: z.array(shippingRegionSchema).min(1) }).nullable(),
  /** Whether the carrier delivers this method to PO boxes (the postal service does; couriers do not). */
  deliversToPoBoxes: z.boolean(),
});

export const shippingConfigSchema = z.object({
  currency: currencySchema,
  /** Cart weight covered by the base amount. */
  includedGrams: z.number().int().positive(),
  methods: z.array(shippingMethodSchema).min(1).max(5),
});
export type ShippingConfig = z.infer<typeof shippingConfigSchema>;

const days = (minBusinessDays: number, maxBusinessDays: number) => ({ minBusinessDays, maxBusinessDays });

export const shippingConfig: ShippingConfig = shippingConfigSchema.parse({
  currency: 'usd',
  includedGrams: 1_000,
  methods: [
    {
      id: 'standard',
      displayName: 'Standard shipping',
      rates: {
        domestic: { baseAmount: 599, perExtraKgAmount: 150, estimate: days(3, 5) },
        'canada-mexico': { baseAmount: 1_499, perExtraKgAmount: 300, estimate: days(5, 8) },
        europe: { baseAmount: 2_499, perExtraKgAmount: 500, estimate: days(6, 10) },
        'rest-of-world': { baseAmount: 2_999, perExtraKgAmount: 700, estimate: days(8, 14) },
      },
      freeAbove: { minimumSubtotal: 7_500, regions: ['domestic'] },
      deliversToPoBoxes: true,
    },
    {
      id: 'express',
      displayName: 'Express shipping',
      rates: {
        domestic: { baseAmount: 1_499, perExtraKgAmount: 250, estimate: days(1, 2) },
        'canada-mexico': { baseAmount: 2_999, perExtraKgAmount: 500, estimate: days(2, 4) },
        europe: { baseAmount: 3_999, perExtraKgAmount: 800, estimate: days(2, 5) },
        'rest-of-world': { baseAmount: 4_999, perExtraKgAmount: 1_000, estimate: days(3, 6) },
      },
      freeAbove: null,
      deliversToPoBoxes: false,
    },
    {
      id: 'overnight',
      displayName: 'Overnight shipping',
      rates: { domestic: { baseAmount: 2_999, perExtraKgAmount: 500, estimate: days(1, 1) } },
      freeAbove: null,
      deliversToPoBoxes: false,
    },
  ],
});

/** The parts of an address that decide which methods are offered. */
export type ShippingDestination = Pick<ShippingAddress, 'country'> & Partial<Pick<ShippingAddress, 'line1' | 'line2'>>;

/** Why a method is not offered to an address (its region has no rate, or it is a PO box), or null when it is. */
export function methodRestriction(
  method: ShippingConfig['methods'][number],
  address: ShippingDestination,
): 'region' | 'po-box' | null {
  const region = regionOf(address.country);
  if (!region || !method.rates[region]) return 'region';
  if (!method.deliversToPoBoxes && isPoBox(address)) return 'po-box';
  return null;
}

/** The options offered for this address and cart, in method order. Only product lines are read. */
export function shippingOptionsFor(
  address: ShippingDestination | null,
  lines: ReadonlyArray<Pick<QuoteLine, 'kind' | 'productId' | 'quantity' | 'amount'>>,
  catalog: Catalog,
  config: ShippingConfig = shippingConfig,
): QuoteShippingOption[] {
  if (config.currency !== catalog.currency) {
    throw new Error(`shipping rates are in ${config.currency}, the catalog in ${catalog.currency}`);
  }
  const region = address ? regionOf(address.country) : null;
  const productLines = lines.filter((line) => line.kind === 'product');
  if (!address || !region || productLines.length === 0) return [];
  const weightGrams = cartWeightGrams(productLines, catalog);
  const merchandiseSubtotal = productLines.reduce((sum, line) => sum + line.amount, 0);
  const options: QuoteShippingOption[] = [];
  for (const method of config.methods) {
    const rate = method.rates[region];
    if (!rate || methodRestriction(method, address) !== null) continue;
    const { freeAbove } = method;
    const free = freeAbove
      ? freeAbove.regions.includes(region) && merchandiseSubtotal >= freeAbove.minimumSubtotal
      : false;
    const extraKg = Math.ceil(Math.max(0, weightGrams - config.includedGrams) / 1_000);
    options.push({
      methodId: method.id,
      displayName: free ? `${method.displayName} (free)` : method.displayName,
      amount: free ? 0 : rate.baseAmount + rate.perExtraKgAmount * extraKg,
      deliveryEstimate: toDeliveryEstimate(rate.estimate),
    });
  }
  return options;
}

/**
 * Puts the selected option first (Stripe pre-selects the first `shipping_options` entry). The requested method wins
 * when offered; otherwise the cheapest offered option (the earlier one on a tie). No options → no selection.
 */
export function withSelectedFirst(
  options: ReadonlyArray<QuoteShippingOption>,
  requestedMethodId: string | null,
): { options: QuoteShippingOption[]; selectedMethodId: string | null } {
  const requested = options.find((option) => option.methodId === requestedMethodId);
  const selected =
    requested ??
    options.reduce<QuoteShippingOption | undefined>(
      (best, o) => (!best || o.amount < best.amount ? o : best),
      undefined,
    );
  if (!selected) return { options: [], selectedMethodId: null };
  return { options: [selected, ...options.filter((o) => o !== selected)], selectedMethodId: selected.methodId };
}

/** Total shipping weight of the product lines; lines whose product is unknown weigh nothing (they are never quoted). */
export function cartWeightGrams(
  lines: ReadonlyArray<Pick<QuoteLine, 'productId' | 'quantity'>>,
  catalog: Catalog,
): number {
  return lines.reduce((sum, line) => {
    const product = catalog.products.find((p) => p.id === line.productId);
    return sum + (product ? product.weightGrams * line.quantity : 0);
  }, 0);
}

function toDeliveryEstimate(estimate: z.infer<typeof estimateSchema>): DeliveryEstimate {
  return {
    minimum: { unit: 'business_day', value: estimate.minBusinessDays },
    maximum: { unit: 'business_day', value: estimate.maxBusinessDays },
  };
}
