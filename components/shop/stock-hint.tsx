import { availabilityOf } from '@/components/shop/stock';

type Props = { stock: number; className?: string };

export function StockHint({ stock, className = '' }: Props) {
  const availability = availabilityOf(stock);
  if (availability.kind === 'sold-out') {
    return (
      <p data-testid="stock-hint" data-stock="sold-out" className={`text-sm font-medium text-stone-600 ${className}`}>
        Sold out
      </p>
    );
  }
  if (availability.kind === 'low') {
    return (
      <p data-testid="stock-hint" data-stock="low" className={`text-sm font-medium text-amber-800 ${className}`}>
        Only {availability.left} left
      </p>
    );
  }
  return (
    <p data-testid="stock-hint" data-stock="in-stock" className={`text-sm text-emerald-800 ${className}`}>
      In stock
    </p>
  );
}

/** The hint's line, blank, while the stock is not known yet (and for good with JavaScript off). */
export function StockHintPlaceholder({ className = '' }: { className?: string }) {
  return (
    <p aria-hidden="true" className={`text-sm ${className}`}>
      {'\u00a0'}
    </p>
  );
}
