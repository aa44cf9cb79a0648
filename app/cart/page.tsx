import type { Metadata } from 'next';
import { readShopperCart } from '@/app/_lib/shopper-cart';
import { CartLine } from '@/components/cart/cart-line';
import { CartNotice } from '@/components/cart/cart-notice';
import { CartSummary } from '@/components/cart/cart-summary';
import { EmptyCart } from '@/components/cart/empty-cart';
import { PageHeading } from '@/components/ui/page-heading';
import type { CartNotice as Notice } from '@/lib/cart/form-state';
import { parseCartNotice } from '@/lib/cart/forms';
import type { CartView } from '@/lib/cart/service';
import { getProduct } from '@/lib/catalog';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The notice the URL asks for, when it still tells the truth: "Added" while the item is in the cart, "Removed — Undo"
 * while it is not (a reloaded or shared URL never offers to add something a second time).
 */
function currentNotice(notice: Notice | null, cart: CartView): { notice: Notice; productName: string } | null {
  if (!notice) return null;
  const product = getProduct(notice.productId);
  if (!product) return null;
  const inCart = cart.items.some((item) => item.productId === notice.productId);
  if ((notice.kind === 'added') !== inCart) return null;
  return { notice, productName: product.name };
}

export default async function CartPage({ searchParams }: Props) {
  const cart = await readShopperCart();
  const shown = currentNotice(parseCartNotice(await searchParams), cart);
  const notice = shown ? (
    <CartNotice key={`${shown.notice.kind}:${shown.notice.productId}:${shown.notice.quantity}`} {...shown} />
  ) : null;

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
