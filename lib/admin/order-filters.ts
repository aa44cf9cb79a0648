/** The orders list's search and filters, read from the query string (the list page and the CSV export share them). */
import { z } from 'zod';

export const ORDER_STATUS_FILTERS = ['paid', 'no_payment_required', 'partially_refunded', 'refunded'] as const;

const flag = z
  .string()
  .optional()
  .transform((value) => value === '1' || value === 'on');
const day = z
  .union([z.literal(''), z.iso.date()])
  .optional()
  .catch(undefined)
  .transform((value) => value || null);

export const orderFiltersSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || null),
  status: z.enum(ORDER_STATUS_FILTERS).optional().catch(undefined),
  from: day,
  to: day,
  code: z
    .string()
    .trim()
    .max(64)
    .optional()
    .catch(undefined)
    .transform((v) => v?.toUpperCase() || null),
  overRedeemed: flag,
  flagged: flag,
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .catch(undefined)
    .transform((v) => v ?? 1),
});
export type OrderFilters = z.output<typeof orderFiltersSchema>;

/** Unknown or malformed values are dropped, never an error: a hand-edited URL still shows a list. */
export function orderFiltersOf(params: URLSearchParams | Record<string, string | string[] | undefined>): OrderFilters {
  const entries =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value] as const] : []));
  return orderFiltersSchema.parse(Object.fromEntries(entries));
}

/** The query string of these filters (page left out unless asked), for links and the export. */
export function orderFiltersQuery(filters: OrderFilters, page?: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.code) params.set('code', filters.code);
  if (filters.overRedeemed) params.set('overRedeemed', '1');
  if (filters.flagged) params.set('flagged', '1');
  if (page && page > 1) params.set('page', String(page));
  return params.toString();
}
