import 'server-only';
import { cookies } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import type { CartItemInput } from '@/lib/cart/forms';
import { addToCartRefusal, getCartView } from '@/lib/cart/service';
import { getDb } from '@/lib/db';
import { readShopperId } from '@/lib/shopper';
import { currentStoreData } from '@/lib/store-data/current';

/**
 * The current shopper's cart, read on the server from the `sf_shopper` cookie, per request (never prerendered). One
 * read per render: the page and the header's count share it, so they can never disagree, and the count is ready
 * when the page is — a page rendered without JavaScript (a form posted, the cart) then holds the count in place
 * rather than in a streamed part only a script would swap in.
 */
export const readShopperCart = cache(async () => {
  await connection();
  const shopperId = readShopperId(await cookies());
  return getCartView(await getDb(), shopperId, (await currentStoreData()).catalog);
});

/** Why adding these units to the current shopper's cart would be refused right now, or null. */
export async function readAddToCartRefusal(item: CartItemInput): Promise<string | null> {
  await connection();
  return addToCartRefusal(
    await getDb(),
    { shopperId: readShopperId(await cookies()), ...item },
    (await currentStoreData()).catalog,
  );
}

/**
 * Item count for the header badge: 0 without asking the database when the browser has no shopper cookie (a first
 * visit). A failure here must not take the whole page down: it shows no count.
 */
export async function readCartItemCount(): Promise<number | null> {
  try {
    if (!readShopperId(await cookies())) return 0;
    return (await readShopperCart()).itemCount;
  } catch (error) {
    unstable_rethrow(error);
    console.error('[layout] could not read the cart count', error);
    return null;
  }
}
