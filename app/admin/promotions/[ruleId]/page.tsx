import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminShell } from '@/components/admin/admin-shell';
import { PromotionForm } from '@/components/admin/promotion-form';
import { requireMerchantPage } from '@/lib/admin/guard';
import { promotionChoicesOf } from '@/lib/admin/promotion-choices';
import { formValuesOf } from '@/lib/admin/promotion-form';
import { getDb } from '@/lib/db';
import type { DiscountRuleInput } from '@/lib/discounts/schema';
import { currentStoreData } from '@/lib/store-data/current';
import { listStoredRules } from '@/lib/store-data/load';

export const instant = false;

type Props = { params: Promise<{ ruleId: string }> };

export default async function AdminEditPromotionPage({ params }: Props) {
  const { ruleId } = await params;
  const merchant = await requireMerchantPage(`/admin/promotions/${encodeURIComponent(ruleId)}`);
  const stored = (await listStoredRules(await getDb())).find((row) => row.id === ruleId);
  if (!stored) notFound();
  const rule = stored.rule as DiscountRuleInput;
  const choices = promotionChoicesOf(await currentStoreData());
  return (
    <AdminShell merchant={merchant} section="promotions" title={`Edit ${rule.label}`}>
      <p className="mb-4 text-sm">
        <Link href="/admin/promotions" className="font-semibold text-brand-700 hover:underline">
          ← All promotions
        </Link>{' '}
        · {stored.active ? 'Enabled' : 'Disabled'}
      </p>
      <PromotionForm key={JSON.stringify(rule)} initial={formValuesOf(rule)} {...choices} />
    </AdminShell>
  );
}
