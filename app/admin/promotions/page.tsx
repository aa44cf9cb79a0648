import Link from 'next/link';
import { AdminShell } from '@/components/admin/admin-shell';
import { PromotionToggle } from '@/components/admin/promotion-toggle';
import { AdminCard, AdminTable, cell } from '@/components/admin/table';
import { buttonClass } from '@/components/ui/button-styles';
import { requireMerchantPage } from '@/lib/admin/guard';
import { promotionsOverview } from '@/lib/admin/promotions';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/money';
import { currentStoreData } from '@/lib/store-data/current';

export const instant = false;

export default async function AdminPromotionsPage() {
  const merchant = await requireMerchantPage('/admin/promotions');
  const overview = await promotionsOverview(await getDb(), await now());
  const { currency } = (await currentStoreData()).catalog;
  const money = (amount: number) => formatMoney(amount, currency);
  return (
    <AdminShell merchant={merchant} section="promotions" title="Promotions">
      <div className="grid gap-6">
        <p>
          <Link href="/admin/promotions/new" className={buttonClass('primary')}>
            New promotion
          </Link>
        </p>
        <AdminTable
          caption="Discount rules with their uses and holds"
          head={['Rule', 'Code', 'Status', 'Uses counted', 'Limit', 'Held by open checkouts', 'Given', 'Change']}
        >
          {overview.rules.map((rule) => (
            <tr key={rule.id} data-testid="promotion-row">
              <td className={cell}>
                <Link href={`/admin/promotions/${rule.id}`} className="font-semibold text-brand-700 hover:underline">
                  {rule.label}
                </Link>
              </td>
              <td className={cell}>{rule.code ?? 'automatic'}</td>
              <td className={cell} data-testid="promotion-status">
                {rule.active ? 'Enabled' : 'Disabled'}
              </td>
              <td className={`${cell} tabular-nums`} data-testid="promotion-uses">
                {rule.redeemed}
              </td>
              <td className={`${cell} tabular-nums`}>{rule.limit ?? '—'}</td>
              <td className={`${cell} tabular-nums`}>{rule.held}</td>
              <td className={`${cell} tabular-nums`}>{money(rule.given)}</td>
              <td className={cell}>
                <PromotionToggle ruleId={rule.id} label={rule.label} active={rule.active} />
              </td>
            </tr>
          ))}
        </AdminTable>
        <AdminCard id="over-redeemed" title="Over-redeemed orders">
          {overview.overRedeemed.length === 0 ? (
            <p className="text-sm text-stone-600">None.</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {overview.overRedeemed.map((row) => (
                <li key={`${row.orderId}-${row.ruleId}`}>
                  <Link href={`/admin/orders/${row.orderId}`} className="font-semibold text-brand-700 hover:underline">
                    #{row.orderId}
                  </Link>{' '}
                  {row.code ?? row.ruleId} · {row.email ?? 'no email'} · {row.reason}
                </li>
              ))}
            </ul>
          )}
        </AdminCard>
      </div>
    </AdminShell>
  );
}
