import { Suspense } from 'react';
import { readCatalogStockLeft } from '@/app/_lib/stock-left';
import { StockHint, StockHintPlaceholder } from '@/components/shop/stock-hint';
import type { Product } from '@/lib/catalog/schema';

type Props = { product: Product; className?: string };

async function StockLeftHint({ product, className }: Props) {
  const stock = (await readCatalogStockLeft()).get(product.id) ?? product.stock;
  return <StockHint stock={stock} className={className} />;
}

/**
 * What is really left (stock minus units sold and held by open checkouts), streamed per request into the page's
 * prerendered shell, which holds a blank line of the same height.
 */
export function CurrentStockHint({ product, className }: Props) {
  return (
    <Suspense fallback={<StockHintPlaceholder className={className} />}>
      <StockLeftHint product={product} className={className} />
    </Suspense>
  );
}
