import 'server-only';
import type { NextRequest } from 'next/server';
import { getCatalog } from '@/lib/catalog';
import { getCheckoutSettings } from '@/lib/checkout/settings';
import type { CheckoutDeps } from '@/lib/checkout/update';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { getStripe } from '@/lib/stripe/client';

/** The app's real collaborators for a checkout request (tests call the services with their own). */
export async function checkoutDepsFor(request: NextRequest): Promise<CheckoutDeps> {
  return {
    db: await getDb(),
    stripe: getStripe(),
    catalog: getCatalog(),
    settings: getCheckoutSettings(),
    now: await now(),
    origin: request.nextUrl.origin,
  };
}
