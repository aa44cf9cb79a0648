import { CategoryFilter } from '@/components/shop/category-filter';
import { ProductGrid } from '@/components/shop/product-grid';
import { STORE_TAGLINE } from '@/components/shop/store-info';
import { getCatalog, listProducts } from '@/lib/catalog';
import type { Category } from '@/lib/catalog/schema';

type Props = { category: Category | null };

/** The shop's listing: every product on the home page, one category's on its page. */
export function CatalogListing({ category }: Props) {
  const products = listProducts(category ? { categoryId: category.id } : {});
  return (
    <div>
      <section className="mb-10 overflow-hidden rounded-3xl bg-brand-800 px-6 py-10 text-white sm:px-10 sm:py-14">
        <p className="text-sm font-semibold tracking-widest text-brand-100 uppercase">New season</p>
        <h1 className="mt-2 max-w-2xl font-serif text-3xl font-semibold sm:text-5xl">
          {category ? category.name : STORE_TAGLINE}
        </h1>
        <p className="mt-4 max-w-xl text-brand-100">
          {category
            ? category.description
            : 'Carefully chosen electronics, homeware and gifts. Free returns within 30 days and secure checkout.'}
        </p>
      </section>
      <CategoryFilter categories={getCatalog().categories} activeId={category?.id ?? null} />
      <h2 className="sr-only">{category ? `${category.name} products` : 'All products'}</h2>
      <ProductGrid products={products} />
    </div>
  );
}
