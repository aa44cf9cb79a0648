import { type AddOnConfig, addOnConfig } from '@/lib/catalog/add-ons';
import { type ShippingConfig, shippingConfig } from '@/lib/catalog/shipping';

/** What the store offers beside its products: the add-ons and the shipping methods with their rates. */
export type StoreOffer = { addOns: AddOnConfig; shipping: ShippingConfig };

/** The seed modules' offer (lib/catalog/add-ons.ts, shipping.ts): the engines' default, and the unit tests' fixture. */
export const SEED_OFFER: StoreOffer = { addOns: addOnConfig, shipping: shippingConfig };
