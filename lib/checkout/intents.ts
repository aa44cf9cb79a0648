/**
 * What a shopper asks the checkout to change, as data, and the pure functions that apply it to the stored selections
 * under the store's rules. Every dynamic update goes through `updateCheckout` with one of these; new interactions add
 * a variant here. Refusals are AppErrors (4xx) with the shopper-facing message.
 */
import { quantityRefusal } from '@/lib/cart/rules';
import {
  type AddOnRefusalCode,
  checkAddOnEligibility,
  findAddOn,
  giftMessageSchema,
  pruneIneligibleAddOns,
} from '@/lib/catalog/add-ons';
import { SEED_OFFER, type StoreOffer } from '@/lib/catalog/offer';
import type { Catalog } from '@/lib/catalog/schema';
import { methodRestriction, shippingOptionsFor, withSelectedFirst } from '@/lib/catalog/shipping';
import { discountsUnavailable } from '@/lib/checkout/access';
import { availableItems } from '@/lib/checkout/available-items';
import { GIFT_MESSAGE_ADD_ON_ID, type UpdateNotice } from '@/lib/checkout/contract';
import { type DiscountRules, discountInputOf } from '@/lib/checkout/price';
import { countryInSentence, countryName } from '@/lib/countries';
import { checkCode, chooseCode, codeChoiceMessage, normalizeCode, type RejectionReason } from '@/lib/discounts';
import { AppError } from '@/lib/http/app-error';
import { resolveCartItems } from '@/lib/pricing/cart';
import type { CheckoutSelections, QuoteLine, QuoteShippingOption, ShippingAddress } from '@/lib/pricing/types';

export type CheckoutIntent =
  | { type: 'replace-items'; items: ReadonlyArray<{ productId: string; quantity: number }> }
  | { type: 'set-shipping-address'; address: ShippingAddress }
  | SetAddOnIntent
  | SetQuantityIntent
  | SetShippingMethodIntent
  | DiscountCodeIntent
  /** Pay with the signed-in customer's store credit, or stop (the route checks whose checkout it is). */
  | { type: 'set-store-credit'; apply: boolean }
  /** Re-price with nothing changed (automatic promotions after a clock change, a session's first discount). */
  | { type: 'refresh' }
  /** Re-price for the email Stripe now holds for the checkout (the shopper changed it in Stripe's checkout). */
  | { type: 'email-changed' };

export type IntentContext = {
  catalog: Catalog;
  allowedCountries: ReadonlyArray<string>;
  /** Units per product id sold or held by other shoppers (missing = 0): bounds `set-quantity` by the stock left. */
  unavailableUnits: ReadonlyMap<string, number>;
  /** For `apply-code`: the rules and the shopper's context; null when the checkout cannot take discounts. */
  discounts: DiscountRules | null;
  /** The app's clock (shared with the emulator in tests): codes are checked against it. */
  now: Date;
  /** The lines the checkout was last priced with, to name items the catalog no longer has. */
  quotedLines?: ReadonlyArray<Pick<QuoteLine, 'productId' | 'name'>>;
  /** The add-ons and shipping methods offered (default: the seed's). */
  offer?: StoreOffer;
};

export function emptySelections(items: CheckoutSelections['items']): CheckoutSelections {
  return { items, addOns: [], giftMessage: null, shippingAddress: null, shippingMethodId: null, discountCodes: [] };
}

/** The selections after an intent, and what it changed that the shopper did not ask for (said once by the page). */
export type IntentOutcome = { selections: CheckoutSelections; notices: UpdateNotice[] };

/**
 * The selections with only what the store can still sell (`availableItems`), then after `intent`, then a chosen
 * shipping method the order can no longer have (a new country, a PO box) switched to the cheapest one offered — each
 * with a notice; throws an AppError (4xx) when the intent is not allowed. Pure.
 */
export function applyIntent(
  selections: CheckoutSelections,
  intent: CheckoutIntent,
  context: IntentContext,
): IntentOutcome {
  const available = intent.type === 'replace-items' ? null : availableItems(selections.items, context);
  const current =
    available && available.notices.length > 0
      ? tidyAddOns({ ...selections, items: available.items }, context.catalog, context.offer)
      : selections;
  const changed = applyChange(current, intent, context);
  const shipping = followOfferedShipping(changed.selections, context.catalog, context.offer);
  return {
    selections: shipping.selections,
    notices: [...(available?.notices ?? []), ...changed.notices, ...shipping.notices],
  };
}

