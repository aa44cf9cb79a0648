import { AdminShell } from '@/components/admin/admin-shell';
import { AdminCard, AdminTable, cell, inputClass, labelClass } from '@/components/admin/table';
import { buttonClass } from '@/components/ui/button-styles';
import { requireMerchantPage } from '@/lib/admin/guard';
import { reportRangeOf, salesReport } from '@/lib/admin/reports';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/money';
import { currentStoreData } from '@/lib/store-data/current';

export const instant = false;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminReportsPage({ searchParams }: Props) {
  const merchant = await requireMerchantPage('/admin/reports');
  const range = reportRangeOf(await searchParams, await now());
  const report = await salesReport(await getDb(), range);
  const { currency } = (await currentStoreData()).catalog;
  const money = (amount: number) => formatMoney(amount, currency);
  return (
    <AdminShell merchant={merchant} section="reports" title="Reports">
      <form method="get" aria-label="Report dates" className="mb-6 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="report-from" className={labelClass}>
            From
          </label>
          <input id="report-from" name="from" type="date" defaultValue={range.from} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="report-to" className={labelClass}>
            To
          </label>
          <input id="report-to" name="to" type="date" defaultValue={range.to} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass('primary')}>
          Show
        </button>
      </form>
      <div className="grid gap-6">
        <AdminCard id="sales" title={`Sales, ${range.from} to ${range.to} (UTC)`}>
          <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
            {[
              ['Orders', String(report.sales.orders), 'report-orders'],
              ['Gross', money(report.sales.gross), 'report-gross'],
              [`Refunds (${report.sales.refundCount})`, money(report.sales.refunds), 'report-refunds'],
              ['Net', money(report.sales.net), 'report-net'],
            ].map(([label, value, testId]) => (
              <div key={testId}>
                <dt className="text-stone-600">{label}</dt>
                <dd className="text-xl font-semibold tabular-nums" data-testid={testId}>
                  {value}
                </dd>
              </div>
            ))}
          </dl>
        </AdminCard>
        <AdminCard id="discounts-given" title="Discounts given, by rule">
          {report.discounts.length === 0 ? (
            <p className="text-sm text-stone-600">None in these dates.</p>
          ) : (
            <AdminTable
              caption="Discounts by rule"
              head={['Rule', 'Code', 'Uses', 'Given', 'Over-redeemed', 'Released']}
            >
              {report.discounts.map((row) => (
                <tr key={`${row.ruleId}-${row.code ?? ''}`}>
                  <td className={cell}>{row.label}</td>
                  <td className={cell}>{row.code ?? 'automatic'}</td>
                  <td className={`${cell} tabular-nums`}>{row.uses}</td>
                  <td className={`${cell} tabular-nums`}>{money(row.amount)}</td>
                  <td className={`${cell} tabular-nums`}>{row.overRedeemed}</td>
                  <td className={`${cell} tabular-nums`}>{row.released}</td>
                </tr>
              ))}
            </AdminTable>
          )}
        </AdminCard>
        <AdminCard id="tax" title={`Tax collected: ${money(report.tax.total)}`}>
          {report.tax.byJurisdiction.length === 0 ? (
            <p className="text-sm text-stone-600">No Stripe Tax in these dates.</p>
          ) : (
            <AdminTable caption="Tax by jurisdiction" head={['Tax', 'Country', 'State', 'Jurisdiction', 'Collected']}>
              {report.tax.byJurisdiction.map((row) => (
                <tr key={`${row.country}-${row.state}-${row.jurisdiction}-${row.name}`}>
                  <td className={cell}>{row.name}</td>
                  <td className={cell}>{row.country ?? '—'}</td>
                  <td className={cell}>{row.state ?? '—'}</td>
                  <td className={cell}>{row.jurisdiction ?? '—'}</td>
                  <td className={`${cell} tabular-nums`}>{money(row.amount)}</td>
                </tr>
              ))}
            </AdminTable>
          )}
        </AdminCard>
      </div>
    </AdminShell>
  );
}
