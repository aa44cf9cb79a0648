import Image from 'next/image';
import Link from 'next/link';
import { CurrentStockHint } from '@/components/shop/current-stock-hint';
import { ProductPrice } from '@/components/shop/product-price';
import type { Product } from '@/lib/catalog/schema';

type Props = { product: Product; aboveTheFold?: boolean };

export function ProductCard({ product, aboveTheFold = false }: Props) {
  return (
    <article
      data-testid="product-card"
      data-product-id={product.id}
      className="group relative flex flex-col overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm transition-shadow hover:shadow-md"
    >
      <div className="aspect-square overflow-hidden bg-stone-100">
        <Image
          src={product.image}
          alt={product.imageAlt}
          width={800}
          height={800}
          unoptimized
          loading={aboveTheFold ? 'eager' : 'lazy'}
          fetchPriority={aboveTheFold ? 'high' : 'auto'}
          sizes="(min-width: 1024px) 25vw, (min-width: 640px) 50vw, 100vw"
          className="h-full w-full object-cover transition-transform duration-300 group-hover:scale-[1.03]"
        />
      </div>
      <div className="flex flex-1 flex-col gap-1 p-4">
        <h3 className="font-medium text-stone-900">
          <Link href={`/products/${product.id}`} className="after:absolute after:inset-0 focus-visible:outline-none">
            {product.name}
          </Link>
        </h3>
        <ProductPrice
          amount={product.unitAmount}
          currency={product.currency}
          className="text-base font-semibold text-stone-900"
        />
        <CurrentStockHint product={product} className="mt-auto pt-1" />
      </div>
    </article>
  );
}
