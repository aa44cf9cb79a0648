/**
 * Discount code limits when no client address can be trusted (development, tests, a bare `next start`: no
 * TRUSTED_IP_HEADER / TRUSTED_PROXY_HOPS and not on Vercel). Spoofable headers are ignored, and there is no shared
 * "unknown address" bucket that a few clients could spend for everyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/checkout/discount-codes/route';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { shopperWithCheckout } from '@/test/support/checkout-api';
import { apiRequest } from '@/test/support/http';

let env: AppTestEnvironment;
beforeAll(async () => {
  delete process.env.TRUSTED_PROXY_HOPS;
  delete process.env.TRUSTED_IP_HEADER;
  env = await setUpAppEnvironment();
});
afterAll(() => env.tearDown());

const POUR_OVER = { productId: 'ceramic-pour-over', quantity: 1 };

function apply(shopperId: string, sessionId: string, code: string, headers: Record<string, string> = {}) {
  return POST(apiRequest('POST', '/api/checkout/discount-codes', { shopperId, body: { sessionId, code }, headers }));
}

describe('discount code limits without a trusted client address', () => {
  it('does not put every address-less shopper in one budget', async () => {
    // 32 wrong guesses from four shoppers, none with a proxy header.
    for (let round = 0; round < 4; round++) {
      const { shopperId, sessionId } = await shopperWithCheckout([POUR_OVER]);
      for (let i = 0; i < 8; i++) expect((await apply(shopperId, sessionId, `WRONG${round}${i}`)).status).toBe(422);
    }
    const other = await shopperWithCheckout([POUR_OVER]);
    const response = await apply(other.shopperId, other.sessionId, 'WELCOME10');
    expect(response.status).toBe(200);
  });

  it('ignores a spoofed X-Forwarded-For: rotating it does not reset the per-checkout budget', async () => {
    const { shopperId, sessionId } = await shopperWithCheckout([POUR_OVER]);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await apply(shopperId, sessionId, `GUESS${i}`, { 'x-forwarded-for': `198.18.0.${i + 1}` });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(10).fill(422), 429, 429]);
  });
});
