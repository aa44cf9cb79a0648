import { connection } from 'next/server';
import { Suspense } from 'react';
import { TestModeBanner } from '@/components/shop/test-mode-banner';
import { getPublicStripeConfig, type StripeMode } from '@/lib/config';

/** The Stripe mode of the environment this renders in, or null when it has no Stripe configuration. */
function configuredMode(): StripeMode | null {
  try {
    return getPublicStripeConfig().mode;
  } catch {
    return null;
  }
}

async function RequestTimeBanner() {
  await connection();
  return <TestModeBanner mode={configuredMode()} />;
}

/**
 * The test-mode banner for this server's Stripe configuration (nothing in live mode). A prerendered page's shell holds
 * the banner of the build's configuration, so the page does not move when the request's one replaces it — which it
 * does, so a build made with other Stripe variables (or none) than the server runs with still shows the right banner.
 */
export function StripeModeBanner() {
  return (
    <Suspense fallback={<TestModeBanner mode={configuredMode()} />}>
      <RequestTimeBanner />
    </Suspense>
  );
}
