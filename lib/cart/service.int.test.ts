import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSales } from '@/lib/cart/inventory';
import {
  addToCart,
  addToCartRefusal,
  getCartView,
  removeFromCart,
  removePurchasedUnits,
  setCartQuantity,
  takeOutOfCart,
} from '@/lib/cart/service';
import type { Db } from '@/lib/db/client';
import { testCatalog as catalog } from '@/test/fixtures/catalog';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';

let env: AppTestEnvironment;
let db: Db;
beforeAll(async () => {
  env = await setUpAppEnvironment();
  db = env.db;
});
afterAll(() => env.tearDown());

const newShopper = () => crypto.randomUUID();

describe('cart', () => {
  it('is empty for a shopper without one', async () => {
    expect(await getCartView(db, null, catalog)).toEqual({ items: [], itemCount: 0, subtotal: 0, currency: 'usd' });
    expect((await getCartView(db, newShopper(), catalog)).items).toEqual([]);
  });

  it('prices items from the catalog and accumulates repeated adds', async () => {
    const shopperId = newShopper();
    await addToCart(db, { shopperId, productId: 'test-headphones', quantity: 1 }, catalog);
    await addToCart(db, { shopperId, productId: 'test-mug', quantity: 2 }, catalog);
    const view = await addToCart(db, { shopperId, productId: 'test-headphones', quantity: 1 }, catalog);
    expect(view.items.map((i) => [i.productId, i.quantity, i.unitAmount, i.amount, i.maxQuantity])).toEqual([
      ['test-headphones', 2, 19_900, 39_800, 3],
      ['test-mug', 2, 1_250, 2_500, 6],
    ]);
    expect(view.itemCount).toBe(4);
    expect(view.subtotal).toBe(42_300);
  });

  it('refuses more than the per-order limit with a message naming it, leaving the cart unchanged', async () => {
    const shopperId = newShopper();
    await addToCart(db, { shopperId, productId: 'test-headphones', quantity: 2 }, catalog);
    await expect(
      addToCart(db, { shopperId, productId: 'test-headphones', quantity: 2 }, catalog),
    ).rejects.toMatchObject({
      status: 409,
      code: 'quantity_unavailable',
      message: 'You can buy at most 3 of Test Headphones per order.',
    });
    expect((await getCartView(db, shopperId, catalog)).items[0]?.quantity).toBe(2);
  });

  it('tells, without writing, why an add would be refused right now', async () => {
    const shopperId = newShopper();
    await addToCart(db, { shopperId, productId: 'test-headphones', quantity: 2 }, catalog);
    const refusal = (productId: string, quantity: number, shopper: string | null = shopperId) =>
      addToCartRefusal(db, { shopperId: shopper, productId, quantity }, catalog);
    expect(await refusal('test-headphones', 1)).toBeNull();
    expect(await refusal('test-headphones', 2)).toBe('You can buy at most 3 of Test Headphones per order.');
    expect(await refusal('test-headphones', 2, null)).toBeNull();
    expect(await refusal('test-sold-out', 1, null)).toBe('Test Sold Out Dock is sold out.');
    expect((await getCartView(db, shopperId, catalog)).items.map((i) => [i.productId, i.quantity])).toEqual([
      ['test-headphones', 2],
    ]);
  });

  it('bounds quantities by the stock left after sales', async () => {
    await expect(
      addToCart(db, { shopperId: newShopper(), productId: 'test-sold-out', quantity: 1 }, catalog),
    ).rejects.toMatchObject({ code: 'quantity_unavailable', message: 'Test Sold Out Dock is sold out.' });
    const shopperId = newShopper();
    await addToCart(db, { shopperId, productId: 'test-rare-watch', quantity: 2 }, catalog);
    await recordSales(db, [{ productId: 'test-rare-watch', quantity: 1 }]);
    const view = await getCartView(db, shopperId, catalog);
    expect(view.items[0]?.maxQuantity).toBe(1);
    await expect(
      addToCart(db, { shopperId: newShopper(), productId: 'test-rare-watch', quantity: 2 }, catalog),
    ).rejects.toMatchObject({ message: 'Only 1 of Test Rare Watch left in stock.' });
    // Lowering a quantity is always allowed, even when the cart holds more than is left.
    expect(
      (await setCartQuantity(db, { shopperId, productId: 'test-rare-watch', quantity: 1 }, catalog)).itemCount,
    ).toBe(1);
  });

  it('sets quantities, removes with 0 or remove, and 404s for items not in the cart or unknown products', async () => {
    const shopperId = newShopper();
    await addToCart(db, { shopperId, productId: 'test-mug', quantity: 1 }, catalog);
    expect((await setCartQuantity(db, { shopperId, productId: 'test-mug', quantity: 5 }, catalog)).itemCount).toBe(5);
    await expect(setCartQuantity(db, { shopperId, productId: 'test-mug', quantity: 7 }, catalog)).rejects.toMatchObject(
      {
        code: 'quantity_unavailable',
      },
    );
    await expect(
      setCartQuantity(db, { shopperId, productId: 'test-headphones', quantity: 1 }, catalog),
    ).rejects.toMatchObject({ status: 404, code: 'cart_item_not_found' });
    await expect(addToCart(db, { shopperId, productId: 'no-such-thing', quantity: 1 }, catalog)).rejects.toMatchObject({
      status: 404,
      code: 'product_not_found',
    });
    expect((await setCartQuantity(db, { shopperId, productId: 'test-mug', quantity: 0 }, catalog)).items).toEqual([]);
    await addToCart(db, { shopperId, productId: 'test-mug', quantity: 1 }, catalog);
    expect((await removeFromCart(db, { shopperId, productId: 'test-mug' }, catalog)).items).toEqual([]);
    expect((await removeFromCart(db, { shopperId, productId: 'test-mug' }, catalog)).items).toEqual([]);
  });

  it('takes an item out and answers how many units it held, for an Undo that adds them back', async () => {
    const shopperId = newShopper();
    await addToCart(db, { shopperId, productId: 'test-mug', quantity: 3 }, catalog);
    await addToCart(db, { shopperId, productId: 'test-headphones', quantity: 1 }, catalog);
    expect(await takeOutOfCart(db, { shopperId, productId: 'test-mug' }, catalog)).toBe(3);
    expect((await getCartView(db, shopperId, catalog)).items.map((i) => i.productId)).toEqual(['test-headphones']);
    expect(await takeOutOfCart(db, { shopperId, productId: 'test-mug' }, catalog)).toBe(0);
    await addToCart(db, { shopperId, productId: 'test-mug', quantity: 3 }, catalog);
    expect((await getCartView(db, shopperId, catalog)).itemCount).toBe(4);
    await expect(takeOutOfCart(db, { shopperId, productId: 'no-such-thing' }, catalog)).rejects.toMatchObject({
      code: 'product_not_found',
    });
  });

  it('keeps carts of different shoppers apart', async () => {
    const a = newShopper();
    const b = newShopper();
    await addToCart(db, { shopperId: a, productId: 'test-mug', quantity: 1 }, catalog);
    expect((await getCartView(db, b, catalog)).items).toEqual([]);
  });

  it('serialises concurrent adds so the per-order limit holds', async () => {
    const shopperId = newShopper();
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () => addToCart(db, { shopperId, productId: 'test-headphones', quantity: 1 }, catalog)),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
    expect((await getCartView(db, shopperId, catalog)).items[0]?.quantity).toBe(3);
  });

  it('takes purchased units out after an order, keeping items added since', async () => {
    const shopperId = newShopper();
    await addToCart(db, { shopperId, productId: 'test-mug', quantity: 3 }, catalog);
    await addToCart(db, { shopperId, productId: 'test-headphones', quantity: 2 }, catalog);
    await removePurchasedUnits(db, shopperId, [
      { productId: 'test-mug', quantity: 2 },
      { productId: 'test-headphones', quantity: 2 },
    ]);
    expect((await getCartView(db, shopperId, catalog)).items.map((i) => [i.productId, i.quantity])).toEqual([
      ['test-mug', 1],
    ]);
  });
});
