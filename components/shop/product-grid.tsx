import { ProductCard } from '@/components/shop/product-card';
import type { Product } from '@/lib/catalog/schema';

type Props = { products: readonly Product[] };

export function ProductGrid({ products }: Props) {
  if (products.length === 0) {
    return <p className="text-stone-600">No products here yet. Please check back soon.</p>;
  }
  return (
    <ul className="grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
      {products.map((product, index) => (
        <li key={product.id} className="flex">
          <div className="w-full">
            <ProductCard product={product} aboveTheFold={index < 4} />
          </div>
        </li>
      ))}
    </ul>
  );
}
