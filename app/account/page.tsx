import type { Metadata } from 'next';
import { requireCustomer } from '@/app/account/_lib/signed-in';
import { LoyaltyTierSection } from '@/components/account/loyalty-tier-section';
import { OrderHistorySection } from '@/components/account/order-history-section';
import { SavedAddressesSection } from '@/components/account/saved-addresses-section';
import { SignOutButton } from '@/components/account/sign-out-button';
import { StoreCreditSection } from '@/components/account/store-credit-section';
import { PageHeading } from '@/components/ui/page-heading';
import { PAID_ORDER_STATUSES, savedAddresses } from '@/lib/accounts/saved-addresses';
import { getCatalog } from '@/lib/catalog';
import { now } from '@/lib/clock';
import { purchaseHistoryOf } from '@/lib/customers/purchase-history';
import { creditHistoryOf } from '@/lib/customers/store-credit';
import { getDb } from '@/lib/db';
import { customerOrderSummaries } from '@/lib/orders/order-view';

export const instant = false;

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

/** The signed-in customer's account, one section component each (more sections slot in the same way). */
export default async function AccountPage() {
  const customer = await requireCustomer('/account');
  const db = await getDb();
  const catalog = getCatalog();
  const at = await now();
  const [orders, addresses, history, credit] = await Promise.all([
    customerOrderSummaries(db, customer.id, PAID_ORDER_STATUSES),
    savedAddresses(db, customer.id),
    purchaseHistoryOf(db, customer.id, catalog),
    creditHistoryOf(db, customer.id, at),
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
        <LoyaltyTierSection lifetimeSpend={history.lifetimeSpend} currency={catalog.currency} />
        <StoreCreditSection balance={credit.balance} lines={credit.lines} currency={catalog.currency} />
        <OrderHistorySection orders={orders} />
        <SavedAddressesSection addresses={addresses} />
      </div>
      <div className="mt-10">
        <SignOutButton />
      </div>
    </div>
  );
}
