import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { Suspense } from 'react';
import { AccountLink } from '@/components/shop/account-link';
import { readSignedInCustomer } from '@/lib/accounts/current-customer';

async function signedIn(): Promise<boolean | null> {
  try {
    return (await readSignedInCustomer(await headers())) !== null;
  } catch (error) {
    unstable_rethrow(error);
    console.error('[layout] could not read the session', error);
    return null;
  }
}

async function KnownAccountLink() {
  return <AccountLink signedIn={await signedIn()} />;
}

/**
 * The header's "Sign in" / "Account" link for this browser: like the cart count, streamed in per request after the
 * prerendered shell (never cached, so no shopper sees another's state).
 */
export function ShopperAccountLink() {
  return (
    <Suspense fallback={<AccountLink signedIn={null} />}>
      <KnownAccountLink />
    </Suspense>
  );
}
