import type { NextRequest } from 'next/server';
import { requireMerchantRequest } from '@/lib/admin/guard';
import { orderFiltersOf } from '@/lib/admin/order-filters';
import { exportOrders } from '@/lib/admin/orders';
import { ordersCsv } from '@/lib/admin/orders-csv';
import { getDb } from '@/lib/db';
import { withErrorHandling } from '@/lib/http/responses';

/** The orders list as filtered on /admin/orders, as CSV. 401 when not signed in, 404 for a shopper. */
export const GET = withErrorHandling(async (request: NextRequest) => {
  await requireMerchantRequest(request);
  const rows = await exportOrders(await getDb(), orderFiltersOf(request.nextUrl.searchParams));
  return new Response(ordersCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="orders.csv"',
      'Cache-Control': 'private, no-store',
    },
  });
});
