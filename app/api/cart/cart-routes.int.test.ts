import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE, PATCH } from '@/app/api/cart/items/[productId]/route';
import { POST as addItem } from '@/app/api/cart/items/route';
import { GET as getCart } from '@/app/api/cart/route';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { apiRequest, errorOf, routeParams, shopperIdSetBy } from '@/test/support/http';

let env: AppTestEnvironment;
beforeAll(async () => {
  env = await setUpAppEnvironment();
});
afterAll(() => env.tearDown());

async function addFor(shopperId: string | null, body: unknown) {
  return addItem(apiRequest('POST', '/api/cart/items', { shopperId, body }));
}

describe('cart API', () => {
  it('gives a new shopper an httpOnly cookie on the first add, and the cart follows the cookie', async () => {
    const first = await addFor(null, { productId: 'aurora-headphones', quantity: 1 });
    expect(first.status).toBe(200);
    const shopperId = shopperIdSetBy(first);
    expect(shopperId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/i);

    const again = await addFor(shopperId, { productId: 'aurora-headphones' });
    expect(shopperIdSetBy(again)).toBeNull();
    const cart = await (await getCart(apiRequest('GET', '/api/cart', { shopperId }))).json();
    expect(cart).toMatchObject({ itemCount: 2, subtotal: 39_800, currency: 'usd' });
    expect(cart.items[0]).toMatchObject({
      productId: 'aurora-headphones',
      unitAmount: 19_900,
      quantity: 2,
      maxQuantity: 3,
    });
  });

  it('returns an empty cart without a cookie, and ignores a forged cookie', async () => {
    const anonymous = await getCart(apiRequest('GET', '/api/cart'));
    expect(await anonymous.json()).toMatchObject({ items: [], itemCount: 0 });
    const forged = await getCart(apiRequest('GET', '/api/cart', { headers: { cookie: 'sf_shopper=1 OR 1=1' } }));
    expect(forged.status).toBe(200);
    expect((await forged.json()).items).toEqual([]);
  });

  it('changes and removes items by product id', async () => {
    const shopperId = shopperIdSetBy(await addFor(null, { productId: 'pulse-speaker', quantity: 1 }));
    const patched = await PATCH(
      apiRequest('PATCH', '/api/cart/items/pulse-speaker', { shopperId, body: { quantity: 4 } }),
      routeParams({ productId: 'pulse-speaker' }),
    );
    expect((await patched.json()).itemCount).toBe(4);
    const deleted = await DELETE(
      apiRequest('DELETE', '/api/cart/items/pulse-speaker', { shopperId }),
      routeParams({ productId: 'pulse-speaker' }),
    );
    expect(deleted.status).toBe(200);
    expect((await deleted.json()).items).toEqual([]);
  });

  it('answers limits with 409 quantity_unavailable naming the limit', async () => {
    const over = await addFor(null, { productId: 'aurora-headphones', quantity: 4 });
    expect(over.status).toBe(409);
    expect(await errorOf(over)).toEqual({
      code: 'quantity_unavailable',
      message: expect.stringContaining('at most 3'),
    });
    const soldOut = await addFor(null, { productId: 'charge-dock', quantity: 1 });
    expect(await errorOf(soldOut)).toMatchObject({
      code: 'quantity_unavailable',
      message: expect.stringMatching(/sold out/),
    });
  });

  describe('refuses bad input with a 4xx JSON error', () => {
    it.each([
      ['a price field', { productId: 'aurora-headphones', quantity: 1, unitAmount: 1 }, 400, 'invalid_request'],
      ['a price override', { productId: 'aurora-headphones', price: 0 }, 400, 'invalid_request'],
      ['a string quantity', { productId: 'aurora-headphones', quantity: '2' }, 400, 'invalid_request'],
      ['a fractional quantity', { productId: 'aurora-headphones', quantity: 1.5 }, 400, 'invalid_request'],
      ['a negative quantity', { productId: 'aurora-headphones', quantity: -1 }, 400, 'invalid_request'],
      ['a huge quantity', { productId: 'aurora-headphones', quantity: 1e9 }, 400, 'invalid_request'],
      ['no product id', { quantity: 1 }, 400, 'invalid_request'],
      ['an array', [1, 2], 400, 'invalid_request'],
      ['null', null, 400, 'invalid_request'],
      ['an unknown product', { productId: 'no-such-product', quantity: 1 }, 404, 'product_not_found'],
      ['malformed JSON', '{"productId":', 400, 'invalid_json'],
    ])('%s', async (_label, body, status, code) => {
      const response = await addFor(null, body);
      expect(response.status).toBe(status);
      expect((await errorOf(response)).code).toBe(code);
      expect(shopperIdSetBy(response)).toBeNull();
    });

    it('a body that is not JSON, or too large', async () => {
      const form = await addItem(
        apiRequest('POST', '/api/cart/items', {
          body: 'productId=aurora-headphones',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      );
      expect(form.status).toBe(415);
      const huge = await addFor(null, { productId: 'aurora-headphones', pad: 'x'.repeat(20_000) });
      expect(huge.status).toBe(413);
      expect((await errorOf(huge)).code).toBe('payload_too_large');
    });

    it('bad product ids and quantities on PATCH and DELETE', async () => {
      const shopperId = shopperIdSetBy(await addFor(null, { productId: 'pulse-speaker', quantity: 1 }));
      const weird = await PATCH(
        apiRequest('PATCH', '/api/cart/items/..%2F..', { shopperId, body: { quantity: 1 } }),
        routeParams({ productId: '../..' }),
      );
      expect(weird.status).toBe(404);
      const notInCart = await PATCH(
        apiRequest('PATCH', '/api/cart/items/aurora-headphones', { shopperId, body: { quantity: 1 } }),
        routeParams({ productId: 'aurora-headphones' }),
      );
      expect((await errorOf(notInCart)).code).toBe('cart_item_not_found');
      const badQuantity = await PATCH(
        apiRequest('PATCH', '/api/cart/items/pulse-speaker', { shopperId, body: { quantity: 'lots' } }),
        routeParams({ productId: 'pulse-speaker' }),
      );
      expect(badQuantity.status).toBe(400);
      const unknown = await DELETE(
        apiRequest('DELETE', '/api/cart/items/no-such-product', { shopperId }),
        routeParams({ productId: 'no-such-product' }),
      );
      expect(unknown.status).toBe(404);
    });
  });
});
