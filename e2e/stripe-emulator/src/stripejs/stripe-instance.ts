import type { Stripe, StripeConstructorOptions } from '@stripe/stripe-js';
import { initCheckoutElementsSdk, type SdkEnvironment } from './checkout-sdk';
import { DEFAULT_LOCALE } from './format';

/**
 * The slice of the `Stripe` object the stand-in implements, typed by Stripe.js's own interface. The four methods
 * react-stripe-js's `isStripe` guard looks for exist but are not emulated.
 */
export type StandInStripe = Pick<
  Stripe,
  | 'elements'
  | 'createToken'
  | 'createPaymentMethod'
  | 'confirmCardPayment'
  | 'initCheckoutElementsSdk'
  | 'registerAppInfo'
> & {
  _registerWrapper(wrapper: unknown): void;
  initCheckoutFormSdk(): never;
};

export type StripeEnvironment = Omit<SdkEnvironment, 'publishableKey' | 'locale'>;

const NOT_EMULATED = 'is not supported by the Stripe emulator; use initCheckoutElementsSdk.';

function localeOf(options: StripeConstructorOptions | undefined): string {
  const locale = options?.locale;
  return locale && locale !== 'auto' ? locale : DEFAULT_LOCALE;
}

/** `Stripe(publishableKey, options?)`. */
export function createStripe(
  publishableKey: unknown,
  options: StripeConstructorOptions | undefined,
  env: StripeEnvironment,
): StandInStripe {
  if (typeof publishableKey !== 'string' || publishableKey.trim() === '') {
    throw new Error(`Invalid value for Stripe(): apiKey should be a string. You specified: ${String(publishableKey)}`);
  }
  if (publishableKey.startsWith('sk_')) {
    throw new Error('You should not use your secret key with Stripe.js. Please pass a publishable key instead.');
  }
  const locale = localeOf(options);
  const rejectNotEmulated = (name: string) => async () => {
    throw new Error(`stripe.${name}() ${NOT_EMULATED}`);
  };
  return {
    elements: () => {
      throw new Error(`stripe.elements() ${NOT_EMULATED}`);
    },
    createToken: rejectNotEmulated('createToken'),
    createPaymentMethod: rejectNotEmulated('createPaymentMethod'),
    confirmCardPayment: rejectNotEmulated('confirmCardPayment'),
    initCheckoutElementsSdk: (sdkOptions) => initCheckoutElementsSdk(sdkOptions, { ...env, publishableKey, locale }),
    initCheckoutFormSdk: () => {
      throw new Error(`stripe.initCheckoutFormSdk() ${NOT_EMULATED}`);
    },
    registerAppInfo: () => undefined,
    _registerWrapper: () => undefined,
  };
}
