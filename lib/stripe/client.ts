import 'server-only';
import Stripe from 'stripe';
import { getServerConfig, type StripeConfig } from '@/lib/config';

const APP_INFO = { name: 'elements-storefront', version: '0.1.0' };

/** A stripe-node client for real Stripe, or pointed at the local emulator's host and port. */
export function createStripeClient(config: StripeConfig): Stripe {
  const base = { maxNetworkRetries: 1, timeout: 8000, appInfo: APP_INFO };
  if (!config.emulatorUrl) return new Stripe(config.secretKey, base);
  const url = new URL(config.emulatorUrl);
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return new Stripe(config.secretKey, {
    ...base,
    host: url.hostname,
    port: url.port ? Number(url.port) : protocol === 'https' ? 443 : 80,
    protocol,
    telemetry: false,
  });
}

let memo: Stripe | undefined;

/** The app's Stripe client, created on first use (never at import or build time). */
export function getStripe(): Stripe {
  memo ??= createStripeClient(getServerConfig().stripe);
  return memo;
}

export type { Stripe };
