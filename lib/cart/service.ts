import { and, asc, eq, sql } from 'drizzle-orm';
import { unavailableUnits } from '@/lib/cart/inventory';
import { assertQuantityAvailable, maxQuantityFor, quantityRefusal } from '@/lib/cart/rules';
import type { Catalog, Product } from '@/lib/catalog/schema';
import type { Db } from '@/lib/db/client';
import { cartItems, carts } from '@/lib/db/schema';
import { AppError } from '@/lib/http/app-error';

export type CartViewItem = {
  productId: string;
  name: string;
  image: string;
  imageAlt: string;
  /** Catalog price of one unit, minor units of `CartView.currency`. */
  unitAmount: number;
  quantity: number;
  /** unitAmount × quantity. */
  amount: number;
  /** Most units the cart may hold now: the per-order limit or the stock left, whichever is lower. */
  maxQuantity: number;
};

export type CartView = {
  items: CartViewItem[];
  itemCount: number;
  subtotal: number;
  currency: string;
};

export type CartLine = { productId: string; quantity: number };

function findProduct(catalog: Catalog, productId: string): Product {
  const product = catalog.products.find((p) => p.id === productId);
  if (!product) throw new AppError(404, 'product_not_found', `There is no product with id "${productId}".`);
  return product;
}

/** The cart's lines in the order they were added. Products no longer in the catalog are left out. */
export async function readCartLines(db: Db, shopperId: string, catalog: Catalog): Promise<CartLine[]> {
  const rows = await db
    .select({ productId: cartItems.productId, quantity: cartItems.quantity })
    .from(cartItems)
    .where(eq(cartItems.shopperId, shopperId))
    .orderBy(asc(cartItems.addedAt), asc(cartItems.productId));
  return rows.filter((row) => catalog.products.some((p) => p.id === row.productId));
}

/** The shopper's cart priced from the catalog (never from anything the client sent). */
export async function getCartView(db: Db, shopperId: string | null, catalog: Catalog): Promise<CartView> {
  const lines = shopperId ? await readCartLines(db, shopperId, catalog) : [];
  const sold = await unavailableUnits(
    db,
    lines.map((line) => line.productId),
    new Date(),
    shopperId,
  );
  const items = lines.map((line): CartViewItem => {
    const product = findProduct(catalog, line.productId);
    return {
      productId: product.id,
      name: product.name,
      image: product.image,
      imageAlt: product.imageAlt,
      unitAmount: product.unitAmount,
      quantity: line.quantity,
      amount: product.unitAmount * line.quantity,
      maxQuantity: maxQuantityFor(product, sold.get(product.id) ?? 0),
    };
  });
  return {
    items,
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    subtotal: items.reduce((sum, item) => sum + item.amount, 0),
    currency: catalog.currency,
  };
}

/** Creates the shopper's cart row if needed and locks it until the transaction ends: cart changes are serialised. */
export async function lockCart(tx: Db, shopperId: string): Promise<void> {
  await tx.insert(carts).values({ shopperId }).onConflictDoNothing();
  await tx.select({ shopperId: carts.shopperId }).from(carts).where(eq(carts.shopperId, shopperId)).for('update');
}

async function currentQuantity(tx: Db, shopperId: string, productId: string): Promise<number | null> {
  const [row] = await tx
    .select({ quantity: cartItems.quantity })
    .from(cartItems)
    .where(and(eq(cartItems.shopperId, shopperId), eq(cartItems.productId, productId)));
  return row?.quantity ?? null;
}

/** Sets one cart line (0 deletes it). The caller's transaction must hold the cart lock (`lockCart`). */
export async function writeQuantity(tx: Db, shopperId: string, productId: string, quantity: number): Promise<void> {
  if (quantity <= 0) {
    await tx.delete(cartItems).where(and(eq(cartItems.shopperId, shopperId), eq(cartItems.productId, productId)));
  } else {
    await tx
      .insert(cartItems)
      .values({ shopperId, productId, quantity })
      .onConflictDoUpdate({ target: [cartItems.shopperId, cartItems.productId], set: { quantity } });
  }
  await tx.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.shopperId, shopperId));
}

/** Units of one product sold or held by other shoppers' checkouts. */
async function unavailableUnitsOf(db: Db, productId: string, shopperId: string): Promise<number> {
  return (await unavailableUnits(db, [productId], new Date(), shopperId)).get(productId) ?? 0;
}

