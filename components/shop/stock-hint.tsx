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
