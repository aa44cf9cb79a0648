import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { readStockLeft } from '@/app/_lib/stock-left';
import { CategoryFilter } from '@/components/shop/category-filter';
import { ProductGrid } from '@/components/shop/product-grid';
import { STORE_TAGLINE } from '@/components/shop/store-info';
import { getCatalog, getCategory, listProducts } from '@/lib/catalog';

type Props = { searchParams: Promise<{ category?: string | string[] }> };

function categoryIdFrom(value: string | string[] | undefined): string | null {
  const id = Array.isArray(value) ? value[0] : value;
  return id && id.trim() !== '' ? id : null;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const categoryId = categoryIdFrom((await searchParams).category);
  const category = categoryId ? getCategory(categoryId) : null;
  if (!category) return {};
  return {
    title: category.name,
    description: category.description,
    alternates: { canonical: `/?category=${category.id}` },
  };
}

export default async function HomePage({ searchParams }: Props) {
  const categoryId = categoryIdFrom((await searchParams).category);
  const category = categoryId ? getCategory(categoryId) : null;
  if (categoryId && !category) notFound();

  const products = listProducts(category ? { categoryId: category.id } : {});
  const stockLeft = await readStockLeft(products);

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
      <ProductGrid products={products} stockLeft={stockLeft} />
    </div>
  );
}
