import { formatMoney } from '@/lib/money';

type Props = { amount: number; currency: string; className: string };

/** A product's unit price, formatted, with its minor units in `data-value` for tests. */
export function ProductPrice({ amount, currency, className }: Props) {
  return (
    <p className={className} data-testid="product-price" data-value={amount}>
      {formatMoney(amount, currency)}
    </p>
  );
}
