/** `set-add-on`: select or remove one add-on (for one item, or the whole order), with the gift message card's text. */
import {
  type AddOnRefusalCode,
  checkAddOnEligibility,
  findAddOn,
  giftMessageSchema,
  pruneIneligibleAddOns,
} from '@/lib/catalog/add-ons';
import type { Catalog } from '@/lib/catalog/schema';
import { GIFT_MESSAGE_ADD_ON_ID } from '@/lib/checkout/contract';
import type { IntentContext } from '@/lib/checkout/intents';
import { AppError } from '@/lib/http/app-error';
import type { CheckoutSelections } from '@/lib/pricing/types';

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
export function tidyAddOns(selections: CheckoutSelections, catalog: Catalog): CheckoutSelections {
  const pruned = pruneIneligibleAddOns(selections, catalog);
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
  { catalog }: Pick<IntentContext, 'catalog'>,
): CheckoutSelections {
  const addOn = findAddOn(intent.addOnId);
  if (!addOn) throw new AppError(400, 'unknown_add_on', 'That add-on is not available.');
  const isCard = addOn.id === GIFT_MESSAGE_ADD_ON_ID;
  if (intent.giftMessage !== undefined && !(isCard && intent.selected)) {
    throw new AppError(400, 'invalid_request', 'A gift message can only be sent when selecting the gift message card.');
  }
  const others = selections.addOns.filter((a) => !(a.addOnId === addOn.id && a.productId === intent.productId));
  if (!intent.selected) return tidyAddOns({ ...selections, addOns: others }, catalog);

  const eligibility = checkAddOnEligibility(addOn.id, intent.productId, selections, catalog);
  if (!eligibility.ok) {
    const status = BAD_REQUEST_REFUSALS.has(eligibility.code) ? 400 : 409;
    throw new AppError(status, eligibility.code, eligibility.message);
  }
  const giftMessage = isCard ? giftMessageFor(selections, intent.giftMessage) : selections.giftMessage;
  const addOns = [...others, { addOnId: addOn.id, productId: intent.productId }];
  return tidyAddOns({ ...selections, addOns, giftMessage }, catalog);
}
