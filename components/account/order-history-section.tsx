import Link from 'next/link';
import { AccountSection } from '@/components/account/account-section';
import { formatMoney } from '@/lib/money';
import type { OrderSummary } from '@/lib/orders/order-view';

const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** The customer's paid orders, newest first, each linking to its receipt. */
export function OrderHistorySection({ orders }: { orders: OrderSummary[] }) {
  return (
    <AccountSection id="orders" title="Order history">
      {orders.length === 0 ? (
        <p className="text-stone-600">
          No orders yet.{' '}
          <Link href="/" className="font-medium text-brand-700 underline">
            Start shopping
          </Link>
        </p>
      ) : (
        <ul className="divide-y divide-stone-200" data-testid="order-history">
          {orders.map((order) => (
            <li key={order.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div>
                <Link
                  href={`/account/orders/${order.id}`}
                  className="font-semibold text-brand-700 underline"
                  data-testid="order-link"
                >
                  Order #{order.id}
                </Link>
                <p className="text-sm text-stone-600">
                  {DATE.format(order.createdAt)} · {order.itemCount === 1 ? '1 item' : `${order.itemCount} items`}
                </p>
              </div>
              <span className="tabular-nums font-medium text-stone-900" data-value={order.amountTotal}>
                {formatMoney(order.amountTotal, order.currency)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </AccountSection>
  );
}
