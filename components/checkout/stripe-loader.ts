import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';

/**
 * Stripe.js, loaded by the checkout only — the way Stripe recommends, and never by the other pages.
 *
 * - Real Stripe (`standInUrl` null): `loadStripe` from `@stripe/stripe-js/pure` adds js.stripe.com's script itself on
 *   its first call.
 * - Emulator: the stand-in script (`<emulator>/stripe.js`) is added first and `loadStripe` is called once it has run;
 *   `loadStripe` then finds `window.Stripe` (version `endive`) and loads nothing from js.stripe.com.
 *
 * Both come from origins the CSP's `script-src` lists (Stripe's, and the emulator's in emulator mode, `proxy.ts`);
 * nothing is server-rendered for them, so there is nothing for hydration to compare. One instance per publishable key
 * for the lifetime of the page; a failed load is forgotten so that a retry starts again.
 */
const instances = new Map<string, Promise<Stripe | null>>();
let standIn: Promise<void> | null = null;

function loadStandIn(src: string): Promise<void> {
  if (typeof window === 'undefined') return Promise.reject(new Error('Stripe.js loads in the browser only'));
  if (window.Stripe) return Promise.resolve();
  standIn ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => {
      script.remove();
      standIn = null;
      reject(new Error('Stripe.js failed to load'));
    });
    document.head.appendChild(script);
  });
  return standIn;
}

/**
 * The Stripe.js instance for `publishableKey`. Call it as early as the checkout knows it will need Stripe (the island
 * does so on mount, while the Checkout Session is being created) so the script downloads alongside.
 */
export function getStripePromise(publishableKey: string, standInUrl: string | null): Promise<Stripe | null> {
  let instance = instances.get(publishableKey);
  if (!instance) {
    const ready = standInUrl ? loadStandIn(standInUrl) : Promise.resolve();
    instance = ready
      .then(() => loadStripe(publishableKey))
      .catch((error: unknown) => {
        instances.delete(publishableKey);
        throw error;
      });
    instances.set(publishableKey, instance);
  }
  return instance;
}
