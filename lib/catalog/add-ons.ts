/**
 * Add-ons as data, with the eligibility rules the routes use to refuse a selection and the quote uses to price one.
 *
 * - Gift wrap: per order, flat. Offered for ANY non-empty order (a deliberate choice: any item can be a gift, and the
 *   catalog need not have a `gifts` category).
 * - Gift message: per order, flat and small; requires gift wrap. Its text lives in `selections.giftMessage`
 *   (validate it with `giftMessageSchema`, ≤ 200 characters) and is shown as the line's description when present.
 * - Extended warranty: per item, for products whose category is `warrantyEligible`; priced per unit as a share of the
 *   item's unit price (basis points, `shareOf`), times the item's quantity.
 * - Express handling: per order, flat.
 */
import { z } from 'zod';
import type { Catalog, Product } from '@/lib/catalog/schema';
import { GIFT_MESSAGE_MAX_LENGTH } from '@/lib/checkout/contract';
import { currencySchema, minorUnitsSchema, shareOf } from '@/lib/money';
import { resolveCartItems } from '@/lib/pricing/cart';
import type { CheckoutSelections } from '@/lib/pricing/types';
import { TAX_CODES, taxCodeSchema } from '@/lib/tax/codes';

/** A gift message as the shopper may send it: trimmed, 1–200 characters, no control characters except new lines. */
export const giftMessageSchema = z
  .string()
  .trim()
  .min(1, 'Write a message, or remove the gift message.')
  .max(GIFT_MESSAGE_MAX_LENGTH, `A gift message can be at most ${GIFT_MESSAGE_MAX_LENGTH} characters.`)
  .refine((text) => !hasControlCharacters(text), 'A gift message cannot contain control characters.');

const addOnPriceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flat'), amount: minorUnitsSchema.min(1) }),
  /** Per unit: this share of the item's unit price. */
  z.object({ kind: z.literal('share-of-item'), basisPoints: z.number().int().min(1).max(10_000) }),
]);

const addOnSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    name: z.string().min(1).max(80),
    description: z.string().min(1).max(300),
    /** `order`: once per order (`productId` null). `warranty-eligible-item`: once per eligible cart item. */
    scope: z.enum(['order', 'warranty-eligible-item']),
    price: addOnPriceSchema,
    /** Per-order add-ons that must also be selected. */
    requires: z.array(z.string()).default([]),
    /** Stripe Tax product tax code. */
    taxCode: taxCodeSchema,
  })
  .refine((a) => a.price.kind === 'flat' || a.scope !== 'order', 'a per-order add-on needs a flat price');
export type AddOn = z.infer<typeof addOnSchema>;

export const addOnConfigSchema = z
  .object({ currency: currencySchema, addOns: z.array(addOnSchema).min(1) })
  .superRefine((config, ctx) => {
    const ids = new Set(config.addOns.map((a) => a.id));
    config.addOns.forEach((a, i) => {
      for (const required of a.requires) {
        if (!ids.has(required) || required === a.id)
          ctx.addIssue({ code: 'custom', path: ['addOns', i, 'requires'], message: `bad requirement ${required}` });
      }
    });
    if (ids.size !== config.addOns.length) ctx.addIssue({ code: 'custom', path: ['addOns'], message: 'duplicate id' });
  });
export type AddOnConfig = z.infer<typeof addOnConfigSchema>;

/** Display order of add-on lines follows this list. */
export const addOnConfig: AddOnConfig = addOnConfigSchema.parse({
  currency: 'usd',
  addOns: [
    {
      id: 'gift-wrap',
      name: 'Gift wrap',
      description: 'The whole order wrapped in recycled paper with a ribbon.',
      scope: 'order',
      price: { kind: 'flat', amount: 499 },
      taxCode: TAX_CODES.tangibleGoods,
    },
    {
      id: 'gift-message',
      name: 'Gift message card',
      description: 'A handwritten card with your message, tucked under the ribbon.',
      scope: 'order',
      price: { kind: 'flat', amount: 100 },
      requires: ['gift-wrap'],
      taxCode: TAX_CODES.tangibleGoods,
    },
    {
      id: 'extended-warranty',
      name: 'Extended warranty (2 years)',
      description: 'Two more years of repair or replacement cover.',
      scope: 'warranty-eligible-item',
      price: { kind: 'share-of-item', basisPoints: 1_500 },
      taxCode: TAX_CODES.services,
    },
    {
      id: 'express-handling',
      name: 'Express handling',
      description: 'Packed and handed to the carrier within one business day.',
      scope: 'order',
      price: { kind: 'flat', amount: 399 },
      taxCode: TAX_CODES.services,
    },
  ],
});