type ItemChange = { shopperId: string; productId: string; quantity: number };

/** Adds `quantity` units (on top of what the cart holds), within the per-order limit and the stock left. */
export async function addToCart(db: Db, change: ItemChange, catalog: Catalog): Promise<CartView> {
  const product = findProduct(catalog, change.productId);
  await db.transaction(async (tx) => {
    await lockCart(tx, change.shopperId);
    const next = ((await currentQuantity(tx, change.shopperId, product.id)) ?? 0) + change.quantity;
    assertQuantityAvailable(product, next, await unavailableUnitsOf(tx, product.id, change.shopperId));
    await writeQuantity(tx, change.shopperId, product.id, next);
  });
  return getCartView(db, change.shopperId, catalog);
}

/** Why `addToCart` would refuse these units right now (the same rule, read without writing), or null. */
export async function addToCartRefusal(
  db: Db,
  change: { shopperId: string | null; productId: string; quantity: number },
  catalog: Catalog,
): Promise<string | null> {
  const product = findProduct(catalog, change.productId);
  const inCart = change.shopperId ? ((await currentQuantity(db, change.shopperId, product.id)) ?? 0) : 0;
  const sold = (await unavailableUnits(db, [product.id], new Date(), change.shopperId)).get(product.id) ?? 0;
  return quantityRefusal(product, inCart + change.quantity, sold);
}

/** Sets an item's quantity; 0 removes it. The item must be in the cart. */
export async function setCartQuantity(db: Db, change: ItemChange, catalog: Catalog): Promise<CartView> {
  const product = findProduct(catalog, change.productId);
  // Removing what is not there changes nothing, so it must not write either: `lockCart` creates the cart row, and a
  // forged or stale cookie would otherwise leave an empty cart behind on every such request.
  if (change.quantity === 0 && (await currentQuantity(db, change.shopperId, product.id)) === null) {
    return getCartView(db, change.shopperId, catalog);
  }
  await db.transaction(async (tx) => {
    await lockCart(tx, change.shopperId);
    const current = await currentQuantity(tx, change.shopperId, product.id);
    if (current === null) {
      if (change.quantity === 0) return;
      throw new AppError(404, 'cart_item_not_found', `${product.name} is not in your cart.`);
    }
    if (change.quantity > current || change.quantity > product.maxPerOrder) {
      assertQuantityAvailable(product, change.quantity, await unavailableUnitsOf(tx, product.id, change.shopperId));
    }
    await writeQuantity(tx, change.shopperId, product.id, change.quantity);
  });
  return getCartView(db, change.shopperId, catalog);
}

/** Removes an item; removing one that is not in the cart is not an error. */
export async function removeFromCart(
  db: Db,
  item: { shopperId: string; productId: string },
  catalog: Catalog,
): Promise<CartView> {
  return setCartQuantity(db, { ...item, quantity: 0 }, catalog);
}

/**
 * Removes an item and answers how many units it held (0 when it was not in the cart), so that the shopper can be
 * offered an Undo that adds the same quantity back. Like `setCartQuantity`, removing what is not there writes nothing.
 */
export async function takeOutOfCart(
  db: Db,
  item: { shopperId: string; productId: string },
  catalog: Catalog,
): Promise<number> {
  const product = findProduct(catalog, item.productId);
  if ((await currentQuantity(db, item.shopperId, product.id)) === null) return 0;
  return db.transaction(async (tx) => {
    await lockCart(tx, item.shopperId);
    const current = await currentQuantity(tx, item.shopperId, product.id);
    if (current === null) return 0;
    await writeQuantity(tx, item.shopperId, product.id, 0);
    return current;
  });
}

/** Takes purchased units out of the cart (inside the fulfilment transaction); items added since stay. */
export async function removePurchasedUnits(
  tx: Db,
  shopperId: string,
  purchased: ReadonlyArray<CartLine>,
): Promise<void> {
  for (const line of purchased) {
    const item = and(eq(cartItems.shopperId, shopperId), eq(cartItems.productId, line.productId));
    // Delete first: decrementing first would let the delete catch rows it just decremented.
    await tx.delete(cartItems).where(and(item, sql`${cartItems.quantity} <= ${line.quantity}`));
    await tx
      .update(cartItems)
      .set({ quantity: sql`${cartItems.quantity} - ${line.quantity}` })
      .where(and(item, sql`${cartItems.quantity} > ${line.quantity}`));
  }
}
