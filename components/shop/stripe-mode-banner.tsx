import { connection } from 'next/server';
import { Suspense } from 'react';
import { TestModeBanner } from '@/components/shop/test-mode-banner';
import { getPublicStripeConfig } from '@/lib/config';

async function ConfiguredBanner() {
  // The Stripe mode is runtime configuration: read per request, never baked into a prerendered shell at build.
  await connection();
  return <TestModeBanner mode={getPublicStripeConfig().mode} />;
}

/** The test-mode banner for this server's Stripe configuration (nothing in live mode). */
export function StripeModeBanner() {
  return (
    <Suspense fallback={null}>
      <ConfiguredBanner />
    </Suspense>
  );
}
