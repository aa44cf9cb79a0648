import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CatalogListing } from '@/components/shop/catalog-listing';
import { getCatalog, getCategory } from '@/lib/catalog';

type Props = { params: Promise<{ id: string }> };

// Each category's page is prerendered whole: a link waits for it rather than showing a page without the category first.
export const instant = false;

export function generateStaticParams() {
  return getCatalog().categories.map((category) => ({ id: category.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = getCategory((await params).id);
  if (!category) return { title: 'Category not found' };
  return {
    title: category.name,
    description: category.description,
    alternates: { canonical: `/categories/${category.id}` },
  };
}

export default async function CategoryPage({ params }: Props) {
  const category = getCategory((await params).id);
  if (!category) notFound();
  return <CatalogListing category={category} />;
}
