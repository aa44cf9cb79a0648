import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlphanumeric(length: number, alphabet = ALPHABET): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** Stripe-style ids: `cs_test_…`, `li_…`, `pi_…`, `evt_…`. */
export const newId = {
  checkoutSession: () => `cs_test_${randomAlphanumeric(32)}`,
  clientSecret: (sessionId: string) => `${sessionId}_secret_${randomAlphanumeric(24)}`,
  lineItem: () => `li_${randomAlphanumeric(24)}`,
  price: () => `price_${randomAlphanumeric(24)}`,
  product: () => `prod_${randomAlphanumeric(14)}`,
  shippingRate: () => `shr_${randomAlphanumeric(24)}`,
  coupon: () => randomAlphanumeric(8),
  promotionCode: () => `promo_${randomAlphanumeric(24)}`,
  promotionCodeValue: () => randomAlphanumeric(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'),
  discount: () => `di_${randomAlphanumeric(24)}`,
  paymentIntent: () => `pi_${randomAlphanumeric(24)}`,
  paymentIntentSecret: (intentId: string) => `${intentId}_secret_${randomAlphanumeric(24)}`,
  paymentMethod: () => `pm_${randomAlphanumeric(24)}`,
  charge: () => `ch_${randomAlphanumeric(24)}`,
  refund: () => `re_${randomAlphanumeric(24)}`,
  customer: () => `cus_${randomAlphanumeric(14)}`,
  event: () => `evt_${randomAlphanumeric(24)}`,
  request: () => `req_${randomAlphanumeric(14)}`,
};
