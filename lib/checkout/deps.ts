import 'server-only';
import type Stripe from 'stripe';
import type { StoreOffer } from '@/lib/catalog/offer';
import type { Catalog } from '@/lib/catalog/schema';
import { isShippableCountry } from '@/lib/catalog/shipping';
import { now } from '@/lib/clock';
import { getServerConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import type { Db } from '@/lib/db/client';
import type { DiscountRule } from '@/lib/discounts';
import { storeDataOf } from '@/lib/store-data/snapshot';
import { getStripe } from '@/lib/stripe/client';

export type CheckoutSettings = {
  /** Countries a session may ship to. */
  allowedCountries: ReadonlyArray<string>;
  sessionTtlSeconds: number;
  /** Public base URL for return_url and product images; null → the request's origin. */
  appUrl: string | null;
  /**
   * Create sessions with `permissions.update_discounts: 'server_only'` and send `discounts` on updates (Stripe private
   * preview). On unless SERVER_SIDE_DISCOUNTS=off; a session whose creation Stripe refused it for runs without.
   */
  serverSideDiscounts: boolean;
  /** Create sessions with Stripe Tax (`automatic_tax`); STRIPE_TAX. */
  stripeTax: boolean;
};

/** Countries a session may ship to: the configured list, limited to those the store has shipping rates for. */
export function allowedShippingCountries(configured: ReadonlyArray<string>): string[] {
  return configured.filter((country) => isShippableCountry(country));
}

function getCheckoutSettings(): CheckoutSettings {
  const config = getServerConfig();
  return {
    allowedCountries: allowedShippingCountries(config.shippingCountries),
    sessionTtlSeconds: config.checkoutSessionTtlSeconds,
    appUrl: config.appUrl,
    serverSideDiscounts: config.serverSideDiscounts,
    stripeTax: config.stripeTax,
  };
}

/** What the checkout services work with; routes get the app's own, tests pass theirs. */
export type CheckoutDeps = {
  db: Db;
  stripe: Stripe;
  catalog: Catalog;
  settings: CheckoutSettings;
  now: Date;
  /** The request's origin (scheme://host), used when no APP_URL is configured. */
  origin: string;
  /** The store's discount rules (the app's come from the database; default: the seed's, lib/discounts/rules.ts). */
  discountRules?: ReadonlyArray<DiscountRule>;
  /** The add-ons and shipping methods offered (the app's come from the database; default: the seed's). */
  offer?: StoreOffer;
};

/**
 * The app's real collaborators for a checkout request, priced from the store's data as it is now (one read of its
 * version, beside the clock's; a reload only after a change).
 */
export async function checkoutDepsFor(request: Request): Promise<CheckoutDeps> {
  const db = await getDb();
  const [store, clock] = await Promise.all([storeDataOf(db), now()]);
  return {
    db,
    stripe: getStripe(),
    catalog: store.catalog,
    discountRules: store.rules,
    offer: { addOns: store.addOns, shipping: store.shipping },
    settings: getCheckoutSettings(),
    now: clock,
    origin: new URL(request.url).origin,
  };
}

/** The store's public origin, for return URLs and absolute image URLs. */
export function publicOrigin(deps: Pick<CheckoutDeps, 'settings' | 'origin'>): string {
  return deps.settings.appUrl ?? deps.origin;
}
