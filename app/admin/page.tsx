import { redirect } from 'next/navigation';
import { requireMerchantPage } from '@/lib/admin/guard';

export const instant = false;

/** The console opens on its orders. */
export default async function AdminHome() {
  await requireMerchantPage('/admin');
  redirect('/admin/orders');
}
