/**
 * Stripe Tax product tax codes the store uses (https://docs.stripe.com/tax/tax-codes). Verified on Stripe's pages:
 * tangible goods and shipping. `services` (General - Services) is the code public integrations use for services; the
 * warranty and express handling use it until the merchant picks a more specific code (docs/stripe-assumptions.md).
 */
import { z } from 'zod';

export const TAX_CODES = {
  tangibleGoods: 'txcd_99999999',
  services: 'txcd_20030000',
  shipping: 'txcd_92010001',
} as const;

export const taxCodeSchema = z.string().regex(/^txcd_\d{8}$/, 'a Stripe tax code, txcd_ and 8 digits');
