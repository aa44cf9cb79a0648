/**
 * What the cart's forms show after their Server Action, for the client components that render them. No zod here:
 * this module is in the browser bundle, and parsing (which needs zod) happens on the server (lib/cart/forms.ts).
 */

/** What the add-to-cart form shows after its action: nothing yet, what was added, or why nothing was. */
export type AddToCartState =
  | { status: 'idle' }
  | { status: 'added'; quantity: number }
  | { status: 'error'; message: string; quantity: string };

/** What a cart line's controls (and the Undo notice) show after their action: nothing, or why nothing changed. */
export type CartLineState = { status: 'idle' } | { status: 'error'; message: string };

export const IDLE = { status: 'idle' } as const;

/**
 * A notice on the cart page, carried in its URL so that it works after a plain form post and its redirect: units
 * added, removed (with Undo), or refused (an add posted without JavaScript; the page says why).
 */
export type CartNotice = { kind: 'added' | 'removed' | 'refused'; productId: string; quantity: number };
