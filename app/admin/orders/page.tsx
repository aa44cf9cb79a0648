import Link from 'next/link';
import { AdminShell } from '@/components/admin/admin-shell';
import { OrdersFilterForm } from '@/components/admin/orders-filter-form';
import { Pager } from '@/components/admin/pager';
import { StatusBadge } from '@/components/admin/status-badge';
import { AdminTable, cell } from '@/components/admin/table';
import { buttonClass } from '@/components/ui/button-styles';
import { requireMerchantPage } from '@/lib/admin/guard';
import { orderFiltersOf, orderFiltersQuery } from '@/lib/admin/order-filters';
import { listOrders } from '@/lib/admin/orders';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/money';

export const instant = false;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminOrdersPage({ searchParams }: Props) {
  const merchant = await requireMerchantPage('/admin/orders');
  const filters = orderFiltersOf(await searchParams);
  const list = await listOrders(await getDb(), filters);
  const query = orderFiltersQuery(filters);
  return (
    <AdminShell merchant={merchant} section="orders" title="Orders">
      <OrdersFilterForm filters={filters} />
      <div className="mb-3 flex justify-end">
        <a href={`/admin/orders/export${query ? `?${query}` : ''}`} className={buttonClass('secondary')} download>
          Export CSV
        </a>
      </div>
      {list.rows.length === 0 ? (
        <p className="rounded-2xl border border-stone-200 bg-white p-6 text-stone-600">No orders match.</p>
      ) : (
        <AdminTable
          caption="Orders, newest first"
          head={['Order', 'Placed', 'Email', 'Status', 'Total', 'Refunded', 'Codes', 'Flags']}
        >
          {list.rows.map((row) => (
            <tr key={row.id} data-testid="order-row">
              <td className={cell}>
                <Link
                  href={`/admin/orders/${row.id}`}
                  className="font-semibold text-brand-700 underline-offset-2 hover:underline"
                >
                  #{row.id}
                </Link>
              </td>
              <td className={cell}>{row.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
              <td className={cell}>{row.email ?? '—'}</td>
              <td className={cell}>
                <StatusBadge status={row.status} />
              </td>
              <td className={`${cell} tabular-nums`}>{formatMoney(row.amountTotal, row.currency)}</td>
              <td className={`${cell} tabular-nums`}>
                {row.refunded > 0 ? formatMoney(row.refunded, row.currency) : '—'}
              </td>
              <td className={cell}>{row.codes ?? '—'}</td>
              <td className={cell}>
                {[row.overRedeemed ? 'over-redeemed' : null, row.recordMismatch ? 'differs from record' : null]
                  .filter(Boolean)
                  .join(', ') || '—'}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      <Pager
        page={list.page}
        pages={list.pages}
        total={list.total}
        href={(page) => {
          const next = orderFiltersQuery(filters, page);
          return `/admin/orders${next ? `?${next}` : ''}`;
        }}
      />
    </AdminShell>
  );
}
