import type { Metadata } from 'next';
import { CheckoutIsland } from '@/components/checkout/checkout-island';
import { PageHeading } from '@/components/ui/page-heading';
import { getPublicStripeConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Checkout', robots: { index: false } };

export default function CheckoutPage() {
  const { publishableKey, mode, stripeJsUrl } = getPublicStripeConfig();
  return (
    <div>
      <PageHeading title="Checkout">
        Prices, shipping and totals are confirmed by our server before you pay.
      </PageHeading>
      <CheckoutIsland publishableKey={publishableKey} mode={mode} stripeJsUrl={stripeJsUrl} />
    </div>
  );
}
