import type { Metadata } from 'next';
import { connection } from 'next/server';
import { readCartItemCount } from '@/app/_lib/shopper-cart';
import { CheckoutEmptyState } from '@/components/checkout/checkout-empty-state';
import { CheckoutIsland } from '@/components/checkout/checkout-island';
import { PageHeading } from '@/components/ui/page-heading';
import { getPublicStripeConfig } from '@/lib/config';

export const instant = false;

export const metadata: Metadata = { title: 'Checkout', robots: { index: false } };

export default async function CheckoutPage() {
  await connection();
  const { publishableKey, mode, stripeJsUrl } = getPublicStripeConfig();
  // An empty cart is known now: show it at once, without the skeleton, a session request or Stripe.js. (Unknown,
  // null, falls through to the island, which also handles a cart emptied meanwhile.)
  const empty = (await readCartItemCount()) === 0;
  return (
    <div>
      <PageHeading title="Checkout">
        Prices, shipping and totals are confirmed by our server before you pay.
      </PageHeading>
      {empty ? (
        <CheckoutEmptyState />
      ) : (
        <>
          <noscript>
            <p
              data-testid="checkout-needs-javascript"
              className="mb-6 rounded-2xl border border-amber-300 bg-amber-50 px-5 py-4 text-sm text-amber-950"
            >
              Checkout needs JavaScript: card details are taken by Stripe's secure payment fields, which run in your
              browser. Turn JavaScript on and reload this page — your cart is saved. (The{' '}
              <a href="/cart" className="font-semibold underline">
                cart
              </a>{' '}
              works without it.)
            </p>
          </noscript>
          <CheckoutIsland publishableKey={publishableKey} mode={mode} stripeJsUrl={stripeJsUrl} />
        </>
      )}
    </div>
  );
}
