/** fast-check generators of shopper selections over `fixtureCatalog`, including junk the routes would refuse. */
import fc from 'fast-check';
import { ADD_ON_IDS } from '@/lib/catalog/add-ons';
import { address, fixtureCatalog } from '@/lib/pricing/testing/catalog-fixture';
import type { CheckoutSelections } from '@/lib/pricing/types';

const productIds = [...fixtureCatalog.products.map((p) => p.id), 'ghost-product'];
const methodIds = ['standard', 'express', 'overnight', 'teleport'];
const countries = ['US', 'CA', 'MX', 'DE', 'GB', 'JP', 'AU', 'KP', 'ZZ'];

export const addOnSelectionArb = fc.record({
  addOnId: fc.constantFrom(...ADD_ON_IDS, 'not-an-add-on'),
  productId: fc.option(fc.constantFrom(...productIds), { nil: null }),
});

export const selectionsArb: fc.Arbitrary<CheckoutSelections> = fc.record({
  items: fc.array(
    fc.record({ productId: fc.constantFrom(...productIds), quantity: fc.integer({ min: -1, max: 120 }) }),
    { maxLength: 8 },
  ),
  addOns: fc.array(addOnSelectionArb, { maxLength: 8 }),
  giftMessage: fc.option(fc.string({ maxLength: 220 }), { nil: null }),
  shippingAddress: fc.option(fc.constantFrom(...countries).map(address), { nil: null }),
  shippingMethodId: fc.option(fc.constantFrom(...methodIds), { nil: null }),
  discountCodes: fc.array(fc.constantFrom('WELCOME10', 'BOGUS'), { maxLength: 2 }),
});
