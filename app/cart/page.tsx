import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { readAddToCartRefusal, readShopperCart } from '@/app/_lib/shopper-cart';
import { CartLine } from '@/components/cart/cart-line';
import { CartNotice, CartRefusalNotice } from '@/components/cart/cart-notice';
import { CartSummary } from '@/components/cart/cart-summary';
import { EmptyCart } from '@/components/cart/empty-cart';
import { PageHeading } from '@/components/ui/page-heading';
import type { CartNotice as Notice } from '@/lib/cart/form-state';
import { parseCartNotice } from '@/lib/cart/forms';
import type { CartView } from '@/lib/cart/service';
import { getProduct } from '@/lib/catalog';

export const instant = false;

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The notice the URL asks for, when it still tells the truth: "Added" while the item is in the cart, "Removed — Undo"
 * while it is not, "Not added" while the cart still could not take those units (a reloaded or shared URL never offers
 * to add something a second time, nor gives a reason that no longer holds).
 */
async function noticeFor(notice: Notice | null, cart: CartView): Promise<ReactNode> {
  if (!notice) return null;
  const product = getProduct(notice.productId);
  if (!product) return null;
  const key = `${notice.kind}:${notice.productId}:${notice.quantity}`;
  if (notice.kind === 'refused') {
    const refusal = await readAddToCartRefusal(notice);
    return refusal ? <CartRefusalNotice key={key} message={refusal} /> : null;
  }
  const inCart = cart.items.some((item) => item.productId === notice.productId);
  if ((notice.kind === 'added') !== inCart) return null;
  return (
    <CartNotice
      key={key}
      kind={notice.kind}
      productId={notice.productId}
      quantity={notice.quantity}
      productName={product.name}
    />
  );
}

export default async function CartPage({ searchParams }: Props) {
  const cart = await readShopperCart();
  const notice = await noticeFor(parseCartNotice(await searchParams), cart);

  if (cart.items.length === 0) {
    return (
      <div>
        <PageHeading title="Your cart" />
        {notice}
        <EmptyCart />
      </div>
    );
  }

  return (
    <div>
      <PageHeading title="Your cart" />
      {notice}
      <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
        <ul aria-label="Items in your cart" className="divide-y divide-stone-200 border-y border-stone-200">
          {cart.items.map((line) => (
            <CartLine key={line.productId} line={line} currency={cart.currency} />
          ))}
        </ul>
        <CartSummary subtotal={cart.subtotal} currency={cart.currency} itemCount={cart.itemCount} />
      </div>
    </div>
  );
}
