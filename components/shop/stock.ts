/** Stock at or below this many units is shown to shoppers as "only N left". */
export const LOW_STOCK_THRESHOLD = 5;

export type Availability = { kind: 'sold-out' } | { kind: 'low'; left: number } | { kind: 'in-stock' };

export function availabilityOf(stock: number): Availability {
  if (stock <= 0) return { kind: 'sold-out' };
  if (stock <= LOW_STOCK_THRESHOLD) return { kind: 'low', left: stock };
  return { kind: 'in-stock' };
}
