'use server';

import { refresh } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { AddToCartState, CartLineState } from '@/lib/cart/form-state';
import { cartNoticeHref, parseAddToCartForm, parseCartLineForm } from '@/lib/cart/forms';
import { addToCart, setCartQuantity, takeOutOfCart } from '@/lib/cart/service';
import { getDb } from '@/lib/db';
import { type AppError, isAppError } from '@/lib/http/app-error';
import { readShopperId, resolveShopper, setShopperCookie } from '@/lib/shopper';
import { currentStoreData } from '@/lib/store-data/current';

/**
 * The cart's Server Actions: the forms behind Add to cart, a cart line's − / + / typed quantity and Remove, and Undo.
 * They are plain HTML forms until the page has hydrated (and for good with JavaScript off): the browser posts them and
 * Next runs the action, so no click is lost. Every rule (stock, per-order limits) is the cart service's, exactly as for
 * the JSON API (`/api/cart/…`); form data is zod-validated in `lib/cart/forms.ts`.
 *
 * A hydrated form calls the action with `fetch` (Next sends a `Next-Action` header): it answers a state that the form
 * shows inline and `refresh()`es the page (lines, subtotal, header badge) in the same response. A form the browser
 * posted itself gets a redirect after a change (post / redirect / get, so a reload does not post again). After a
 * refusal the cart page is rendered with the action's state, so the server's message shows without JavaScript; an Add
 * to cart refusal lands on the cart page, which says why (the product page is served from its prerendered shell).
 */

const NOT_IN_CART = 'That item is not in your cart.';

/** True when the browser posted the form itself (before hydration, or with JavaScript off). */
async function postedWithoutScript(): Promise<boolean> {
  return (await headers()).get('next-action') === null;
}

/**
 * Ends an action on another page. `refresh()` first: a redirect alone re-renders only the new page below the shared
 * layout, and the header's cart badge (in the root layout) would keep the old count.
 */
function showPage(href: string, type: 'push' | 'replace'): never {
  refresh();
  redirect(href, type);
}

/** A refusal the shopper can act on (a rule, such as the per-order limit), not a failure. */
function isRefusal(error: unknown): error is AppError {
  return isAppError(error) && error.status < 500;
}

/** The message for a refusal the shopper can act on; anything unexpected is logged and answered generically. */
function refusalMessage(error: unknown, fallback: string): string {
  if (isRefusal(error)) return error.message;
  console.error('[cart] a cart form failed', error);
  return fallback;
}

/** Adds units of a product; the first add creates the shopper's httpOnly cookie. */
export async function addToCartAction(_previous: AddToCartState, form: FormData): Promise<AddToCartState> {
  const parsed = parseAddToCartForm(form);
  if (!parsed.ok) return { status: 'error', message: parsed.message, quantity: '1' };
  const item = parsed.data;
  const cookieStore = await cookies();
  const { shopperId, isNew } = resolveShopper(cookieStore);
  try {
    await addToCart(await getDb(), { shopperId, ...item }, (await currentStoreData()).catalog);
  } catch (error) {
    const message = refusalMessage(error, 'We could not add this to your cart. Please try again.');
    // A catalog page answers a form posted without JavaScript with its prerendered shell, which cannot show this
    // message (README, "Cached pages"): the cart page says why instead.
    if (isRefusal(error) && (await postedWithoutScript()))
      showPage(cartNoticeHref({ kind: 'refused', ...item }), 'push');
    return { status: 'error', message, quantity: String(item.quantity) };
  }
  if (isNew) setShopperCookie(cookieStore, shopperId);
  // Like Shopify's cart form: without JavaScript, the shopper lands on the cart that now lists the item.
  if (await postedWithoutScript()) showPage(cartNoticeHref({ kind: 'added', ...item }), 'push');
  refresh();
  return { status: 'added', quantity: item.quantity };
}

/** Sets a cart line's quantity; 0 removes it and offers an Undo (`/cart?removed=…`). */
export async function updateCartLineAction(_previous: CartLineState, form: FormData): Promise<CartLineState> {
  const parsed = parseCartLineForm(form);
  if (!parsed.ok) return { status: 'error', message: parsed.message };
  const { productId, quantity } = parsed.data;
  const shopperId = readShopperId(await cookies());
  const db = await getDb();

  if (quantity === 0) {
    let removed = 0;
    try {
      removed = shopperId ? await takeOutOfCart(db, { shopperId, productId }, (await currentStoreData()).catalog) : 0;
    } catch (error) {
      return { status: 'error', message: refusalMessage(error, 'We could not remove this item. Please try again.') };
    }
    showPage(removed > 0 ? cartNoticeHref({ kind: 'removed', productId, quantity: removed }) : '/cart', 'replace');
  }

  if (!shopperId) return { status: 'error', message: NOT_IN_CART };
  try {
    await setCartQuantity(db, { shopperId, productId, quantity }, (await currentStoreData()).catalog);
  } catch (error) {
    return { status: 'error', message: refusalMessage(error, 'Your cart could not be updated. Please try again.') };
  }
  if (await postedWithoutScript()) showPage('/cart', 'push');
  refresh();
  return { status: 'idle' };
}

/** Undo of a removal: adds the removed units back (within today's stock and limits) and shows the cart. */
export async function undoRemoveAction(_previous: CartLineState, form: FormData): Promise<CartLineState> {
  const parsed = parseAddToCartForm(form);
  if (!parsed.ok) return { status: 'error', message: parsed.message };
  const cookieStore = await cookies();
  const { shopperId, isNew } = resolveShopper(cookieStore);
  try {
    await addToCart(await getDb(), { shopperId, ...parsed.data }, (await currentStoreData()).catalog);
  } catch (error) {
    return { status: 'error', message: refusalMessage(error, 'We could not put this back. Please try again.') };
  }
  if (isNew) setShopperCookie(cookieStore, shopperId);
  showPage('/cart', 'replace');
}