function applyChange(selections: CheckoutSelections, intent: CheckoutIntent, context: IntentContext): IntentOutcome {
  switch (intent.type) {
    case 'replace-items':
      return quiet(
        tidyAddOns({ ...selections, items: intent.items.map((item) => ({ ...item })) }, context.catalog, context.offer),
      );
    case 'set-shipping-address':
      assertShippableAddress(intent.address, context.allowedCountries);
      return quiet({ ...selections, shippingAddress: { ...intent.address } });
    case 'set-add-on':
      return quiet(applySetAddOn(selections, intent, context));
    case 'set-quantity':
      return quiet(applySetQuantity(selections, intent, context));
    case 'set-shipping-method':
      return quiet(applySetShippingMethod(selections, intent, context));
    case 'apply-code':
    case 'remove-code':
      return applyDiscountCode(selections, intent, context);
    case 'set-store-credit':
      if (intent.apply) assertCreditToUse(context);
      return quiet({ ...selections, useStoreCredit: intent.apply });
    case 'refresh':
    case 'email-changed':
      return quiet(selections);
  }
}

function quiet(selections: CheckoutSelections): IntentOutcome {
  return { selections, notices: [] };
}

export function sameItems(a: CheckoutSelections['items'], b: CheckoutSelections['items']): boolean {
  return (
    a.length === b.length &&
    a.every((item, i) => item.productId === b[i]?.productId && item.quantity === b[i]?.quantity)
  );
}

// ——— set-store-credit ———

/** 409 unless the checkout can take the credit (server-side discounts carry it) and the customer has some to use. */
function assertCreditToUse(context: IntentContext): void {
  const available = context.discounts?.storeCredit ?? null;
  if (available === null)
    throw new AppError(409, 'store_credit_unavailable', "Store credit can't be used for this checkout right now.");
  if (available === 0) throw new AppError(409, 'no_store_credit', 'You have no store credit to use.');
}

// ——— set-shipping-address ———

/** Throws 400 `country_not_supported`, with the list of countries served, unless the store ships to `address.country`. */
export function assertShippableAddress(address: ShippingAddress, allowedCountries: ReadonlyArray<string>): void {
  if (allowedCountries.includes(address.country)) return;
  throw new AppError(
    400,
    'country_not_supported',
    `We don't ship to ${countryName(address.country)} yet. We ship to: ${allowedCountries.map(countryName).join(', ')}.`,
  );
}

// ——— set-add-on ———

/** `set-add-on`: select or remove one add-on (for one item, or the whole order), with the gift message card's text. */

/**
 * The gift message text travels with the gift message card's toggle (`selected: true`): selecting the card needs a
 * message (a saved one is kept when none is sent), and removing the card — or gift wrap, which it needs — drops it.
 */
export type SetAddOnIntent = {
  type: 'set-add-on';
  addOnId: string;
  /** The item a per-item add-on (warranty) covers; null for per-order add-ons. */
  productId: string | null;
  selected: boolean;
  giftMessage?: string;
};

/** Refusals that name something that does not exist or a malformed choice → 400; the rest depend on the order → 409. */
const BAD_REQUEST_REFUSALS: ReadonlySet<AddOnRefusalCode> = new Set([
  'unknown_add_on',
  'add_on_is_per_order',
  'product_required',
  'unknown_product',
]);

/** Drops add-ons that are no longer eligible, and the gift message once its card is gone. */
export function tidyAddOns(
  selections: CheckoutSelections,
  catalog: Catalog,
  offer: StoreOffer = SEED_OFFER,
): CheckoutSelections {
  const pruned = pruneIneligibleAddOns(selections, catalog, offer.addOns);
  const hasCard = pruned.addOns.some((a) => a.addOnId === GIFT_MESSAGE_ADD_ON_ID);
  return hasCard ? pruned : { ...pruned, giftMessage: null };
}

function giftMessageFor(selections: CheckoutSelections, sent: string | undefined): string {
  if (sent === undefined) {
    if (selections.giftMessage) return selections.giftMessage;
    throw new AppError(400, 'gift_message_required', 'Write the message for your gift card.');
  }
  const parsed = giftMessageSchema.safeParse(sent);
  if (!parsed.success) {
    throw new AppError(400, 'invalid_gift_message', parsed.error.issues[0]?.message ?? 'That gift message is invalid.');
  }
  return parsed.data;
}

