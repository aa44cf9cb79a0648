/**
 * "A tab can only pay for the state it displays, and only after the server priced it", as pure decisions: whether the
 * address form holds Pay, what Pay must send first (the address being typed, the gift message draft), whether the
 * server's checkout is still the one this tab showed when the shopper pressed Pay, and which other tabs' news to take.
 * The React side (checkout-updates.tsx, shipping-address-section.tsx, gift-message-card.tsx) only feeds them.
 */
import {
  addressKey,
  type ShippingAddressRequest,
  toShippingAddressRequest,
} from '@/components/checkout/shipping-address';
import type { CheckoutStateView } from '@/lib/checkout/contract';
import * as z from '@/lib/zod-browser';

// ——— the shipping address form ———

/** What the Shipping Address Element last reported (a `change` event or `getValue()`). */
export type AddressEdit = { complete: boolean; empty: boolean; key: string; request: ShippingAddressRequest };

export function toAddressEdit(event: {
  complete: boolean;
  empty?: boolean;
  value: Parameters<typeof toShippingAddressRequest>[0];
}): AddressEdit {
  const request = toShippingAddressRequest(event.value);
  const empty =
    event.empty ?? [request.name, request.line1, request.city, request.postalCode].every((part) => !part?.trim());
  return { complete: event.complete, empty, key: addressKey(request), request };
}

/** The key of the address the server saved (the view's), in the same form as an edit's. */
export function savedAddressKey(saved: CheckoutStateView['shippingAddress']): string | null {
  if (!saved) return null;
  return addressKey({
    name: saved.name,
    line1: saved.line1,
    country: saved.country,
    ...(saved.line2 ? { line2: saved.line2 } : {}),
    ...(saved.city ? { city: saved.city } : {}),
    ...(saved.state ? { state: saved.state } : {}),
    ...(saved.postalCode ? { postalCode: saved.postalCode } : {}),
  });
}

export type AddressContext = {
  /** Keys of addresses the server has or is being sent: the view's saved one and the last one sent. */
  savedKeys: ReadonlyArray<string | null>;
};

function isSaved(edit: AddressEdit, context: AddressContext): boolean {
  return context.savedKeys.some((key) => key !== null && key === edit.key);
}

function hasSaved(context: AddressContext): boolean {
  return context.savedKeys.some((key) => key !== null);
}

/**
 * What to do with the address on screen: send it (complete and not what the server has), hold Pay because it is
 * incomplete, or nothing. The element's own events on mount carry the saved address (nothing to do), or nothing at
 * all for a new shopper (the "enter your address" block applies, not "finish it").
 */
export function addressAction(edit: AddressEdit | null, context: AddressContext): 'send' | 'incomplete' | 'none' {
  if (!edit || isSaved(edit, context)) return 'none';
  if (edit.complete) return 'send';
  if (edit.empty && !hasSaved(context)) return 'none';
  return 'incomplete';
}

export type AddressBlock = 'address-saving' | 'address-incomplete' | 'address-refused';

export type AddressGuardInput = AddressContext & {
  edit: AddressEdit | null;
  /** An edit waits for the debounce to send it. */
  scheduled: boolean;
  /** An address update is in flight. */
  sending: boolean;
  /** The last address update failed (refused, or its outcome is unknown). */
  failed: boolean;
};

/** Why the address form holds Pay, or null: an edit not yet sent or being saved, an incomplete one, a refused one. */
export function addressBlock(input: AddressGuardInput): AddressBlock | null {
  if (input.scheduled || input.sending) return 'address-saving';
  const action = addressAction(input.edit, input);
  if (action === 'incomplete') return 'address-incomplete';
  if (action === 'send') return 'address-saving';
  if (input.failed && !(input.edit && isSaved(input.edit, input))) return 'address-refused';
  return null;
}

// ——— the gift message draft ———

export type GiftDraft = { checked: boolean; draft: string; selected: boolean; savedMessage: string | null };

/**
 * A ticked card with no message (never written, or emptied) holds Pay: `empty`. With text that differs from the saved
 * message: `send` it (Pay does, before paying).
 */
export function giftMessageAction(gift: GiftDraft): 'send' | 'empty' | 'none' {
  if (!gift.checked) return 'none';
  const trimmed = gift.draft.trim();
  if (trimmed === '') return 'empty';
  const saved = gift.selected ? (gift.savedMessage ?? '').trim() : '';
  return trimmed === saved ? 'none' : 'send';
}

// ——— the check before paying ———

export type PayCheck = 'pay' | 'changed' | 'closed';

/**
 * Whether the server's checkout is the one this tab showed when Pay was pressed (`seenVersion`), changed only by this
 * tab's own updates since (`ownVersions`, the versions the runner's own updates answered; every saved update raises
 * the version by one). Anything else — another tab's update, even one folded into an answer to ours — is `changed`.
 */
export function payCheck(input: {
  seenVersion: number | null;
  ownVersions: ReadonlySet<number>;
  server: Pick<CheckoutStateView, 'version' | 'status'>;
}): PayCheck {
  const { seenVersion, ownVersions, server } = input;
  if (server.status !== 'open') return 'closed';
  if (seenVersion === null || server.version < seenVersion) return 'changed';
  for (let version = seenVersion + 1; version <= server.version; version++) {
    if (!ownVersions.has(version)) return 'changed';
  }
  return 'pay';
}

// ——— tabs of one shopper ———

/** The BroadcastChannel the tabs of one checkout share. */
export function checkoutChannelName(sessionId: string): string {
  return `checkout:${sessionId}`;
}

const checkoutNewsSchema = z.strictObject({
  sessionId: z.string().check(z.minLength(1)),
  version: z.int().check(z.nonnegative()),
});
export type CheckoutNews = z.infer<typeof checkoutNewsSchema>;

/** Another tab saved `version` of this checkout: reload when it is newer than what this tab has. */
export function shouldTakeNews(message: unknown, sessionId: string, currentVersion: number | null): boolean {
  const parsed = checkoutNewsSchema.safeParse(message);
  if (!parsed.success || parsed.data.sessionId !== sessionId) return false;
  return currentVersion === null || parsed.data.version > currentVersion;
}
