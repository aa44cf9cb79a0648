import type {
  StripeAddressElement,
  StripeAddressElementChangeEvent,
  StripeCheckoutElementsSdk,
  StripeCheckoutElementsSdkOptions,
  StripeCheckoutLoadActionsResult,
  StripeCheckoutLoadActionsSuccess,
  StripeCheckoutUpdateHandler,
  StripePaymentElement,
} from '@stripe/stripe-js';
import { createBrowserApi } from './browser-api';
import { createCheckoutActions } from './checkout-actions';
import { AddressElement } from './elements/address-element';
import { PaymentElement } from './elements/payment-element';
import { SessionController } from './session-controller';

export type SdkEnvironment = {
  /** Origin of the emulator, taken from the stand-in script's own `src`. */
  origin: string;
  publishableKey: string;
  locale: string;
  navigate: (url: string) => void;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  serverUpdateTimeoutMs?: number;
};

/** Stripe.js's Checkout Elements SDK, plus `off` for listeners the stand-in's users want to drop. */
export type StandInCheckoutSdk = StripeCheckoutElementsSdk & {
  off(event: 'change', handler?: StripeCheckoutUpdateHandler): void;
};

const SERVER_UPDATE_TIMEOUT_MS = 20_000;

function notSupported(name: string): never {
  throw new Error(`${name} is not supported by the Stripe emulator.`);
}

/** `stripe.initCheckoutElementsSdk(options)`: synchronous, loads the session on the first `loadActions()`. */
export function initCheckoutElementsSdk(
  options: StripeCheckoutElementsSdkOptions,
  env: SdkEnvironment,
): StandInCheckoutSdk {
  const controller = new SessionController(env.locale);
  let payment: PaymentElement | null = null;
  let shipping: AddressElement | null = null;
  let billing: AddressElement | null = null;
  let actions: StripeCheckoutLoadActionsSuccess | null = null;
  let loading: Promise<StripeCheckoutLoadActionsResult> | null = null;

  async function load(): Promise<StripeCheckoutLoadActionsResult> {
    try {
      const clientSecret = await options.clientSecret;
      if (typeof clientSecret !== 'string' || clientSecret === '') {
        throw new Error('initCheckoutElementsSdk: clientSecret must be a non-empty string.');
      }
      const api = createBrowserApi({
        origin: env.origin,
        publishableKey: env.publishableKey,
        clientSecret,
        fetch: env.fetch,
      });
      controller.setRaw(await api.getSession());
      actions = createCheckoutActions({
        controller,
        api,
        paymentElement: () => payment,
        navigate: env.navigate,
        serverUpdateTimeoutMs: env.serverUpdateTimeoutMs ?? SERVER_UPDATE_TIMEOUT_MS,
      });
      return { type: 'success', actions };
    } catch (error) {
      loading = null; // a later call may retry
      return { type: 'error', error: { message: error instanceof Error ? error.message : String(error), code: null } };
    }
  }

  function assertNoOther(existing: unknown, type: string): void {
    if (existing) throw new Error(`Can only create one Element of type ${type}.`);
  }

  function addressSettings(mode: 'shipping' | 'billing') {
    if (!controller.loaded) return { initial: mode === 'shipping' ? options.defaultValues?.shippingAddress : null };
    const raw = controller.rawSession();
    const session = controller.snapshot();
    return mode === 'shipping'
      ? {
          countries: raw.shipping_address_collection?.allowed_countries,
          initial: session.shippingAddress ?? options.defaultValues?.shippingAddress,
        }
      : { initial: session.billingAddress ?? options.defaultValues?.billingAddress };
  }

  /** Like Stripe's, a complete shipping address is saved to the session unless the server owns shipping details. */
  function syncShippingAddress(event: StripeAddressElementChangeEvent): void {
    if (!event.complete || !actions || !controller.loaded) return;
    if (controller.rawSession().permissions?.update_shipping_details === 'server_only') return;
    void actions.updateShippingAddress({ name: event.value.name, address: event.value.address });
  }

  function syncBillingAddress(event: StripeAddressElementChangeEvent): void {
    if (!event.complete || !actions) return;
    void actions.updateBillingAddress({ name: event.value.name, address: event.value.address });
  }

  return {
    on: (_event, handler) => controller.onChange(handler),
    off: (_event, handler) => controller.offChange(handler),
    loadActions() {
      loading ??= load();
      return loading;
    },
    changeAppearance: () => undefined,
    loadFonts: () => undefined,

    createPaymentElement(elementOptions) {
      assertNoOther(payment, 'payment');
      const element = new PaymentElement(elementOptions, () => {
        if (payment === element) payment = null;
      });
      payment = element;
      const typed: StripePaymentElement = element;
      return typed;
    },
    createShippingAddressElement(elementOptions) {
      assertNoOther(shipping, 'address (mode: shipping)');
      const element = new AddressElement('shipping', elementOptions, addressSettings('shipping'), () => {
        if (shipping === element) shipping = null;
      });
      element.on('change', syncShippingAddress);
      shipping = element;
      const typed: StripeAddressElement = element;
      return typed;
    },
    createBillingAddressElement(elementOptions) {
      assertNoOther(billing, 'address (mode: billing)');
      const element = new AddressElement('billing', elementOptions, addressSettings('billing'), () => {
        if (billing === element) billing = null;
      });
      element.on('change', syncBillingAddress);
      billing = element;
      const typed: StripeAddressElement = element;
      return typed;
    },
    getPaymentElement: () => payment,
    getShippingAddressElement: () => shipping,
    getBillingAddressElement: () => billing,
    getExpressCheckoutElement: () => null,
    getCurrencySelectorElement: () => null,
    getContactDetailsElement: () => null,
    getTaxIdElement: () => null,
    getTermsElement: () => null,
    getLinkSignupElement: () => null,
    createExpressCheckoutElement: () => notSupported('The Express Checkout Element'),
    createCurrencySelectorElement: () => notSupported('The Currency Selector Element'),
    createContactDetailsElement: () => notSupported('The Contact Details Element'),
    createTaxIdElement: () => notSupported('The Tax ID Element'),
    createTermsElement: () => notSupported('The Terms Element'),
    createLinkSignupElement: () => notSupported('The Link Signup Element'),
  };
}
