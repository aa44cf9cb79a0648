import type { Metadata } from 'next';
import { readShopperCart } from '@/app/_lib/shopper-cart';
import { CartLine } from '@/components/cart/cart-line';
import { CartSummary } from '@/components/cart/cart-summary';
import { EmptyCart } from '@/components/cart/empty-cart';
import { PageHeading } from '@/components/ui/page-heading';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } };

export default async function CartPage() {
  const cart = await readShopperCart();

  if (cart.items.length === 0) {
    return (
      <div>
        <PageHeading title="Your cart" />
        <EmptyCart />
      </div>
    );
  }

  return (
    <div>
      <PageHeading title="Your cart" />
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
