import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';

/**
 * One Stripe.js instance per publishable key for the lifetime of the page.
 * `/pure` loads nothing until first called, so in emulator mode the stand-in script (loaded `beforeInteractive` by the
 * root layout) has already defined `window.Stripe` and no request to js.stripe.com is made.
 */
const instances = new Map<string, Promise<Stripe | null>>();

export function getStripePromise(publishableKey: string): Promise<Stripe | null> {
  let instance = instances.get(publishableKey);
  if (!instance) {
    instance = loadStripe(publishableKey).catch((error: unknown) => {
      instances.delete(publishableKey);
      throw error;
    });
    instances.set(publishableKey, instance);
  }
  return instance;
}
