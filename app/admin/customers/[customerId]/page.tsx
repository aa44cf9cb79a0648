import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminShell } from '@/components/admin/admin-shell';
import { GrantCreditForm, RevokeCreditForm } from '@/components/admin/credit-forms';
import { StatusBadge } from '@/components/admin/status-badge';
import { AdminCard, AdminTable, cell } from '@/components/admin/table';
import { customerDetail } from '@/lib/admin/customers';
import { requireMerchantPage } from '@/lib/admin/guard';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/money';
import { currentStoreData } from '@/lib/store-data/current';

export const instant = false;

type Props = { params: Promise<{ customerId: string }> };

const CHANGE_LABELS: Record<string, string> = {
  grant: 'Granted',
  debit: 'Spent',
  revoke: 'Revoked',
  expired: 'Expired',
};

export default async function AdminCustomerPage({ params }: Props) {
  const { customerId } = await params;
  const merchant = await requireMerchantPage(`/admin/customers/${encodeURIComponent(customerId)}`);
  const { catalog } = await currentStoreData();
  const detail =
    customerId.length <= 200 ? await customerDetail(await getDb(), customerId, { now: await now(), catalog }) : null;
  if (!detail) notFound();
  const money = (amount: number) => formatMoney(amount, catalog.currency);
  const { customer, credit } = detail;
  return (
    <AdminShell merchant={merchant} section="customers" title={customer.name || customer.email}>
      <p className="mb-6 text-stone-700">
        {customer.email} · {customer.emailVerified ? 'verified' : 'not verified'} · {customer.role} · since{' '}
        {customer.createdAt.toISOString().slice(0, 10)}
      </p>
      <div className="grid gap-6 lg:grid-cols-3">
        <AdminCard id="loyalty" title="Loyalty">
          <dl className="text-sm">
            <dt className="text-stone-600">Tier</dt>
            <dd className="mb-2 font-medium" data-testid="customer-tier">
              {detail.tier?.name ?? 'None'}
            </dd>
            <dt className="text-stone-600">Lifetime spend (less refunds)</dt>
            <dd className="mb-2 font-medium tabular-nums" data-testid="customer-spend">
              {money(detail.history.lifetimeSpend)}
            </dd>
            <dt className="text-stone-600">Segments</dt>
            <dd className="font-medium">{detail.segments.join(', ') || 'None'}</dd>
          </dl>
        </AdminCard>
        <AdminCard id="credit" title="Store credit">
          <p className="mb-3 text-2xl font-semibold tabular-nums" data-testid="credit-balance">
            {money(credit.balance)}
          </p>
          {credit.lines.length === 0 ? (
            <p className="text-sm text-stone-600">No credit history.</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm" aria-label="Credit history, newest first">
              {credit.lines.map((line, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: statement lines have no id of their own and never reorder
                <li key={index} data-testid="credit-line">
                  {line.at.toISOString().slice(0, 10)} · {CHANGE_LABELS[line.kind] ?? line.kind}{' '}
                  {money(Math.abs(line.change))}
                  {line.reason ? ` · ${line.reason}` : ''}
                </li>
              ))}
            </ul>
          )}
        </AdminCard>
        <div className="flex flex-col gap-6">
          <AdminCard id="grant" title="Grant credit">
            <GrantCreditForm customerId={customer.id} />
          </AdminCard>
          <AdminCard id="revoke" title="Revoke credit">
            <RevokeCreditForm customerId={customer.id} />
          </AdminCard>
        </div>
      </div>
      <div className="mt-6">
        {detail.orders.length === 0 ? (
          <p className="text-stone-600">No orders yet.</p>
        ) : (
          <AdminTable caption="Order history, newest first" head={['Order', 'Placed', 'Status', 'Total']}>
            {detail.orders.map((order) => (
              <tr key={order.id}>
                <td className={cell}>
                  <Link href={`/admin/orders/${order.id}`} className="font-semibold text-brand-700 hover:underline">
                    #{order.id}
                  </Link>
                </td>
                <td className={cell}>{order.createdAt.toISOString().slice(0, 10)}</td>
                <td className={cell}>
                  <StatusBadge status={order.status} />
                </td>
                <td className={`${cell} tabular-nums`}>{formatMoney(order.amountTotal, order.currency)}</td>
              </tr>
            ))}
          </AdminTable>
        )}
      </div>
    </AdminShell>
  );
}
