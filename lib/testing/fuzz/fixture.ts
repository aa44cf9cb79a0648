import { z } from 'zod';
import { POST as addItem } from '@/app/api/cart/items/route';
import { POST as startSession } from '@/app/api/checkout/sessions/route';
import { POST as setAddress } from '@/app/api/checkout/shipping-address/route';
import { usAddress } from '@/lib/testing/checkout-flow';
import { apiRequest, shopperIdSetBy } from '@/lib/testing/http';

export type FuzzShopper = { shopperId: string; sessionId: string; clientSecret: string };

/** Two shoppers with open checkouts: the one sending hostile requests, and the one whose ids it tries to use. */
export type FuzzFixture = {
  attacker: FuzzShopper;
  victim: FuzzShopper;
  /** Signs a webhook payload the way Stripe does (`Stripe-Signature` header value). */
  sign(payload: string, secret: string, timestamp: number): string;
  webhookSecret: string;
};

/** What the attacker's cart holds (the route table relies on it). */
export const ATTACKER_ITEMS = [
  { productId: 'aurora-headphones', quantity: 1 },
  { productId: 'ceramic-pour-over', quantity: 2 },
] as const;

const startedSchema = z.object({ sessionId: z.string(), clientSecret: z.string() });

/** A shopper made through the HTTP handlers: cart, open session, US address. */
export async function makeShopper(items: ReadonlyArray<{ productId: string; quantity: number }>): Promise<FuzzShopper> {
  let shopperId: string | null = null;
  for (const item of items) {
    const response = await addItem(apiRequest('POST', '/api/cart/items', { shopperId, body: item }));
    if (response.status !== 200) throw new Error(`add to cart → ${response.status}: ${await response.text()}`);
    shopperId ??= shopperIdSetBy(response);
  }
  if (!shopperId) throw new Error('no shopper cookie');
  const started = await startSession(apiRequest('POST', '/api/checkout/sessions', { shopperId, body: {} }));
  if (started.status !== 200) throw new Error(`start checkout → ${started.status}: ${await started.text()}`);
  const { sessionId, clientSecret } = startedSchema.parse(await started.json());
  const addressed = await setAddress(
    apiRequest('POST', '/api/checkout/shipping-address', { shopperId, body: { sessionId, address: usAddress } }),
  );
  if (addressed.status !== 200) throw new Error(`set address → ${addressed.status}: ${await addressed.text()}`);
  return { shopperId, sessionId, clientSecret };
}