export function applySetAddOn(
  selections: CheckoutSelections,
  intent: SetAddOnIntent,
  { catalog, offer = SEED_OFFER }: Pick<IntentContext, 'catalog' | 'offer'>,
): CheckoutSelections {
  const addOn = findAddOn(intent.addOnId, offer.addOns);
  if (!addOn) throw new AppError(400, 'unknown_add_on', 'That add-on is not available.');
  const isCard = addOn.id === GIFT_MESSAGE_ADD_ON_ID;
  if (intent.giftMessage !== undefined && !(isCard && intent.selected)) {
    throw new AppError(400, 'invalid_request', 'A gift message can only be sent when selecting the gift message card.');
  }
  const others = selections.addOns.filter((a) => !(a.addOnId === addOn.id && a.productId === intent.productId));
  if (!intent.selected) return tidyAddOns({ ...selections, addOns: others }, catalog, offer);

  const eligibility = checkAddOnEligibility(addOn.id, intent.productId, selections, catalog, offer.addOns);
  if (!eligibility.ok) {
    const status = BAD_REQUEST_REFUSALS.has(eligibility.code) ? 400 : 409;
    throw new AppError(status, eligibility.code, eligibility.message);
  }
  const giftMessage = isCard ? giftMessageFor(selections, intent.giftMessage) : selections.giftMessage;
  const addOns = [...others, { addOnId: addOn.id, productId: intent.productId }];
  return tidyAddOns({ ...selections, addOns, giftMessage }, catalog, offer);
}

// ——— set-quantity ———

/** `set-quantity`: change how many units of an item the order holds; 0 removes it (never the last one). */

export type SetQuantityIntent = { type: 'set-quantity'; productId: string; quantity: number };

export function applySetQuantity(
  selections: CheckoutSelections,
  intent: SetQuantityIntent,
  context: Pick<IntentContext, 'catalog' | 'unavailableUnits' | 'offer'>,
): CheckoutSelections {
  const { productId, quantity } = intent;
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new AppError(400, 'invalid_request', 'The quantity must be a whole number, 0 or more.');
  }
  const product = context.catalog.products.find((p) => p.id === productId);
  const current = selections.items.find((item) => item.productId === productId);
  if (!product || !current) {
    // Removing something already gone is a no-op, so a retried removal does not fail.
    if (quantity === 0) return selections;
    throw new AppError(404, 'checkout_item_not_found', `${product?.name ?? 'That product'} is not in your order.`);
  }
  const others = selections.items.filter((item) => item.productId !== productId);
  if (quantity === 0) {
    if (others.length === 0) {
      throw new AppError(
        409,
        'last_item',
        `${product.name} is the only item in your order. To remove it, go back to the store and change your cart.`,
      );
    }
    return tidyAddOns({ ...selections, items: others }, context.catalog, context.offer);
  }
  // Lowering a quantity is always allowed, even when fewer units are left than the order holds.
  if (quantity > current.quantity || quantity > product.maxPerOrder) {
    const refusal = quantityRefusal(product, quantity, context.unavailableUnits.get(productId) ?? 0);
    if (refusal) throw new AppError(409, 'quantity_unavailable', refusal);
  }
  const items = selections.items.map((item) => (item.productId === productId ? { productId, quantity } : item));
  return tidyAddOns({ ...selections, items }, context.catalog, context.offer);
}

// ——— set-shipping-method ———

/** `set-shipping-method`: choose one of the shipping methods offered for the order's address. */

export type SetShippingMethodIntent = { type: 'set-shipping-method'; methodId: string };

/** The shipping options the quote offers for these selections (none until an address is known). */
export function offeredShippingOptions(
  selections: CheckoutSelections,
  catalog: Catalog,
  offer: StoreOffer = SEED_OFFER,
): QuoteShippingOption[] {
  const lines = resolveCartItems(selections.items, catalog).map(({ product, quantity }) => ({
    kind: 'product' as const,
    productId: product.id,
    quantity,
    amount: product.unitAmount * quantity,
  }));
  return shippingOptionsFor(selections.shippingAddress, lines, catalog, offer.shipping);
}

/**
 * A chosen method the address can no longer have becomes the cheapest one offered, and the shopper is told why:
 * "Overnight shipping isn't available to the United Kingdom, so shipping changed to Standard shipping."
 */
