import { Suspense } from 'react';
import { readCartItemCount } from '@/app/_lib/shopper-cart';
import { CartLink } from '@/components/shop/cart-link';

async function CountedCartLink() {
  return <CartLink itemCount={await readCartItemCount()} />;
}

/**
 * The header's cart link with this shopper's count: the one per-shopper part of every page. The prerendered shell
 * holds the link without a number; the count streams in per request (it is never cached, so no shopper sees
 * another's), and a fully dynamic page (cart, checkout, a form posted without JavaScript) renders it in place.
 */
export function ShopperCartLink() {
  return (
    <Suspense fallback={<CartLink itemCount={null} />}>
      <CountedCartLink />
    </Suspense>
  );
}