export const ADD_ON_IDS = addOnConfig.addOns.map((a) => a.id);

export function findAddOn(addOnId: string, config: AddOnConfig = addOnConfig): AddOn | null {
  return config.addOns.find((a) => a.id === addOnId) ?? null;
}

export type AddOnRefusalCode =
  | 'unknown_add_on'
  | 'empty_cart'
  | 'add_on_is_per_order'
  | 'product_required'
  | 'unknown_product'
  | 'product_not_in_cart'
  | 'not_eligible'
  | 'requires_add_on';

export type AddOnEligibility = { ok: true } | { ok: false; code: AddOnRefusalCode; message: string };

/**
 * Whether `addOnId` (for `productId`, or the whole order when null) may be selected given the other selections.
 * Only products that exist in the catalog count as being in the cart.
 */
export function checkAddOnEligibility(
  addOnId: string,
  productId: string | null,
  selections: Pick<CheckoutSelections, 'items' | 'addOns'>,
  catalog: Catalog,
  config: AddOnConfig = addOnConfig,
): AddOnEligibility {
  const addOn = findAddOn(addOnId, config);
  if (!addOn) return refuse('unknown_add_on', 'That add-on is not available.');
  const cart = productsInCart(selections, catalog);
  if (cart.length === 0) return refuse('empty_cart', `Add an item to your order before adding ${lower(addOn.name)}.`);
  if (addOn.scope === 'order') {
    if (productId !== null)
      return refuse('add_on_is_per_order', `${addOn.name} applies to the whole order, not one item.`);
  } else {
    if (productId === null) return refuse('product_required', `Choose which item ${lower(addOn.name)} is for.`);
    const product = catalog.products.find((p) => p.id === productId);
    if (!product) return refuse('unknown_product', 'That product does not exist.');
    if (!cart.some((p) => p.id === productId))
      return refuse('product_not_in_cart', `${product.name} is not in your order.`);
    if (!isWarrantyEligible(product, catalog))
      return refuse('not_eligible', `${addOn.name} is not available for ${product.name}.`);
  }
  for (const requiredId of addOn.requires) {
    const required = findAddOn(requiredId, config);
    if (!selections.addOns.some((a) => a.addOnId === requiredId && a.productId === null)) {
      return refuse('requires_add_on', `${addOn.name} needs ${lower(required?.name ?? requiredId)}: add it first.`);
    }
  }
  return { ok: true };
}

/**
 * The selections without add-ons that are no longer eligible (e.g. a warranty for a removed item, or a gift message
 * after gift wrap was removed) and without duplicates. Lets the service keep its stored selections tidy.
 */
export function pruneIneligibleAddOns<S extends Pick<CheckoutSelections, 'items' | 'addOns'>>(
  selections: S,
  catalog: Catalog,
  config: AddOnConfig = addOnConfig,
): S {
  let current = selections.addOns;
  // Removing one add-on can make another ineligible (gift wrap → gift message): repeat until stable.
  for (;;) {
    const seen = new Set<string>();
    const kept = current.filter((a) => {
      const key = `${a.addOnId}:${a.productId ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return checkAddOnEligibility(
        a.addOnId,
        a.productId,
        { items: selections.items, addOns: current },
        catalog,
        config,
      ).ok;
    });
    if (kept.length === current.length) return { ...selections, addOns: kept };
    current = kept;
  }
}

export function isWarrantyEligible(product: Product, catalog: Catalog): boolean {
  return catalog.categories.some((c) => c.id === product.categoryId && c.warrantyEligible);
}

/** Unit price of the add-on for one unit of `product` (or for the order when null). */
export function addOnUnitAmount(addOn: AddOn, product: Product | null): number {
  if (addOn.price.kind === 'flat') return addOn.price.amount;
  if (!product) throw new Error(`${addOn.id} is priced per item`);
  return Math.max(1, shareOf(product.unitAmount, addOn.price.basisPoints));
}

function productsInCart(selections: Pick<CheckoutSelections, 'items'>, catalog: Catalog): Product[] {
  return resolveCartItems(selections.items, catalog).map((item) => item.product);
}

/** C0 controls other than the line feed, and DEL. */
function hasControlCharacters(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && code !== 0x0a) || code === 0x7f) return true;
  }
  return false;
}

function refuse(code: AddOnRefusalCode, message: string): AddOnEligibility {
  return { ok: false, code, message };
}

function lower(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