function followOfferedShipping(
  selections: CheckoutSelections,
  catalog: Catalog,
  offer: StoreOffer = SEED_OFFER,
): IntentOutcome {
  const chosen = offer.shipping.methods.find((m) => m.id === selections.shippingMethodId);
  const address = selections.shippingAddress;
  if (!chosen || !address) return quiet(selections);
  const offered = offeredShippingOptions(selections, catalog, offer);
  const fallback = offer.shipping.methods.find((m) => m.id === withSelectedFirst(offered, null).selectedMethodId);
  if (!fallback || offered.some((option) => option.methodId === chosen.id)) return quiet(selections);
  const where = methodRestriction(chosen, address) === 'po-box' ? 'PO boxes' : countryInSentence(address.country);
  return {
    selections: { ...selections, shippingMethodId: fallback.id },
    notices: [
      {
        code: 'shipping_method_changed',
        message: `${chosen.displayName} isn't available to ${where}, so shipping changed to ${fallback.displayName}.`,
      },
    ],
  };
}

export function applySetShippingMethod(
  selections: CheckoutSelections,
  intent: SetShippingMethodIntent,
  { catalog, offer = SEED_OFFER }: Pick<IntentContext, 'catalog' | 'offer'>,
): CheckoutSelections {
  if (!selections.shippingAddress) {
    throw new AppError(409, 'address_required', 'Enter your shipping address first to see how your order can ship.');
  }
  const offered = offeredShippingOptions(selections, catalog, offer);
  if (!offered.some((option) => option.methodId === intent.methodId)) {
    const method = offer.shipping.methods.find((m) => m.id === intent.methodId);
    const choices = offered.map((option) => option.displayName).join(', ');
    throw new AppError(
      409,
      'shipping_method_unavailable',
      `${method?.displayName ?? 'That shipping method'} is not available for this address.${choices ? ` Choose one of: ${choices}.` : ''}`,
    );
  }
  return { ...selections, shippingMethodId: intent.methodId };
}

// ——— apply-code / remove-code ———

/**
 * `apply-code` / `remove-code`: the shopper's discount code. One code per order (the engine's stacking policy): a code
 * entered while another is applied replaces it only if it saves more on the order as it is now (`chooseCode`), and a
 * notice says which code stays and why. A code is checked against the order as it is now; refusals carry the engine's
 * reason (as `discount_<reason>`) and its shopper-facing message, which speaks only of this order.
 */

export type ApplyCodeIntent = { type: 'apply-code'; code: string };
export type RemoveCodeIntent = { type: 'remove-code'; code: string };
export type DiscountCodeIntent = ApplyCodeIntent | RemoveCodeIntent;

/** Refusals that depend on who is asking are answered alike, so a typed email reveals as little as possible. */
const IDENTITY_REASONS: ReadonlySet<RejectionReason> = new Set(['already_used', 'first_order_only']);

export function codeRefused(reason: RejectionReason, message: string, code: string): AppError {
  if (IDENTITY_REASONS.has(reason)) {
    return new AppError(422, 'discount_not_available_for_email', `The code ${code} can't be used with this email.`);
  }
  return new AppError(422, `discount_${reason}`, message);
}

export function applyDiscountCode(
  selections: CheckoutSelections,
  intent: DiscountCodeIntent,
  context: Pick<IntentContext, 'catalog' | 'now' | 'discounts' | 'offer'>,
): IntentOutcome {
  const code = normalizeCode(intent.code);
  if (intent.type === 'remove-code') {
    return quiet({ ...selections, discountCodes: selections.discountCodes.filter((c) => c !== code) });
  }
  if (!context.discounts) throw discountsUnavailable();
  const { rules, context: shopper } = context.discounts;
  const input = discountInputOf(selections, context.catalog, context.now, context.offer);
  const check = checkCode(code, rules, input, shopper);
  if (!check.ok) throw codeRefused(check.reason, check.message, code);
  const [applied] = selections.discountCodes;
  if (applied === undefined || applied === code) return quiet({ ...selections, discountCodes: [code] });
  const choice = chooseCode(applied, code, rules, input, shopper);
  return {
    selections: { ...selections, discountCodes: [choice.kept] },
    notices: [
      {
        code: choice.replaced ? 'discount_code_replaced' : 'discount_code_kept',
        message: codeChoiceMessage(choice, input.currency),
      },
    ],
  };
}
