import 'server-only';
import { cookies } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { getCartView } from '@/lib/cart/service';
import { getCatalog } from '@/lib/catalog';
import { getDb } from '@/lib/db';
import { readShopperId } from '@/lib/shopper';

/** The current shopper's cart, read on the server from the `sf_shopper` cookie. */
export async function readShopperCart() {
  const shopperId = readShopperId(await cookies());
  return getCartView(await getDb(), shopperId, getCatalog());
}

/** Item count for the header badge. A failure here must not take the whole page down: it shows no count. */
export async function readCartItemCount(): Promise<number | null> {
  try {
    return (await readShopperCart()).itemCount;
  } catch (error) {
    unstable_rethrow(error);
    console.error('[layout] could not read the cart count', error);
    return null;
  }
}
