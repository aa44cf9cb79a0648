import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireCustomer } from '@/app/account/_lib/signed-in';
import { OrderReceipt } from '@/components/checkout/order-receipt';
import { buttonClass } from '@/components/ui/button-styles';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/lib/db';
import { findCustomerOrder } from '@/lib/orders/order-view';

export const instant = false;

export const metadata: Metadata = { title: 'Order receipt', robots: { index: false } };

type Props = { params: Promise<{ orderId: string }> };

/** A receipt from the order history: the customer's own orders only (another's is a 404, like an unknown one). */
export default async function AccountOrderPage({ params }: Props) {
  const { orderId } = await params;
  const customer = await requireCustomer(`/account/orders/${encodeURIComponent(orderId)}`);
  const id = /^[1-9][0-9]{0,9}$/.test(orderId) ? Number(orderId) : null;
  const order = id && id <= 2_147_483_647 ? await findCustomerOrder(await getDb(), customer.id, id) : null;
  if (!order) notFound();
  return (
    <div>
      <PageHeading title={`Order #${order.id}`}>
        <p>
          Placed {new Date(order.createdAt).toLocaleDateString('en-US', { dateStyle: 'long' })}
          {order.email ? ` · receipt sent to ${order.email}` : ''}
        </p>
      </PageHeading>
      <OrderReceipt order={order} />
      <div className="mt-10">
        <Link href="/account" className={buttonClass('secondary', 'lg')}>
          Back to your account
        </Link>
      </div>
    </div>
  );
}
