import { type CsvValue, toCsv } from '@/lib/admin/csv';
import type { OrderRow } from '@/lib/admin/orders';

const HEADER = [
  'order',
  'created_at',
  'email',
  'status',
  'currency',
  'total',
  'discount',
  'tax',
  'refunded',
  'codes',
  'over_redeemed',
  'record_mismatch',
];

/** The orders list as CSV: amounts in minor units (as stored), one row per order. */
export function ordersCsv(rows: ReadonlyArray<OrderRow>): string {
  return toCsv(
    HEADER,
    rows.map((row): CsvValue[] => [
      row.id,
      row.createdAt.toISOString(),
      row.email,
      row.status,
      row.currency,
      row.amountTotal,
      row.amountDiscount,
      row.amountTax,
      row.refunded,
      row.codes,
      row.overRedeemed,
      row.recordMismatch,
    ]),
  );
}
