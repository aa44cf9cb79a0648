import Link from 'next/link';
import { AdminShell } from '@/components/admin/admin-shell';
import { Pager } from '@/components/admin/pager';
import { AdminTable, cell, inputClass, labelClass } from '@/components/admin/table';
import { buttonClass } from '@/components/ui/button-styles';
import { listCustomers } from '@/lib/admin/customers';
import { requireMerchantPage } from '@/lib/admin/guard';
import { getDb } from '@/lib/db';

export const instant = false;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminCustomersPage({ searchParams }: Props) {
  const merchant = await requireMerchantPage('/admin/customers');
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q.trim().slice(0, 200) || null : null;
  const page = typeof params.page === 'string' && /^[1-9]\d{0,4}$/.test(params.page) ? Number(params.page) : 1;
  const list = await listCustomers(await getDb(), { q, page });
  return (
    <AdminShell merchant={merchant} section="customers" title="Customers">
      <form method="get" aria-label="Search customers" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="customers-q" className={labelClass}>
            Email or name
          </label>
          <input id="customers-q" name="q" type="search" defaultValue={q ?? ''} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass('primary')}>
          Search
        </button>
      </form>
      {list.rows.length === 0 ? (
        <p className="rounded-2xl border border-stone-200 bg-white p-6 text-stone-600">No customers match.</p>
      ) : (
        <AdminTable caption="Customer accounts" head={['Email', 'Name', 'Orders', 'Role', 'Since']}>
          {list.rows.map((row) => (
            <tr key={row.id} data-testid="customer-row">
              <td className={cell}>
                <Link
                  href={`/admin/customers/${encodeURIComponent(row.id)}`}
                  className="font-semibold text-brand-700 hover:underline"
                >
                  {row.email}
                </Link>
              </td>
              <td className={cell}>{row.name || '—'}</td>
              <td className={`${cell} tabular-nums`}>{row.orderCount}</td>
              <td className={cell}>{row.role}</td>
              <td className={cell}>{row.createdAt.toISOString().slice(0, 10)}</td>
            </tr>
          ))}
        </AdminTable>
      )}
      <Pager
        page={list.page}
        pages={list.pages}
        total={list.total}
        href={(next) => `/admin/customers?${new URLSearchParams({ ...(q ? { q } : {}), page: String(next) })}`}
      />
    </AdminShell>
  );
}
