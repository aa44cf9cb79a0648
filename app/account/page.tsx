import type { Metadata } from 'next';
import { requireCustomer } from '@/app/account/_lib/signed-in';
import { OrderHistorySection } from '@/components/account/order-history-section';
import { SavedAddressesSection } from '@/components/account/saved-addresses-section';
import { SignOutButton } from '@/components/account/sign-out-button';
import { PageHeading } from '@/components/ui/page-heading';
import { PAID_ORDER_STATUSES, savedAddresses } from '@/lib/accounts/saved-addresses';
import { getDb } from '@/lib/db';
import { customerOrderSummaries } from '@/lib/orders/order-view';

export const instant = false;

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

/** The signed-in customer's account, one section component each (more sections slot in the same way). */
export default async function AccountPage() {
  const customer = await requireCustomer('/account');
  const db = await getDb();
  const [orders, addresses] = await Promise.all([
    customerOrderSummaries(db, customer.id, PAID_ORDER_STATUSES),
    savedAddresses(db, customer.id),
  ]);
  return (
    <div>
      <PageHeading title={customer.name ? `Hello, ${customer.name}` : 'Your account'}>
        <p>
          Signed in as{' '}
          <span className="font-medium text-stone-900" data-testid="account-email">
            {customer.email}
          </span>
        </p>
      </PageHeading>
      <div className="grid gap-6 lg:grid-cols-2">
        <OrderHistorySection orders={orders} />
        <SavedAddressesSection addresses={addresses} />
      </div>
      <div className="mt-10">
        <SignOutButton />
      </div>
    </div>
  );
}
