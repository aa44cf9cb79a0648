/**
 * Entry of the stand-in Stripe.js, bundled by the emulator as an IIFE and served at `GET <emulator>/stripe.js`.
 * Load it before calling `loadStripe` so that `loadStripe` reuses `window.Stripe`: a blocking `<script>` before
 * `@stripe/stripe-js`, or (the store: components/checkout/stripe-loader.ts) an added `<script>` whose `load` event
 * precedes `loadStripe` from `@stripe/stripe-js/pure`. Its origin is read from its own `src` (script-origin.ts).
 */
import './zod-jitless';
import type { StripeConstructor, StripeConstructorOptions } from '@stripe/stripe-js';
import { scriptOrigin } from './script-origin';
import { createStripe } from './stripe-instance';

// document.currentScript is only set while this script first runs, so read it now.
const origin = scriptOrigin(document.currentScript, document, window.location.href);

const Stripe = Object.assign(
  (publishableKey: string, options?: StripeConstructorOptions) =>
    createStripe(publishableKey, options, { origin, navigate: (url) => window.location.assign(url) }),
  { version: 'endive' },
);

window.Stripe = Stripe as unknown as StripeConstructor;
