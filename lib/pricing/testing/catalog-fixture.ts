/** A small catalog for pricing tests, independent of the store's real catalog data. */
import { type Catalog, catalogSchema } from '@/lib/catalog/schema';
import type { CheckoutSelections, ShippingAddress } from '@/lib/pricing/types';

export const fixtureCatalog: Catalog = catalogSchema.parse({
  currency: 'usd',
  categories: [
    { id: 'audio', name: 'Audio', description: 'Things that make sound.', warrantyEligible: true },
    { id: 'home', name: 'Home', description: 'Soft things.' },
    { id: 'gifts', name: 'Gifts', description: 'Small presents.' },
  ],
  products: [
    product('studio-headphones', 'Studio headphones', 'audio', 12_900, 350, 5),
    product('desk-speaker', 'Desk speaker', 'audio', 8_900, 1_800, 3),
    product('linen-throw', 'Linen throw', 'home', 5_900, 900, 10),
    product('soy-candle', 'Soy candle', 'gifts', 1_800, 400, 10),
    product('sticker', 'Sticker', 'gifts', 50, 10, 99),
  ],
});

function product(id: string, name: string, categoryId: string, unitAmount: number, weightGrams: number, max: number) {
  return {
    id,
    name,
    description: `${name}, for tests.`,
    categoryId,
    unitAmount,
    currency: 'usd',
    image: `/products/${id}.svg`,
    imageAlt: name,
    maxPerOrder: max,
    stock: 100,
    weightGrams,
  };
}

export function address(country: string): ShippingAddress {
  return {
    name: 'Ada Lovelace',
    line1: '1 Main St',
    line2: null,
    city: 'Springfield',
    state: null,
    postalCode: '12345',
    country,
  };
}

export function selectionsOf(overrides: Partial<CheckoutSelections> = {}): CheckoutSelections {
  return {
    items: [],
    addOns: [],
    giftMessage: null,
    shippingAddress: null,
    shippingMethodId: null,
    discountCodes: [],
    ...overrides,
  };
}
