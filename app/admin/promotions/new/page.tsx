import Link from 'next/link';
import { AdminShell } from '@/components/admin/admin-shell';
import { PromotionForm } from '@/components/admin/promotion-form';
import { requireMerchantPage } from '@/lib/admin/guard';
import { promotionChoicesOf } from '@/lib/admin/promotion-choices';
import { currentStoreData } from '@/lib/store-data/current';

export const instant = false;

export default async function AdminNewPromotionPage() {
  const merchant = await requireMerchantPage('/admin/promotions/new');
  const choices = promotionChoicesOf(await currentStoreData());
  return (
    <AdminShell merchant={merchant} section="promotions" title="New promotion">
      <p className="mb-4 text-sm">
        <Link href="/admin/promotions" className="font-semibold text-brand-700 hover:underline">
          ← All promotions
        </Link>
      </p>
      <PromotionForm initial={null} {...choices} />
    </AdminShell>
  );
}
