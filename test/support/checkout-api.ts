/**
 * Test support for the checkout route handlers: a shopper with a cart and an open session, made through the HTTP API
 * with their own cookie, and one-line calls to each update route.
 */

import { POST as addItem } from '@/app/api/cart/items/route';
import { GET as getCart } from '@/app/api/cart/route';
import { POST as addOnsRoute } from '@/app/api/checkout/add-ons/route';
import { POST as quantityRoute } from '@/app/api/checkout/quantity/route';
import { POST as startSession } from '@/app/api/checkout/sessions/route';
import { POST as shippingAddressRoute } from '@/app/api/checkout/shipping-address/route';
import { POST as shippingOptionRoute } from '@/app/api/checkout/shipping-option/route';
import { GET as stateRoute } from '@/app/api/checkout/state/route';
import type { CheckoutStateView } from '@/lib/checkout/contract';
import { emulatorRequests } from '@/test/emulator-control';
import { apiRequest, shopperIdSetBy } from '@/test/support/http';

export type Shopper = { shopperId: string; sessionId: string; clientSecret: string };

export const UPDATE_ROUTES = {
  'add-ons': addOnsRoute,
  quantity: quantityRoute,
  'shipping-address': shippingAddressRoute,
  'shipping-option': shippingOptionRoute,
} as const;
export type UpdateRoute = keyof typeof UPDATE_ROUTES;

export function postUpdate(route: UpdateRoute, shopperId: string | null, body: unknown): Promise<Response> {
  return UPDATE_ROUTES[route](apiRequest('POST', `/api/checkout/${route}`, { shopperId, body }));
}

/** Posts an update that must succeed and returns its state view. */
export async function update(route: UpdateRoute, shopperId: string, body: unknown): Promise<CheckoutStateView> {
  const response = await postUpdate(route, shopperId, body);
  if (response.status !== 200) throw new Error(`${route} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as CheckoutStateView;
}

export function getState(shopperId: string | null, query: string): Promise<Response> {
  return stateRoute(apiRequest('GET', `/api/checkout/state?${query}`, { shopperId }));
}

/** A new shopper (cookie set by the cart API) with `items` in the cart and an open Checkout Session. */
export async function shopperWithCheckout(
  items: ReadonlyArray<{ productId: string; quantity: number }>,
): Promise<Shopper> {
  let shopperId: string | null = null;
  for (const item of items) {
    const response = await addItem(apiRequest('POST', '/api/cart/items', { shopperId, body: item }));
    if (response.status !== 200) throw new Error(`add to cart → ${response.status}: ${await response.text()}`);
    shopperId ??= shopperIdSetBy(response);
  }
  if (!shopperId) throw new Error('no shopper cookie');
  const started = await startSession(apiRequest('POST', '/api/checkout/sessions', { shopperId, body: {} }));
  if (started.status !== 200) throw new Error(`start checkout → ${started.status}: ${await started.text()}`);
  const { sessionId, clientSecret } = (await started.json()) as { sessionId: string; clientSecret: string };
  return { shopperId, sessionId, clientSecret };
}

export async function cartQuantities(shopperId: string): Promise<Array<[string, number]>> {
  const response = await getCart(apiRequest('GET', '/api/cart', { shopperId }));
  const cart = (await response.json()) as { items: Array<{ productId: string; quantity: number }> };
  return cart.items.map((item) => [item.productId, item.quantity]);
}

/** Counts Stripe API calls from a starting point: `const calls = await stripeCallCounter(url); …; await calls()`. */
export async function stripeCallCounter(emulatorUrl: string): Promise<() => Promise<string[]>> {
  const before = (await emulatorRequests(emulatorUrl)).length;
  return async () => (await emulatorRequests(emulatorUrl)).slice(before).map((r) => `${r.method} ${r.path}`);
}
